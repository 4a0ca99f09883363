import type { Executor } from '../../platform/transaction.js';

/** Everything a message about one person and one session shows, read when it is delivered. */
export const deliveryRepository = {
  /** The recipient of a message about no session (the weekly summary). */
  async person(db: Executor, personId: string) {
    return db.selectFrom('people').select(['id', 'name', 'email', 'time_zone', 'role']).where('id', '=', personId).executeTakeFirst();
  },

  /**
   * One statement, one row per host (one with no host columns when the workshop has none): the
   * recipient, the session and its workshop, the registration the message is about and the
   * person's live registration now. A crowd at a full session means a message per person, each
   * read here while the crowd is still registering (bench:registration-burst), so it is one round
   * trip, not five.
   */
  async context(db: Executor, sessionId: string, personId: string, registrationId: string | undefined) {
    const rows = await db
      .selectFrom('people as p')
      .innerJoin('sessions as s', (j) => j.on('s.id', '=', sessionId))
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .leftJoin('registrations as r', (j) => j.on('r.id', '=', registrationId ?? null))
      .leftJoin('registrations as now', (j) =>
        j.onRef('now.session_id', '=', 's.id').onRef('now.person_id', '=', 'p.id').on('now.status', '<>', 'cancelled'),
      )
      .leftJoin('workshop_hosts as h', 'h.workshop_id', 's.workshop_id')
      .leftJoin('people as hp', 'hp.id', 'h.person_id')
      .select([
        'p.id as person_id',
        'p.name as person_name',
        'p.email as person_email',
        'p.time_zone as person_time_zone',
        'p.role as person_role',
        's.id',
        's.workshop_id',
        's.starts_at',
        's.ends_at',
        's.time_zone',
        's.mode',
        's.location',
        's.video_url',
        's.status',
        's.recording_url',
        's.session_materials',
        'w.title',
        'w.summary',
        'w.materials',
        'r.id as registration_id',
        'r.status as registration_status',
        'r.position as registration_position',
        'r.offer_expires_at as registration_offer_expires_at',
        'r.mode as registration_mode',
        'now.status as standing',
        'hp.id as host_id',
        'hp.name as host_name',
        'hp.email as host_email',
      ])
      .where('p.id', '=', personId)
      .orderBy('h.added_at')
      .execute();
    const [first] = rows;
    if (!first) return undefined;
    const person = {
      id: first.person_id,
      name: first.person_name,
      email: first.person_email,
      time_zone: first.person_time_zone,
      role: first.person_role,
    };
    const session = {
      id: first.id,
      workshop_id: first.workshop_id,
      starts_at: first.starts_at,
      ends_at: first.ends_at,
      time_zone: first.time_zone,
      mode: first.mode,
      location: first.location,
      video_url: first.video_url,
      status: first.status,
      recording_url: first.recording_url,
      session_materials: first.session_materials,
      title: first.title,
      summary: first.summary,
      materials: first.materials,
    };
    const registration =
      first.registration_id === null
        ? undefined
        : {
            id: first.registration_id,
            status: first.registration_status as NonNullable<typeof first.registration_status>,
            position: first.registration_position,
            offer_expires_at: first.registration_offer_expires_at,
            mode: first.registration_mode as NonNullable<typeof first.registration_mode>,
          };
    const hosts = rows.flatMap((r) =>
      r.host_id === null ? [] : [{ id: r.host_id, name: r.host_name as string, email: r.host_email as string }],
    );
    return { person, session, registration, standing: first.standing === null ? null : { status: first.standing }, hosts };
  },
};

export type DeliveryContext = NonNullable<Awaited<ReturnType<typeof deliveryRepository.context>>>;
