import { type ExpressionBuilder, PostgresAdapter, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, RegistrationsTable, SeatPool, SessionsTable } from '../../db/schema.js';
import { jsonIdList } from '../../platform/id-list.js';
import {
  PERSON_MESSAGE_COLUMNS,
  type PersonMessage,
  personMessageRows,
  personMessagesJson,
} from '../../platform/outbox/outbox.repository.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';
import { FIRST_INVITATION, raiseInvitation } from '../notifications/invites.repository.js';

export type RegistrationRow = Selectable<RegistrationsTable>;

/** Statuses that hold a seat. Checked-in people keep theirs. */
export const SEAT_HOLDING = ['enrolled', 'offered', 'attended'] as const;

export interface PoolCounts {
  taken: Record<SeatPool, number>;
  waiting: Record<SeatPool, number>;
}

export const emptyCounts = (): PoolCounts => ({ taken: { in_person: 0, online: 0 }, waiting: { in_person: 0, online: 0 } });

type KeptCounts = Pick<Selectable<SessionsTable>, 'in_person_taken' | 'online_taken' | 'in_person_waiting' | 'online_waiting'>;

/** The counts the triggers keep on a session row (migrations 20261126T0400 and 20261204T1300). */
export const keptCounts = (s: KeptCounts): PoolCounts => ({
  taken: { in_person: Number(s.in_person_taken), online: Number(s.online_taken) },
  waiting: { in_person: Number(s.in_person_waiting), online: Number(s.online_waiting) },
});

// The statements every registration runs, compiled once (platform/prepared.ts).
const activeRegistration = prepared((db, sessionId: string, personId: string) =>
  db
    .selectFrom('registrations')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    // A literal, not a parameter: it matches the partial unique index, which then finds the row.
    .where('status', '<>', sql.lit('cancelled')),
);

/**
 * Seats taken and places waiting per pool for any number of sessions (their ids as a JSON array),
 * as every search result page, catalog page and session page shows them: the counters the
 * triggers keep on the session (migrations 20261126T0400 and 20261204T1300), so a session with
 * thousands of registrations costs one step to its row rather than a count of its registrations.
 * Compiled once.
 */
const countsQuery = prepared((db, sessionIdsJson: string) =>
  db
    .selectFrom('sessions')
    .select(['id', 'in_person_taken', 'online_taken', 'in_person_waiting', 'online_waiting'])
    .where('id', 'in', jsonIdList(db, sessionIdsJson)),
);

const poolCountsQuery = prepared((db, sessionId: string, pool: SeatPool) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('registrations')
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', 'in', SEAT_HOLDING)
      .select((e) => e.fn.countAll<number>().as('n'))
      .as('taken'),
    // Positions are gap-free, so the last one is the length: one step down the index, not a count.
    eb
      .selectFrom('registrations')
      .where('session_id', '=', sessionId)
      .where('mode', '=', pool)
      .where('status', '=', 'waitlisted')
      .select('position')
      .orderBy('position', 'desc')
      .limit(1)
      .as('waiting'),
  ]),
);

