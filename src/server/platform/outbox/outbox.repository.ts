import { type Insertable, PostgresAdapter, type RawBuilder, type Selectable, sql } from 'kysely';
import type { OutboxTable } from '../../db/schema.js';
import { prepared } from '../prepared.js';
import type { Executor } from '../transaction.js';

export type OutboxRow = Selectable<OutboxTable>;
export type OutboxStatus = 'pending' | 'done' | 'dead';

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A message due as soon as it is created. */
export type NewMessage = Pick<
  Insertable<OutboxTable>,
  'id' | 'channel' | 'topic' | 'dedup_key' | 'payload' | 'person_id' | 'session_id' | 'subscription_id' | 'created_at'
>;

/** Every registration queues one: compiled once. */
const insertOne = prepared(
  (
    db,
    id: string,
    channel: string,
    topic: string,
    dedupKey: string,
    payload: string,
    personId: string | null,
    sessionId: string | null,
    subscriptionId: string | null,
    at: string,
  ) =>
    db
      .insertInto('outbox')
      .values({
        id,
        channel: channel as OutboxRow['channel'],
        topic,
        dedup_key: dedupKey,
        payload,
        person_id: personId,
        session_id: sessionId,
        subscription_id: subscriptionId,
        run_at: at,
        created_at: at,
      })
      .onConflict((oc) => oc.column('dedup_key').doNothing()),
);

/** A message to one person, as the notifier writes it: the channel is theirs to choose (personMessageRow). */
export interface PersonMessage {
  id: string;
  topic: string;
  dedupKey: string;
  payload: string;
  personId: string;
  sessionId: string | null;
  kind: string;
  at: string;
}

/** A PersonMessage's fields as arguments, in order (prepared statements take them one by one). */
export type PersonMessageArgs = [
  id: string,
  topic: string,
  dedupKey: string,
  payload: string,
  personId: string,
  sessionId: string | null,
  kind: string,
  at: string,
];

export const personMessageArgs = (m: PersonMessage): PersonMessageArgs => [
  m.id,
  m.topic,
  m.dedupKey,
  m.payload,
  m.personId,
  m.sessionId,
  m.kind,
  m.at,
];

/**
 * The outbox row of a message to one person who is active, by the channel they chose for its kind
 * — email unless they chose Slack (a direct message) or nothing (no row) — as a SELECT to insert
 * from: every registration queues one, and one statement costs less than a read and a write.
 * Shared by insertForPerson and by statements that write a message beside their own change;
 * personMessageRows is the same for many messages at once.
 */
export function personMessageRow(db: Executor, ...[id, topic, dedupKey, payload, personId, sessionId, kind, at]: PersonMessageArgs) {
  const chosen = db.selectFrom('notification_preferences').select('channel').where('person_id', '=', personId).where('kind', '=', kind);
  return (
    db
      .selectNoFrom((eb) => [
        eb.val(id).as('id'),
        eb.fn
          .coalesce(
            eb.selectFrom(chosen.as('p')).select(sql<string>`case when p.channel = 'slack' then 'slack_dm' else 'email' end`.as('c')),
            eb.val('email'),
          )
          .as('channel'),
        eb.val(topic).as('topic'),
        eb.val(dedupKey).as('dedup_key'),
        eb.val(payload).as('payload'),
        eb.val(personId).as('person_id'),
        eb.val(sessionId).as('session_id'),
        eb.val(at).as('run_at'),
        eb.val(at).as('created_at'),
      ])
      .where((eb) => eb.fn.coalesce(eb.selectFrom(chosen.as('q')).select('q.channel'), eb.val('email')), '<>', 'none')
      // Nobody who left (deactivated or erased) is written to: the people module withdraws what was waiting.
      .where((eb) =>
        eb.exists(db.selectFrom('people').select('people.id').where('people.id', '=', personId).where('people.active', '=', 1)),
      )
  );
}

