import { type Insertable, PostgresAdapter, type Selectable, type Updateable } from 'kysely';
import * as postgresJson from 'kysely/helpers/postgres';
import * as sqliteJson from 'kysely/helpers/sqlite';
import type { WorkshopHostsTable, WorkshopsTable } from '../../db/schema.js';
import { prepared, preparedByIds } from '../../platform/prepared.js';
import { containsIgnoringCase } from '../../platform/text-search.js';
import type { Executor } from '../../platform/transaction.js';

export type WorkshopRow = Selectable<WorkshopsTable>;
export interface HostRow {
  workshop_id: string;
  id: string;
  name: string;
  title: string | null;
  role: 'owner' | 'cohost';
}

/** A workshop's checklist as the workshop page shows it. */
export interface ChecklistSummary {
  workshop_id: string;
  show_on_workshop: number;
  template_name: string;
  total: number;
  answered: number;
}

export interface WorkshopListFilter {
  q?: string;
  tag?: string;
  hostId?: string;
  status?: 'draft' | 'published';
  /** Drafts are listed only for this person's own workshops (undefined: admin, sees all). */
  draftsVisibleTo?: string;
  after?: [string, string];
  limit: number;
}

const workshopById = prepared((db, id: string) => db.selectFrom('workshops').selectAll().where('id', '=', id));

/** What the workshop page shows of one workshop, beside its row. */
export interface WorkshopPageRow {
  row: WorkshopRow;
  hosts: HostRow[];
  tags: string[];
  upcomingSessionCount: number;
  /** When the soonest upcoming session starts (the count above changes then, by time alone). */
  nextUpcomingStart: string | null;
  checklist?: ChecklistSummary;
  channels: { slug: string; name: string }[];
}

// JSON arrays come back parsed from PostgreSQL (json_agg) and as text from SQLite (json_group_array).
const parsed = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * The workshop page in one statement: the row with its hosts, tags, channels and checklist as
 * JSON arrays and its upcoming sessions counted, instead of a round trip for each.
 */
const workshopPageQuery = prepared((db, id: string, now: string) => {
  const { jsonArrayFrom } = db.getExecutor().adapter instanceof PostgresAdapter ? postgresJson : sqliteJson;
  return db
    .selectFrom('workshops as w')
    .selectAll('w')
    .select((eb) => [
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
      jsonArrayFrom(
        eb
          .selectFrom('workshop_channels as wc')
          .innerJoin('channels as c', 'c.id', 'wc.channel_id')
          .select(['c.slug', 'c.name'])
          .whereRef('wc.workshop_id', '=', 'w.id')
          .orderBy('c.name'),
      ).as('channels_json'),
      jsonArrayFrom(
        eb
          .selectFrom('checklist_runs as r')
          .innerJoin('checklist_templates as ct', 'ct.id', 'r.template_id')
          .select((e) => [
            'r.workshop_id',
            'r.show_on_workshop',
            'ct.name as template_name',
            e
              .selectFrom('checklist_items as i')
              .whereRef('i.version_id', '=', 'r.version_id')
              .select((x) => x.fn.countAll<number>().as('n'))
              .as('total'),
            e
              .selectFrom('checklist_answers as a')
              .innerJoin('checklist_items as i', (join) =>
                join.onRef('i.key', '=', 'a.item_key').onRef('i.version_id', '=', 'r.version_id'),
              )
              .whereRef('a.run_id', '=', 'r.id')
              .where('a.answer', 'is not', null)
              .select((x) => x.fn.countAll<number>().as('n'))
              .as('answered'),
          ])
          .whereRef('r.workshop_id', '=', 'w.id'),
      ).as('checklist_json'),
      eb
        .selectFrom('sessions as s')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.workshop_id', '=', 'w.id')
        .where('s.status', '=', 'scheduled')
        .where('s.starts_at', '>=', now)
        .as('upcoming'),
      eb
        .selectFrom('sessions as s')
        .select((e) => e.fn.min('s.starts_at').as('n'))
        .whereRef('s.workshop_id', '=', 'w.id')
        .where('s.status', '=', 'scheduled')
        .where('s.starts_at', '>=', now)
        .as('next_upcoming'),
    ])
    .where('w.id', '=', id);
});

