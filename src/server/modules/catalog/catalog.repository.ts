import { containsIgnoringCase } from '../../platform/text-search.js';
import type { Executor } from '../../platform/transaction.js';

export interface CatalogFilter {
  q?: string;
  tag?: string;
  from: string;
  to?: string;
  after?: [string, string];
  limit: number;
}

export const catalogRepository = {
  /**
   * Scheduled sessions of published workshops starting in [from, to), soonest first, keyset-paged
   * on (starts_at, id). The text filter matches title, summary, tags and hosts' names, case-insensitively.
   */
  upcomingSessions(db: Executor, f: CatalogFilter) {
    let query = db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .selectAll('s')
      .select(['w.title as workshop_title', 'w.summary as workshop_summary', 'w.format as workshop_format'])
      .where('w.status', '=', 'published')
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>=', f.from);
    if (f.to) query = query.where('s.starts_at', '<', f.to);
    if (f.tag) {
      const tag = f.tag.toLowerCase();
      query = query.where((eb) =>
        eb.exists(eb.selectFrom('workshop_tags as t').select('t.tag').whereRef('t.workshop_id', '=', 'w.id').where('t.tag', '=', tag)),
      );
    }
    if (f.q) {
      const q = f.q;
      query = query.where((eb) =>
        eb.or([
          containsIgnoringCase('w.title', q),
          containsIgnoringCase('w.summary', q),
          eb.exists(
            eb
              .selectFrom('workshop_tags as qt')
              .select('qt.tag')
              .whereRef('qt.workshop_id', '=', 'w.id')
              .where(containsIgnoringCase('qt.tag', q)),
          ),
          eb.exists(
            eb
              .selectFrom('workshop_hosts as qh')
              .innerJoin('people as qp', 'qp.id', 'qh.person_id')
              .select('qh.person_id')
              .whereRef('qh.workshop_id', '=', 'w.id')
              .where(containsIgnoringCase('qp.name', q)),
          ),
        ]),
      );
    }
    if (f.after) {
      const [startsAt, id] = f.after;
      query = query.where((eb) =>
        eb.or([eb('s.starts_at', '>', startsAt), eb.and([eb('s.starts_at', '=', startsAt), eb('s.id', '>', id)])]),
      );
    }
    return query.orderBy('s.starts_at').orderBy('s.id').limit(f.limit).execute();
  },

  /** Tags of published workshops, most used first. */
  tags(db: Executor, opts: { q?: string; limit: number }) {
    let query = db
      .selectFrom('workshop_tags as t')
      .innerJoin('workshops as w', 'w.id', 't.workshop_id')
      .select(['t.tag', (eb) => eb.fn.countAll<number>().as('count')])
      .where('w.status', '=', 'published');
    if (opts.q) query = query.where(containsIgnoringCase('t.tag', opts.q));
    return query
      .groupBy('t.tag')
      .orderBy((eb) => eb.fn.countAll(), 'desc')
      .orderBy('t.tag')
      .limit(opts.limit)
      .execute();
  },
};
