import type { Executor } from '../../platform/transaction.js';

const ACTIVE = ['enrolled', 'offered', 'waitlisted', 'attended'] as const;

/** The signals behind "Recommended for you". Each returns upcoming, published workshops only. */
export const recommendationsRepository = {
  /** Workshops the person hosts or already holds an active registration for upcoming: never recommended. */
  async alreadyMine(db: Executor, personId: string, now: string): Promise<Set<string>> {
    const [hosted, registered] = await Promise.all([
      db.selectFrom('workshop_hosts').select('workshop_id').where('person_id', '=', personId).execute(),
      db
        .selectFrom('registrations as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .select('s.workshop_id')
        .where('r.person_id', '=', personId)
        .where('r.status', 'in', ACTIVE)
        .where('s.starts_at', '>', now)
        .execute(),
    ]);
    return new Set([...hosted, ...registered].map((r) => r.workshop_id));
  },

  /** Upcoming workshops most registered for by people in the same team. */
  popularInTeam(db: Executor, team: string, personId: string, now: string, limit: number) {
    return db
      .selectFrom('registrations as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .innerJoin('sessions as s', 's.id', 'r.session_id')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select(['s.workshop_id', (eb) => eb.fn.count<number>('r.person_id').distinct().as('n')])
      .where('p.team', '=', team)
      .where('p.id', '<>', personId)
      .where('r.status', 'in', ACTIVE)
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>', now)
      .where('w.status', '=', 'published')
      .groupBy('s.workshop_id')
      .orderBy('n', 'desc')
      .orderBy('s.workshop_id')
      .limit(limit)
      .execute();
  },

  /**
   * "People who attended X also attended Y": Y has an upcoming session and was attended by
   * people who attended a workshop the person attended. Returns (X title, Y) pairs, strongest first.
   */
  alsoAttended(db: Executor, personId: string, now: string, limit: number) {
    return db
      .selectFrom('registrations as mine')
      .innerJoin('sessions as ms', 'ms.id', 'mine.session_id')
      .innerJoin('workshops as x', 'x.id', 'ms.workshop_id')
      .innerJoin('sessions as xs', 'xs.workshop_id', 'x.id')
      .innerJoin('registrations as peer', (join) =>
        join.onRef('peer.session_id', '=', 'xs.id').on('peer.status', '=', 'attended').onRef('peer.person_id', '<>', 'mine.person_id'),
      )
      .innerJoin('registrations as other', (join) =>
        join.onRef('other.person_id', '=', 'peer.person_id').on('other.status', '=', 'attended'),
      )
      .innerJoin('sessions as os', 'os.id', 'other.session_id')
      .select(['x.title as because_title', 'os.workshop_id', (eb) => eb.fn.count<number>('peer.person_id').distinct().as('n')])
      .where('mine.person_id', '=', personId)
      .where('mine.status', '=', 'attended')
      .whereRef('os.workshop_id', '<>', 'x.id')
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('sessions as up')
            .innerJoin('workshops as w', 'w.id', 'up.workshop_id')
            .select('up.id')
            .whereRef('up.workshop_id', '=', 'os.workshop_id')
            .where('up.status', '=', 'scheduled')
            .where('up.starts_at', '>', now)
            .where('w.status', '=', 'published'),
        ),
      )
      .groupBy(['x.title', 'os.workshop_id'])
      .orderBy('n', 'desc')
      .orderBy('os.workshop_id')
      .limit(limit)
      .execute();
  },
};