export const workshopsRepository = {
  /** One workshop with everything its page shows (workshopPageQuery); undefined when there is none. */
  async page(db: Executor, id: string, now: string): Promise<WorkshopPageRow | undefined> {
    const [found] = await workshopPageQuery(db, id, now);
    if (!found) return undefined;
    const { hosts_json, tags_json, channels_json, checklist_json, upcoming, next_upcoming, ...row } = found;
    return {
      row,
      hosts: parsed<HostRow[]>(hosts_json),
      tags: parsed<{ tag: string }[]>(tags_json).map((t) => t.tag),
      channels: parsed<{ slug: string; name: string }[]>(channels_json),
      checklist: parsed<ChecklistSummary[]>(checklist_json)[0],
      upcomingSessionCount: Number(upcoming ?? 0),
      nextUpcomingStart: next_upcoming ?? null,
    };
  },

  /** Checklist name and progress per workshop: items of the run's version, and those answered. */
  checklistSummaries: preparedByIds((db, ids) =>
    db
      .selectFrom('checklist_runs as r')
      .innerJoin('checklist_templates as t', 't.id', 'r.template_id')
      .select((eb) => [
        'r.workshop_id',
        'r.show_on_workshop',
        't.name as template_name',
        eb
          .selectFrom('checklist_items as i')
          .whereRef('i.version_id', '=', 'r.version_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('total'),
        eb
          .selectFrom('checklist_answers as a')
          .innerJoin('checklist_items as i', (join) => join.onRef('i.key', '=', 'a.item_key').onRef('i.version_id', '=', 'r.version_id'))
          .whereRef('a.run_id', '=', 'r.id')
          .where('a.answer', 'is not', null)
          .select((e) => e.fn.countAll<number>().as('n'))
          .as('answered'),
      ])
      .where('r.workshop_id', 'in', ids),
  ) as (db: Executor, ids: string[]) => Promise<ChecklistSummary[]>,

  findById(db: Executor, id: string): Promise<WorkshopRow | undefined> {
    return workshopById(db, id).then(([row]) => row);
  },

  /** Newest first, keyset-paged on (created_at, id) descending. */
  list(db: Executor, f: WorkshopListFilter): Promise<WorkshopRow[]> {
    let query = db.selectFrom('workshops as w').selectAll('w');
    if (f.q) {
      const q = f.q;
      query = query.where((eb) => eb.or([containsIgnoringCase('w.title', q), containsIgnoringCase('w.summary', q)]));
    }
    if (f.tag) {
      const tag = f.tag.toLowerCase();
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('workshop_tags as t').select('t.tag').whereRef('t.workshop_id', '=', 'w.id').where('t.tag', '=', tag)),
      );
    }
    if (f.hostId) {
      const hostId = f.hostId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('workshop_hosts as h')
            .select('h.person_id')
            .whereRef('h.workshop_id', '=', 'w.id')
            .where('h.person_id', '=', hostId),
        ),
      );
    }
    if (f.status) query = query.where('w.status', '=', f.status);
    if (f.draftsVisibleTo !== undefined) {
      const viewer = f.draftsVisibleTo;
      query = query.where((eb) =>
        eb.or([
          eb('w.status', '=', 'published'),
          eb.exists(
            eb
              .selectFrom('workshop_hosts as v')
              .select('v.person_id')
              .whereRef('v.workshop_id', '=', 'w.id')
              .where('v.person_id', '=', viewer),
          ),
        ]),
      );
    }
    if (f.after) {
      const [createdAt, id] = f.after;
      query = query.where((eb) =>
        eb.or([eb('w.created_at', '<', createdAt), eb.and([eb('w.created_at', '=', createdAt), eb('w.id', '<', id)])]),
      );
    }
    return query.orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(f.limit).execute();
  },

  insert(db: Executor, row: Insertable<WorkshopsTable>) {
    return db.insertInto('workshops').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<WorkshopsTable>) {
    return db.updateTable('workshops').set(changes).where('id', '=', id).execute();
  },

  hostsOf: preparedByIds((db, workshopIds) =>
    db
      .selectFrom('workshop_hosts as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .select(['h.workshop_id', 'p.id', 'p.name', 'p.title', 'h.role'])
      .where('h.workshop_id', 'in', workshopIds)
      .orderBy('h.workshop_id')
      .orderBy('h.added_at')
      .orderBy('p.name'),
  ) as (db: Executor, workshopIds: string[]) => Promise<HostRow[]>,

  channelsOf: preparedByIds((db, workshopIds) =>
    db
      .selectFrom('workshop_channels as wc')
      .innerJoin('channels as c', 'c.id', 'wc.channel_id')
      .select(['wc.workshop_id', 'c.slug', 'c.name'])
      .where('wc.workshop_id', 'in', workshopIds)
      .orderBy('c.name'),
  ),

  tagsOf: preparedByIds((db, workshopIds) =>
    db
      .selectFrom('workshop_tags')
      .select(['workshop_id', 'tag'])
      .where('workshop_id', 'in', workshopIds)
      .orderBy('workshop_id')
      .orderBy('tag'),
  ),

  async replaceTags(db: Executor, workshopId: string, tags: string[]) {
    await db.deleteFrom('workshop_tags').where('workshop_id', '=', workshopId).execute();
    if (tags.length > 0) {
      await db
        .insertInto('workshop_tags')
        .values(tags.map((tag) => ({ workshop_id: workshopId, tag })))
        .execute();
    }
  },

  addHost(db: Executor, row: Insertable<WorkshopHostsTable>) {
    return db
      .insertInto('workshop_hosts')
      .values(row)
      .onConflict((oc) => oc.columns(['workshop_id', 'person_id']).doNothing())
      .execute();
  },

  removeHost(db: Executor, workshopId: string, personId: string) {
    return db.deleteFrom('workshop_hosts').where('workshop_id', '=', workshopId).where('person_id', '=', personId).execute();
  },

  upcomingSessionCounts: preparedByIds((db, workshopIds, now: string) =>
    db
      .selectFrom('sessions')
      .select(['workshop_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('workshop_id', 'in', workshopIds)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>=', now)
      .groupBy('workshop_id'),
  ),
};
