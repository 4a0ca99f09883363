import { type Insertable, PostgresAdapter, type Selectable, type Updateable } from 'kysely';
import type { RegistrationsTable, SeatPool, SessionsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type RegistrationRow = Selectable<RegistrationsTable>;

/** Statuses that hold a seat. Checked-in people keep theirs. */
export const SEAT_HOLDING = ['enrolled', 'offered', 'attended'] as const;

export interface PoolCounts {
  taken: Record<SeatPool, number>;
  waiting: Record<SeatPool, number>;
}

export const emptyCounts = (): PoolCounts => ({ taken: { in_person: 0, online: 0 }, waiting: { in_person: 0, online: 0 } });

export const registrationsRepository = {
  /**
   * Serialises every seat decision of one session. PostgreSQL: the session row is locked until
   * commit, across all app instances. SQLite: the transaction already began IMMEDIATE, which
   * holds the database's single write lock. Returns the session as it is under the lock.
   */
  async lockSession(db: Executor, sessionId: string): Promise<Selectable<SessionsTable> | undefined> {
    const found = await db.selectFrom('sessions').select('workshop_id').where('id', '=', sessionId).executeTakeFirst();
    if (!found) return undefined;
    await registrationsRepository.lockWorkshop(db, found.workshop_id);
    return db.selectFrom('sessions').selectAll().where('id', '=', sessionId).executeTakeFirst();
  },

  /**
   * The lock is the workshop row, not the session row: a series registration touches every
   * session of a workshop, and one lock per workshop can never deadlock with another order.
   */
  async lockWorkshop(db: Executor, workshopId: string): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await db.selectFrom('workshops').select('id').where('id', '=', workshopId).forUpdate().execute();
    }
  },

  /** The other waitlisted parts of a series registration. */
  seriesParts(db: Executor, seriesKey: string, exceptId: string): Promise<RegistrationRow[]> {
    return db
      .selectFrom('registrations')
      .selectAll()
      .where('series_key', '=', seriesKey)
      .where('id', '<>', exceptId)
      .where('status', '=', 'waitlisted')
      .execute();
  },

  findById(db: Executor, id: string): Promise<RegistrationRow | undefined> {
    return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findActive(db: Executor, sessionId: string, personId: string): Promise<RegistrationRow | undefined> {
    return db
      .selectFrom('registrations')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .where('status', '<>', 'cancelled')
      .executeTakeFirst();
  },

  /** Re-counted inside the locked transaction: seats held and waitlist length in one pool. */
  async poolCounts(db: Executor, sessionId: string, pool: SeatPool): Promise<{ taken: number; waiting: number }> {
    const taken = await db
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', 'in', SEAT_HOLDING)
      .executeTakeFirstOrThrow();
    // Positions are gap-free, so the last one is the length: one step down the index, not a count.
    const last = await db
      .selectFrom('registrations')
      .select('position')
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', '=', 'waitlisted')
      .orderBy('position', 'desc')
      .limit(1)
      .executeTakeFirst();
    return { taken: Number(taken.n), waiting: Number(last?.position ?? 0) };
  },

  insert(db: Executor, row: Insertable<RegistrationsTable>) {
    return db.insertInto('registrations').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<RegistrationsTable>) {
    return db.updateTable('registrations').set(changes).where('id', '=', id).execute();
  },

  /** Closes the gap a waitlisted person left at `position` (or the first `count` places). */
  closeGap(db: Executor, sessionId: string, pool: SeatPool, after: number, count = 1) {
    return db
      .updateTable('registrations')
      .set((eb) => ({ position: eb('position', '-', count) }))
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', '=', 'waitlisted')
      .where('position', '>', after)
      .execute();
  },

  /** Moves one waitlisted person from `from` to `to` (< from), shifting those in between back. */
  async moveAhead(db: Executor, sessionId: string, pool: SeatPool, id: string, from: number, to: number) {
    await db
      .updateTable('registrations')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', '=', 'waitlisted')
      .where('position', '>=', to)
      .where('position', '<', from)
      .execute();
    await db.updateTable('registrations').set({ position: to }).where('id', '=', id).execute();
  },

  /** The first `count` people on a pool's waitlist, in order. */
  waitlistHead(db: Executor, sessionId: string, pool: SeatPool, count: number): Promise<RegistrationRow[]> {
    return db
      .selectFrom('registrations')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', '=', 'waitlisted')
      .orderBy('position')
      .limit(count)
      .execute();
  },

  /** Seats held and waitlist lengths per session and pool, for presenting sessions. */
  async countsFor(db: Executor, sessionIds: string[]): Promise<Map<string, PoolCounts>> {
    const result = new Map<string, PoolCounts>();
    if (sessionIds.length === 0) return result;
    const rows = await db
      .selectFrom('registrations')
      .select(['session_id', 'mode', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('session_id', 'in', sessionIds)
      .where('status', 'in', [...SEAT_HOLDING, 'waitlisted'])
      .groupBy(['session_id', 'mode', 'status'])
      .execute();
    for (const row of rows) {
      const counts = result.get(row.session_id) ?? emptyCounts();
      if (row.status === 'waitlisted') counts.waiting[row.mode] += Number(row.n);
      else counts.taken[row.mode] += Number(row.n);
      result.set(row.session_id, counts);
    }
    return result;
  },

  activeFor(db: Executor, personId: string, sessionIds: string[]): Promise<RegistrationRow[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('registrations')
      .selectAll()
      .where('person_id', '=', personId)
      .where('session_id', 'in', sessionIds)
      .where('status', '<>', 'cancelled')
      .execute();
  },

  /** Offers whose deadline passed, oldest first. */
  expiredOffers(db: Executor, now: string, limit: number): Promise<RegistrationRow[]> {
    return db
      .selectFrom('registrations')
      .selectAll()
      .where('status', '=', 'offered')
      .where('offer_expires_at', '<=', now)
      .orderBy('offer_expires_at')
      .limit(limit)
      .execute();
  },

  /** After a session ends, enrolled people who never checked in become no-shows. */
  markNoShows(db: Executor, now: string) {
    return db
      .updateTable('registrations')
      .set({ status: 'no_show', updated_at: now })
      .where('status', 'in', ['enrolled', 'offered'])
      .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('ends_at', '<=', now))
      .executeTakeFirst()
      .then((r) => Number(r.numUpdatedRows));
  },
};
