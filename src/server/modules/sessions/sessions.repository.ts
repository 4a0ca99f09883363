import { type Insertable, PostgresAdapter, type Selectable, type Updateable } from 'kysely';
import * as postgresJson from 'kysely/helpers/postgres';
import * as sqliteJson from 'kysely/helpers/sqlite';
import type { SessionsTable, WorkshopsTable } from '../../db/schema.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';

export type SessionRow = Selectable<SessionsTable>;

const sessionById = prepared((db, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id));

/** What the session page shows beside the session row (which keeps its seat and waitlist counts): its workshop, hosts and tags. */
export interface SessionPageRow {
  session: SessionRow;
  workshop: { id: string; title: string; summary: string; format: WorkshopsTable['format']; status: 'draft' | 'published' };
  hosts: { workshop_id: string; id: string; name: string; title: string | null; role: 'owner' | 'cohost' }[];
  tags: string[];
}

// JSON arrays come back parsed from PostgreSQL (json_agg) and as text from SQLite (json_group_array).
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/** The session page in one statement, instead of a round trip for each part. */
const sessionPageQuery = prepared((db, id: string) => {
  const { jsonArrayFrom } = db.getExecutor().adapter instanceof PostgresAdapter ? postgresJson : sqliteJson;
  return db
    .selectFrom('sessions as s')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .selectAll('s')
    .select((eb) => [
      'w.title as w_title',
      'w.summary as w_summary',
      'w.format as w_format',
      'w.status as w_status',
      jsonArrayFrom(
        eb
          .selectFrom('workshop_hosts as h')
          .innerJoin('people as p', 'p.id', 'h.person_id')
          .select(['h.workshop_id', 'p.id', 'p.name', 'p.title', 'h.role'])
          .whereRef('h.workshop_id', '=', 'w.id')
          .orderBy('h.added_at')
          .orderBy('p.name'),
      ).as('hosts_json'),
      jsonArrayFrom(eb.selectFrom('workshop_tags as t').select('t.tag').whereRef('t.workshop_id', '=', 'w.id').orderBy('t.tag')).as(
        'tags_json',
      ),
    ])
    .where('s.id', '=', id);
});

export const sessionsRepository = {
  /** One session with what its page shows (sessionPageQuery); undefined when there is none. */
  async page(db: Executor, id: string): Promise<SessionPageRow | undefined> {
    const [found] = await sessionPageQuery(db, id);
    if (!found) return undefined;
    const { w_title, w_summary, w_format, w_status, hosts_json, tags_json, ...session } = found;
    return {
      session,
      workshop: { id: session.workshop_id, title: w_title, summary: w_summary, format: w_format, status: w_status },
      hosts: parsed<SessionPageRow['hosts']>(hosts_json),
      tags: parsed<{ tag: string }[]>(tags_json).map((t) => t.tag),
    };
  },

  findById(db: Executor, id: string): Promise<SessionRow | undefined> {
    return sessionById(db, id).then(([row]) => row);
  },

  insertMany(db: Executor, rows: Insertable<SessionsTable>[]) {
    return db.insertInto('sessions').values(rows).execute();
  },

  update(db: Executor, id: string, changes: Updateable<SessionsTable>) {
    return db.updateTable('sessions').set(changes).where('id', '=', id).execute();
  },

  delete(db: Executor, id: string) {
    return db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  /** A workshop's sessions in start order (upcoming: not yet ended; past: ended), keyset-paged. */
  listForWorkshop(
    db: Executor,
    opts: { workshopId: string; when: 'upcoming' | 'past' | 'all'; now: string; after?: [string, string]; limit: number },
  ): Promise<SessionRow[]> {
    let query = db.selectFrom('sessions').selectAll().where('workshop_id', '=', opts.workshopId);
    if (opts.when === 'upcoming') query = query.where('ends_at', '>', opts.now);
    if (opts.when === 'past') query = query.where('ends_at', '<=', opts.now);
    const descending = opts.when === 'past';
    if (opts.after) {
      const [startsAt, id] = opts.after;
      const op = descending ? '<' : '>';
      query = query.where((eb) => eb.or([eb('starts_at', op, startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', op, id)])]));
    }
    const dir = descending ? 'desc' : 'asc';
    return query.orderBy('starts_at', dir).orderBy('id', dir).limit(opts.limit).execute();
  },
};
