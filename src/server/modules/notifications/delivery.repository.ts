import type { Executor } from '../../platform/transaction.js';

/** Everything a message about one person and one session shows, read when it is delivered. */
export const deliveryRepository = {
  /** The recipient of a message about no session (the weekly summary). */
  async person(db: Executor, personId: string) {
    return db.selectFrom('people').select(['id', 'name', 'email', 'time_zone', 'role']).where('id', '=', personId).executeTakeFirst();
  },

  async context(db: Executor, sessionId: string, personId: string, registrationId: string | undefined) {
    const [person, session, registration, standing] = await Promise.all([
      db.selectFrom('people').select(['id', 'name', 'email', 'time_zone', 'role']).where('id', '=', personId).executeTakeFirst(),
      db
        .selectFrom('sessions as s')
        .innerJoin('workshops as w', 'w.id', 's.workshop_id')
        .select([
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
        ])
        .where('s.id', '=', sessionId)
        .executeTakeFirst(),
      registrationId
        ? db
            .selectFrom('registrations')
            .select(['id', 'status', 'position', 'offer_expires_at', 'mode'])
            .where('id', '=', registrationId)
            .executeTakeFirst()
        : undefined,
      // The person's registration as it stands now, whatever message this is.
      db
        .selectFrom('registrations')
        .select('status')
        .where('session_id', '=', sessionId)
        .where('person_id', '=', personId)
        .where('status', '<>', 'cancelled')
        .executeTakeFirst(),
    ]);
    if (!person || !session) return undefined;
    const hosts = await db
      .selectFrom('workshop_hosts as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .select(['p.id', 'p.name', 'p.email'])
      .where('h.workshop_id', '=', session.workshop_id)
      .orderBy('h.added_at')
      .execute();
    return { person, session, registration, standing: standing ?? null, hosts };
  },
};

export type DeliveryContext = NonNullable<Awaited<ReturnType<typeof deliveryRepository.context>>>;