/**
 * personMessageRow for many messages in one statement, on PostgreSQL: `messages` is a JSON array of
 * PersonMessages (personMessagesJson), each with the registration it is about and the status that
 * registration must have for it to be written. The caller adds which of them are written
 * (registrationsRepository.takePlaces: those whose place was just taken, by the status it got), as
 * a condition on `msg.registration_id` and `msg.registration_status`, and may compute the payload
 * from `msg.payload` and the statement's own rows (the calendar invitation of a seat). The same
 * rules as personMessageRow: the channel the person chose for the kind, none for nothing, nobody
 * who left.
 */
export function personMessageRows(db: Executor, messages: string, payload: RawBuilder<string> = sql`msg.payload`) {
  const msg = sql<PersonMessageRecord>`(select * from jsonb_to_recordset(${messages}::jsonb) as x(
    registration_id text, registration_status text, id text, topic text, dedup_key text, payload text, person_id text, session_id text, kind text, at timestamptz))`.as(
    'msg',
  );
  const chosen = sql<
    string | null
  >`(select p.channel from notification_preferences p where p.person_id = msg.person_id and p.kind = msg.kind)`;
  return db
    .selectFrom(msg)
    .select([
      'msg.id',
      sql<string>`case when ${chosen} = 'slack' then 'slack_dm' else 'email' end`.as('channel'),
      'msg.topic',
      'msg.dedup_key',
      payload.as('payload'),
      'msg.person_id',
      'msg.session_id',
      'msg.at as run_at',
      'msg.at as created_at',
    ])
    .where(sql<boolean>`coalesce(${chosen}, 'email') <> 'none'`)
    .where(sql<boolean>`exists (select 1 from people where people.id = msg.person_id and people.active = 1)`);
}

interface PersonMessageRecord {
  registration_id: string;
  registration_status: string;
  id: string;
  topic: string;
  dedup_key: string;
  payload: string;
  person_id: string;
  session_id: string | null;
  kind: string;
  at: string;
}

/** Messages about registrations as personMessageRows reads them: each for a registration of one status. */
export function personMessagesJson(messages: { registrationId: string; status: string; message: PersonMessage }[]): string {
  return JSON.stringify(
    messages.map(
      ({ registrationId, status, message: m }): PersonMessageRecord => ({
        registration_id: registrationId,
        registration_status: status,
        id: m.id,
        topic: m.topic,
        dedup_key: m.dedupKey,
        payload: m.payload,
        person_id: m.personId,
        session_id: m.sessionId,
        kind: m.kind,
        at: m.at,
      }),
    ),
  );
}

/** The columns personMessageRow gives, in its order. */
export const PERSON_MESSAGE_COLUMNS = [
  'id',
  'channel',
  'topic',
  'dedup_key',
  'payload',
  'person_id',
  'session_id',
  'run_at',
  'created_at',
] as const;

const insertForPerson = prepared((db, ...args: PersonMessageArgs) =>
  db
    .insertInto('outbox')
    .columns(PERSON_MESSAGE_COLUMNS)
    .expression(personMessageRow(db, ...args))
    .onConflict((oc) => oc.column('dedup_key').doNothing()),
);

