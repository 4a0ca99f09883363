import type { Insertable, Selectable, Updateable } from 'kysely';
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

export const workshopsRepository = {
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
