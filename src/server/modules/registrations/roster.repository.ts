import { type Insertable, sql } from 'kysely';
import type { RegistrationStatus, SessionMessagesTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { RosterRow } from './registrations.presenter.js';

/** Seat holders first (by arrival), then the waitlist in order, then cancellations. */
const rosterOrder = sql`case when r.status = 'waitlisted' then 1 when r.status = 'cancelled' then 2 else 0 end`;

export const rosterRepository = {
  roster(db: Executor, opts: { sessionId: string; status?: RegistrationStatus; offset: number; limit: number }): Promise<RosterRow[]> {
    let query = db
      .selectFrom('registrations as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .selectAll('r')
      .select(['p.name', 'p.email', 'p.title', 'p.team'])
      .where('r.session_id', '=', opts.sessionId);
    if (opts.status) query = query.where('r.status', '=', opts.status);
    return query
      .orderBy(rosterOrder)
      .orderBy('r.position')
      .orderBy('r.created_at')
      .orderBy('r.id')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute() as Promise<RosterRow[]>;
  },

  /** A person's registrations with their sessions, upcoming soonest first or past latest first. */
  mine(db: Executor, opts: { personId: string; when: 'upcoming' | 'past'; now: string; offset: number; limit: number }) {
    const upcoming = opts.when === 'upcoming';
    return db
      .selectFrom('registrations as r')
      .innerJoin('sessions as s', 's.id', 'r.session_id')
      .select(['r.id', 'r.session_id'])
      .where('r.person_id', '=', opts.personId)
      .where('r.status', '<>', 'cancelled')
      .where('s.ends_at', upcoming ? '>' : '<=', opts.now)
      .orderBy('s.starts_at', upcoming ? 'asc' : 'desc')
      .orderBy('r.id')
      .offset(opts.offset)
      .limit(opts.limit)
      .execute();
  },

  insertMessage(db: Executor, row: Insertable<SessionMessagesTable>) {
    return db.insertInto('session_messages').values(row).execute();
  },

  messages(db: Executor, sessionId: string) {
    return db
      .selectFrom('session_messages as m')
      .innerJoin('people as p', 'p.id', 'm.author_id')
      .selectAll('m')
      .select('p.name as author_name')
      .where('m.session_id', '=', sessionId)
      .orderBy('m.created_at', 'desc')
      .limit(100)
      .execute();
  },
};