export const outboxRepository = {
  /** One message to one person through the channel they chose for `kind` (nothing when they chose nothing); a few are about no session. */
  async enqueueForPerson(db: Executor, m: PersonMessage) {
    await insertForPerson(db, ...personMessageArgs(m));
  },

  /**
   * Adds messages, due at once; one whose dedup key is already there is skipped (it was enqueued
   * before). Row by row through one compiled statement: lists are short (a few subscribers or
   * channels), and every registration adds one.
   */
  async enqueue(db: Executor, rows: NewMessage[]): Promise<void> {
    for (const r of rows) {
      await insertOne(
        db,
        r.id,
        r.channel,
        r.topic,
        r.dedup_key,
        r.payload,
        r.person_id ?? null,
        r.session_id ?? null,
        r.subscription_id ?? null,
        r.created_at,
      );
    }
  },

  /**
   * Takes up to `limit` due messages for this worker until `until`. On PostgreSQL, rows another
   * instance is taking at the same moment are skipped (FOR UPDATE SKIP LOCKED), so instances share
   * the work without waiting on each other; SQLite has one writer at a time anyway. A claim whose
   * lease ran out (its worker died) is due again.
   */
  async claim(db: Executor, worker: string, now: string, until: string, limit: number): Promise<OutboxRow[]> {
    let due = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('run_at', '<=', now)
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
      .orderBy('run_at')
      .orderBy('id')
      .limit(limit);
    if (isPostgres(db)) due = due.forUpdate().skipLocked();
    return db
      .updateTable('outbox')
      .set((eb) => ({ claimed_by: worker, claimed_until: until, attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  },

  /**
   * Extends this worker's claim on `ids` until `until` (its batch is still in progress); returns
   * the ids it still holds: a claim that ran out (the process stalled) may have gone to another worker.
   */
  async renew(db: Executor, worker: string, ids: string[], until: string): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .updateTable('outbox')
      .set({ claimed_until: until })
      .where('id', 'in', ids)
      .where('claimed_by', '=', worker)
      .where('status', '=', 'pending')
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** Whether it was marked: false when the worker no longer holds the claim (another took the message). */
  async markDone(db: Executor, id: string, worker: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ status: 'done', done_at: at, claimed_by: null, claimed_until: null, last_error: null })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** A failed attempt: due again at `retryAt`, or a dead letter when `retryAt` is null. */
  async markFailed(db: Executor, id: string, worker: string, error: string, retryAt: string | null): Promise<void> {
    await db
      .updateTable('outbox')
      .set({
        status: retryAt === null ? 'dead' : 'pending',
        run_at: retryAt ?? sql`run_at`,
        last_error: error.slice(0, 2000),
        claimed_by: null,
        claimed_until: null,
      })
      .where('id', '=', id)
      .where('claimed_by', '=', worker)
      .execute();
  },

  /** Gives back what this worker claimed but did not finish (shutting down): due again at once, the attempt not counted. */
  async release(db: Executor, worker: string): Promise<number> {
    const result = await db
      .updateTable('outbox')
      .set((eb) => ({ claimed_by: null, claimed_until: null, attempts: eb('attempts', '-', 1) }))
      .where('claimed_by', '=', worker)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** A dead letter (or a pending one) goes out again now, with a fresh count of attempts. */
  async retry(db: Executor, id: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('outbox')
      .set({ status: 'pending', attempts: 0, run_at: now, claimed_by: null, claimed_until: null })
      .where('id', '=', id)
      .where('status', '<>', 'done')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Forgets delivered messages created before `before`, a slice at a time; dead letters stay until dealt with. */
  async purgeDelivered(db: Executor, before: string, limit: number): Promise<number> {
    const old = db.selectFrom('outbox').select('id').where('status', '=', 'done').where('created_at', '<', before).limit(limit);
    const result = await db.deleteFrom('outbox').where('id', 'in', old).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  findById(db: Executor, id: string): Promise<OutboxRow | undefined> {
    return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Newest first, keyset-paged on (created_at, id), with the names of whom and what each is about. */
  list(db: Executor, f: { status?: OutboxStatus; after?: [string, string]; limit: number; only?: string }) {
    let query = db
      .selectFrom('outbox as o')
      .leftJoin('people as p', 'p.id', 'o.person_id')
      .leftJoin('sessions as s', 's.id', 'o.session_id')
      .leftJoin('workshops as w', 'w.id', 's.workshop_id')
      .selectAll('o')
      .select(['p.name as person_name', 'w.title as workshop_title']);
    if (f.status) query = query.where('o.status', '=', f.status);
    if (f.only) query = query.where('o.id', '=', f.only);
    if (f.after) {
      const [at, id] = f.after;
      query = query.where((eb) => eb.or([eb('o.created_at', '<', at), eb.and([eb('o.created_at', '=', at), eb('o.id', '<', id)])]));
    }
    return query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
  },

  async countsByStatus(db: Executor): Promise<Record<OutboxStatus, number>> {
    const rows = await db
      .selectFrom('outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<OutboxStatus, number> = { pending: 0, done: 0, dead: 0 };
    for (const r of rows) counts[r.status as OutboxStatus] = Number(r.n);
    return counts;
  },
};