// A session with what registering and the roster need of its workshop, in one read.
const sessionAndWorkshop = prepared((db, sessionId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .selectAll('s')
    .select(['w.status as workshop_status', 'w.published_at as workshop_published_at', 'w.title as workshop_title'])
    .where('s.id', '=', sessionId),
);

// The first key of PostgreSQL's two-key advisory locks: Lyceum's seat decisions, per workshop.
const SEAT_LOCKS = 0x4c79_6365; // "Lyce"
const workshopLock = prepared((db, workshopId: string) =>
  db.selectNoFrom(sql<string>`pg_advisory_xact_lock(${sql.lit(SEAT_LOCKS)}, hashtext(${workshopId}))`.as('locked')),
);

const takePlaceQuery = prepared((db, id: string, sessionId: string, personId: string, pool: SeatPool, workshopId: string) =>
  db
    .selectFrom(sql<RegistrationRow>`take_place(${id}, ${sessionId}, ${personId}, ${pool}, ${workshopId}, ${sql.lit(SEAT_LOCKS)})`.as('r'))
    .selectAll(),
);

/**
 * PostgreSQL: take_places (migration 20261205T0900) for one session, and for each place just
 * taken (the row carries the id asked for, never a live registration found instead) its
 * message: a seat raises the person's calendar invitation sequence (numbered as notifications'
 * raiseInvitation says) and its message carries the invitation with it, as Notifier.registration
 * writes it; a waitlist place has its message alone. One statement run outside a transaction: it is its own, so the seat
 * lock is held only while PostgreSQL runs it. `items` and `messages` are JSON (PlaceAsk's fields;
 * personMessagesJson).
 */
const takePlacesQuery = prepared((db, sessionId: string, workshopId: string, items: string, messages: string) =>
  db
    .with('r', (qc) =>
      qc
        .selectFrom(sql<RegistrationRow>`take_places(${sessionId}, ${workshopId}, ${items}::jsonb, ${sql.lit(SEAT_LOCKS)})`.as('t'))
        .selectAll(),
    )
    .with('seat', (qc) =>
      qc
        .insertInto('calendar_invites')
        .columns(['session_id', 'person_id', 'sequence', 'updated_at'])
        .expression((eb) =>
          eb
            .selectFrom('r')
            .select(['r.session_id', 'r.person_id', sql.lit(FIRST_INVITATION).as('sequence'), 'r.updated_at'])
            .where('r.status', '=', sql.lit('enrolled'))
            .where(sql<boolean>`r.id in (select e->>'id' from jsonb_array_elements(${items}::jsonb) e)`),
        )
        .onConflict(raiseInvitation)
        .returning(['person_id', 'sequence']),
    )
    .with('m', (qc) =>
      qc
        .insertInto('outbox')
        .columns(PERSON_MESSAGE_COLUMNS)
        .expression(
          personMessageRows(
            db,
            messages,
            sql<string>`coalesce((select (msg.payload::jsonb || jsonb_build_object('calendar',
              jsonb_build_object('method', 'REQUEST', 'sequence', seat.sequence)))::text
              from seat where seat.person_id = msg.person_id and msg.registration_status = 'enrolled'), msg.payload)`,
          ).where(sql<boolean>`exists (select 1 from r where r.id = msg.registration_id and r.status = msg.registration_status)`),
        )
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .returning('id'),
    )
    .selectFrom('r')
    .selectAll(),
);

/**
 * One person asking for a place: the new registration's id and their message about it, one for a
 * seat (its calendar invitation is added by the statement) and one for a waitlist place.
 */
export interface PlaceAsk {
  id: string;
  personId: string;
  pool: SeatPool;
  messages: { enrolled: PersonMessage; waitlisted: PersonMessage };
}

// Every column, in the order the prepared insert below takes them.
const COLUMNS = [
  'id',
  'session_id',
  'person_id',
  'mode',
  'status',
  'position',
  'offer_expires_at',
  'late_cancellation',
  'walk_in',
  'series_key',
  'checked_in_at',
  'cancelled_at',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof RegistrationsTable)[];

const insertRow = prepared((db, ...values: (string | number | null)[]) =>
  db.insertInto('registrations').values(Object.fromEntries(COLUMNS.map((column, i) => [column, values[i]])) as RegistrationRow),
);

export const registrationsRepository = {
  /** A session and the part of its workshop that registration rules read (its state and title). */
  async sessionWithWorkshop(db: Executor, sessionId: string) {
    const [row] = await sessionAndWorkshop(db, sessionId);
    if (!row) return undefined;
    const { workshop_status, workshop_published_at, workshop_title, ...session } = row;
    return {
      session: session satisfies Selectable<SessionsTable>,
      workshop: { status: workshop_status, published_at: workshop_published_at, title: workshop_title },
    };
  },

  /** What registering for a whole series reads of its workshop. */
  seriesWorkshop(db: Executor, workshopId: string) {
    return db.selectFrom('workshops').select(['id', 'status', 'published_at', 'is_series']).where('id', '=', workshopId).executeTakeFirst();
  },

  /** Recounts the seats taken and places waiting per session and pool from the registrations (after a bulk load). */
  async recountSessionCounts(db: Executor): Promise<void> {
    const count = (pool: SeatPool, statuses: readonly RegistrationRow['status'][]) => (eb: ExpressionBuilder<Database, 'sessions'>) =>
      eb
        .selectFrom('registrations as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.session_id', '=', 'sessions.id')
        .where('r.mode', '=', pool)
        .where('r.status', 'in', statuses);
    await db
      .updateTable('sessions')
      .set((eb) => ({
        in_person_taken: count('in_person', SEAT_HOLDING)(eb),
        online_taken: count('online', SEAT_HOLDING)(eb),
        in_person_waiting: count('in_person', ['waitlisted'])(eb),
        online_waiting: count('online', ['waitlisted'])(eb),
      }))
      .execute();
  },

  /**
   * A person's places in sessions still to come (seats, offers and waitlist places), for someone
   * who leaves: ordered by workshop, the order seat locks are taken in.
   */
  upcomingOfPerson(db: Executor, personId: string, now: string): Promise<RegistrationRow[]> {
    return db
      .selectFrom('registrations as r')
      .innerJoin('sessions as s', 's.id', 'r.session_id')
      .selectAll('r')
      .where('r.person_id', '=', personId)
      .where('r.status', 'in', ['enrolled', 'offered', 'waitlisted'])
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>', now)
      .orderBy('s.workshop_id')
      .orderBy('s.starts_at')
      .execute();
  },

  /** A session's registrations that are not cancelled, in no particular order. */
  activeOf(db: Executor, sessionId: string): Promise<RegistrationRow[]> {
    return db.selectFrom('registrations').selectAll().where('session_id', '=', sessionId).where('status', '<>', 'cancelled').execute();
  },

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
   * The same, for a session row this transaction has already read. On SQLite that read happened
   * under the write lock taken at BEGIN IMMEDIATE, so it is current and needs no second look.
   */
  async relock(db: Executor, session: Selectable<SessionsTable>): Promise<Selectable<SessionsTable>> {
    if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return session;
    await registrationsRepository.lockWorkshop(db, session.workshop_id);
    return (await db.selectFrom('sessions').selectAll().where('id', '=', session.id).executeTakeFirst()) ?? session;
  },

  /**
   * One lock per workshop, not per session: a series registration touches every session of a
   * workshop, and one lock per workshop can never deadlock with another order. On PostgreSQL it
   * is a transaction-scoped advisory lock: released at commit or rollback like a row lock, but
   * held in memory only (FOR UPDATE writes the row on every lock) and handed to waiters in order.
   * Two workshops whose ids hash alike merely share a lock.
   */
  async lockWorkshop(db: Executor, workshopId: string): Promise<void> {
    if (db.getExecutor().adapter instanceof PostgresAdapter) await workshopLock(db, workshopId);
  },

  /**
   * PostgreSQL only: the seat decision of one registration in one statement (migration
   * 20261203T0830 take_place): under the workshop's seat lock, the person's live registration if
   * they have one, else `id` inserted with a seat or the next waitlist place. No row: the session
   * is gone or registration closed while this request waited (the caller says why). The lock is
   * held until the caller's transaction ends.
   */
  async takePlace(
    db: Executor,
    id: string,
    session: { id: string; workshop_id: string },
    personId: string,
    pool: SeatPool,
  ): Promise<RegistrationRow | undefined> {
    const [row] = await takePlaceQuery(db, id, session.id, personId, pool, session.workshop_id);
    return row;
  },

  /**
   * PostgreSQL only, outside a transaction: places at one session and each person's message about
   * theirs, in one statement (takePlacesQuery), decided in the order asked. At most one row per
   * person: their live registration, or their new seat or waitlist place. None for a person when
   * registration closed (or the session is gone); the caller then registers them the usual way,
   * in a transaction, which says why. Ask for each person once.
   */
  takePlaces(db: Executor, session: { id: string; workshop_id: string }, asks: PlaceAsk[]): Promise<RegistrationRow[]> {
    const items = JSON.stringify(asks.map((a) => ({ id: a.id, person_id: a.personId, mode: a.pool })));
    const messages = personMessagesJson(
      asks.flatMap((a) => [
        { registrationId: a.id, status: 'enrolled', message: a.messages.enrolled },
        { registrationId: a.id, status: 'waitlisted', message: a.messages.waitlisted },
      ]),
    );
    return takePlacesQuery(db, session.id, session.workshop_id, items, messages);
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
    return activeRegistration(db, sessionId, personId).then(([row]) => row);
  },

  /** Re-counted inside the locked transaction: seats held and waitlist length in one pool, in one statement. */
  async poolCounts(db: Executor, sessionId: string, pool: SeatPool): Promise<{ taken: number; waiting: number }> {
    const [row] = await poolCountsQuery(db, sessionId, pool);
    return { taken: Number(row?.taken ?? 0), waiting: Number(row?.waiting ?? 0) };
  },

  async insert(db: Executor, row: RegistrationRow): Promise<void> {
    await insertRow(db, ...COLUMNS.map((column) => row[column]));
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

  /** Seats held and waitlist lengths per session and pool, for presenting sessions; no entry for a session nobody holds a seat or waits at. */
  async countsFor(db: Executor, sessionIds: string[]): Promise<Map<string, PoolCounts>> {
    const result = new Map<string, PoolCounts>();
    if (sessionIds.length === 0) return result;
    for (const row of await countsQuery(db, JSON.stringify(sessionIds))) {
      const counts = keptCounts(row);
      // As before: a session nobody holds a seat or a place at has no entry (callers read "nobody registered").
      if (counts.taken.in_person + counts.taken.online + counts.waiting.in_person + counts.waiting.online > 0) result.set(row.id, counts);
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
    return (
      db
        .updateTable('registrations')
        .set({ status: 'no_show', updated_at: now })
        .where('status', 'in', ['enrolled', 'offered'])
        // From the few live registrations to their sessions, not from every session that ever ended
        // to its registrations: at org scale 34 ms instead of 107 ms every minute on SQLite.
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('sessions')
              .select('sessions.id')
              .whereRef('sessions.id', '=', 'registrations.session_id')
              .where('sessions.ends_at', '<=', now),
          ),
        )
        .executeTakeFirst()
        .then((r) => Number(r.numUpdatedRows))
    );
  },
};
