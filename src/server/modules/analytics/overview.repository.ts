import { type ExpressionBuilder, PostgresAdapter, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { Segmentation, Window } from './analytics.policy.js';
import { learnersRepository } from './learners.repository.js';
import { filteredPeople, filteredWorkshops, type ScopeFilters, SEAT_STATUSES } from './tables.scope.js';

/**
 * The overview's reads. Each is one pass over an indexed range of sessions (by starts_at), grouped
 * by "segment" (the stretches between the period's edges, month starts and now: see
 * analytics.policy.ts segmentsOf), so one query serves the period, the previous period and the
 * monthly series at once; the service adds the segments up. Sessions come first in every join
 * (CROSS JOIN fixes that order on SQLite: with statistics its planner otherwise walks every
 * attended registration by person, ten times slower).
 */

/** The filters the overview is asked for (the same as the tables': one way to count). */
export type OverviewScope = ScopeFilters;

type Eb = ExpressionBuilder<Database & { s: Database['sessions'] }, 's'>;

const n = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A session's length in whole seconds (date arithmetic differs between the two databases). */
function durationSeconds(db: Executor, alias = 's'): RawBuilder<number> {
  const starts = sql.ref(`${alias}.starts_at`);
  const ends = sql.ref(`${alias}.ends_at`);
  return isPostgres(db) ? sql<number>`extract(epoch from (${ends} - ${starts}))` : sql<number>`(unixepoch(${ends}) - unixepoch(${starts}))`;
}

/** Which segment a session's start falls in: 0 … segments − 1 (rows outside every range are filtered out). */
function segmentOf(seg: Segmentation, alias = 's'): RawBuilder<number> {
  const starts = sql.ref(`${alias}.starts_at`);
  const cuts = seg.boundaries.slice(1, -1).map((b, i) => sql`when ${starts} < ${b} then ${sql.lit(i)}`);
  return sql<number>`case ${sql.join(cuts, sql` `)} else ${sql.lit(seg.boundaries.length - 2)} end`;
}

/** The distinct segments of a group, as text "0,3,4" (one list per person). */
function segmentList(db: Executor, segment: RawBuilder<number>): RawBuilder<string> {
  return isPostgres(db) ? sql<string>`string_agg(distinct cast(${segment} as text), ',')` : sql<string>`group_concat(distinct ${segment})`;
}

/** Ranges cut at `until` (held sessions only: started at or before now). */
function clip(ranges: Window[], until?: string): Window[] {
  if (until === undefined) return ranges;
  return ranges.filter((r) => r.start < until).map((r) => ({ start: r.start, end: r.end < until ? r.end : until }));
}

function inRanges(eb: Eb, ranges: Window[]) {
  return eb.or(ranges.map((r) => eb.and([eb('s.starts_at', '>=', r.start), eb('s.starts_at', '<', r.end)])));
}

/** Scheduled sessions starting in the ranges, of the filtered workshops. */
function sessionsIn(db: Executor, scope: OverviewScope, ranges: Window[]) {
  let query = db
    .selectFrom('sessions as s')
    .where('s.status', '=', 'scheduled')
    .where((eb) => inRanges(eb, ranges));
  const workshops = filteredWorkshops(db, scope);
  if (workshops) query = query.where('s.workshop_id', 'in', workshops);
  return query;
}

/** Keeps the rows of sessions (`s`) of the filtered workshops. */
function withWorkshops<Q extends { where: (...args: any[]) => any }>(db: Executor, scope: OverviewScope, query: Q): Q {
  const workshops = filteredWorkshops(db, scope);
  return workshops ? query.where('s.workshop_id', 'in', workshops) : query;
}

/**
 * Session × host pairs of the ranges (filtered hosts). Without a person filter sessions come first
 * (by start); with one the filtered hosts do, then their workshops' sessions (a team hosts few).
 */
function hostedSessions(db: Executor, scope: OverviewScope, ranges: Window[]) {
  const people = filteredPeople(db, scope);
  if (!people) return sessionsIn(db, scope, ranges).crossJoin('workshop_hosts as h').whereRef('h.workshop_id', '=', 's.workshop_id');
  return db
    .selectFrom('workshop_hosts as h')
    .where('h.person_id', 'in', people)
    .crossJoin('sessions as s')
    .whereRef('s.workshop_id', '=', 'h.workshop_id')
    .where('s.status', '=', 'scheduled')
    .where((eb) => inRanges(eb, ranges))
    .$call((q) => withWorkshops(db, scope, q));
}

/**
 * Held sessions that count under the person filter: a filtered person holds (held) a seat in them.
 * Asked from the people's side (their registrations by person), which stays small for a team.
 */
function countedSessions(db: Executor, scope: OverviewScope, ranges: Window[]) {
  const query = sessionsIn(db, scope, ranges);
  const people = filteredPeople(db, scope);
  if (!people) return query;
  return query.where(
    's.id',
    'in',
    db
      .selectFrom('registrations as cr')
      .select('cr.session_id')
      .where('cr.person_id', 'in', people)
      .where('cr.status', 'in', SEAT_STATUSES),
  );
}

/** Parses "0,3,4" into segment numbers. */
const segmentsIn = (list: string | null) => (list ? list.split(',').map(Number) : []);

export const overviewRepository = {
  /**
   * Registration counts per segment, of the filtered people, in every session of the ranges (held
   * or not). Without a person filter from each session's tallies (one row per session); with one
   * from the people's registrations (a team's are few).
   */
  async registrations(db: Executor, scope: OverviewScope, seg: Segmentation) {
    const people = filteredPeople(db, scope);
    // Per session first (the segment and the session's length are worked out once per session, not per registration), then per segment.
    const perSession = people
      ? db
          .selectFrom('registrations as r')
          .where('r.person_id', 'in', people)
          .crossJoin('sessions as s')
          .whereRef('s.id', '=', 'r.session_id')
          .where('s.status', '=', 'scheduled')
          .where((eb) => inRanges(eb, seg.ranges))
          .$call((q) => withWorkshops(db, scope, q))
          .select([
            's.starts_at',
            's.id',
            sql<string>`max(s.ends_at)`.as('ends_at'),
            sql<number>`sum(case when r.status in ('enrolled', 'attended', 'no_show') then 1 else 0 end)`.as('seats'),
            sql<number>`sum(case when r.status = 'attended' then 1 else 0 end)`.as('attended'),
            sql<number>`sum(case when r.status = 'no_show' then 1 else 0 end)`.as('no_shows'),
            sql<number>`sum(case when r.status = 'waitlisted' then 1 else 0 end)`.as('waitlisted'),
            sql<number>`sum(r.late_cancellation)`.as('late'),
          ])
          .groupBy(['s.starts_at', 's.id'])
      : sessionsIn(db, scope, seg.ranges)
          .innerJoin('session_tallies as t', 't.session_id', 's.id')
          .select([
            's.starts_at',
            's.id',
            's.ends_at',
            't.seats',
            't.attended',
            't.no_shows',
            't.waitlisted',
            't.late_cancellations as late',
          ]);
    const rows = await db
      .selectFrom(perSession.as('ps'))
      .select([
        segmentOf(seg, 'ps').as('seg'),
        sql<number>`sum(ps.seats)`.as('seats'),
        sql<number>`sum(ps.attended)`.as('attended'),
        sql<number>`sum(ps.no_shows)`.as('no_shows'),
        sql<number>`sum(ps.waitlisted)`.as('waitlisted'),
        sql<number>`sum(ps.late)`.as('late'),
        sql<number>`sum(ps.attended * ${durationSeconds(db, 'ps')})`.as('seconds'),
      ])
      .groupBy(sql.ref('seg'))
      .execute();
    return rows.map((r) => ({
      seg: n(r.seg),
      seats: n(r.seats),
      attended: n(r.attended),
      noShows: n(r.no_shows),
      waitlisted: n(r.waitlisted),
      lateCancellations: n(r.late),
      attendedSeconds: n(r.seconds),
    }));
  },

  /** Held sessions per segment that count under the filters. */
  async sessions(db: Executor, scope: OverviewScope, seg: Segmentation, now: string) {
    const rows = await countedSessions(db, scope, clip(seg.ranges, now))
      .select([segmentOf(seg).as('seg'), (eb) => eb.fn.countAll<number>().as('sessions')])
      .groupBy(sql.ref('seg'))
      .execute();
    return rows.map((r) => ({ seg: n(r.seg), sessions: n(r.sessions) }));
  },

  /** Hosting per segment and format: session × host pairs of held sessions and their seconds (filtered hosts). */
  async hosting(db: Executor, scope: OverviewScope, seg: Segmentation, now: string) {
    const rows = await hostedSessions(db, scope, clip(seg.ranges, now))
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select([
        segmentOf(seg).as('seg'),
        'w.format',
        (eb) => eb.fn.countAll<number>().as('pairs'),
        sql<number>`sum(${durationSeconds(db)})`.as('seconds'),
      ])
      .groupBy([sql.ref('seg'), 'w.format'])
      .execute();
    return rows.map((r) => ({ seg: n(r.seg), format: r.format, pairs: n(r.pairs), seconds: n(r.seconds) }));
  },

  /** Distinct learners per window from the rollups (person filters only: see learners.repository.ts). */
  learnerCounts: learnersRepository.counts,

  /**
   * The segments each filtered person attended a held session in (distinct learners per period and
   * month), from the registrations: under a workshop filter, which the rollups cannot apply.
   */
  async learners(db: Executor, scope: OverviewScope, seg: Segmentation, now: string) {
    // The sessions with their segment first (materialized: the segment is worked out once per
    // session, not once per registration), then their attended registrations, per person.
    let query = db
      .with(
        (cte) => cte('ss').materialized(),
        () => sessionsIn(db, scope, clip(seg.ranges, now)).select(['s.id', segmentOf(seg).as('seg')]),
      )
      .selectFrom('ss')
      .crossJoin('registrations as r')
      .whereRef('r.session_id', '=', 'ss.id')
      .where('r.status', '=', 'attended');
    const people = filteredPeople(db, scope);
    if (people) query = query.where('r.person_id', 'in', people);
    const rows = await query
      .select(['r.person_id', segmentList(db, sql<number>`ss.seg`).as('segs')])
      .groupBy('r.person_id')
      .execute();
    return rows.map((r) => segmentsIn(r.segs));
  },

  /**
   * The filtered hosts of held sessions in the previous period and the period, which of the two
   * they hosted in, and the start of their first session ever (of any workshop). Without a person
   * filter the sessions are folded per workshop first (a few thousand rows, not a year's pairs).
   */
  async hosts(db: Executor, scope: OverviewScope, current: Window, previous: Window, now: string) {
    const ranges = clip([{ start: previous.start, end: current.end }], now);
    const sides = [
      sql<number>`max(case when s.starts_at >= ${current.start} then 1 else 0 end)`.as('cur'),
      sql<number>`max(case when s.starts_at < ${current.start} then 1 else 0 end)`.as('prev'),
    ];
    const perHost = filteredPeople(db, scope)
      ? hostedSessions(db, scope, ranges)
          .select(['h.person_id', ...sides])
          .groupBy('h.person_id')
      : db
          .selectFrom(
            sessionsIn(db, scope, ranges)
              .select(['s.workshop_id', ...sides])
              .groupBy('s.workshop_id')
              .as('hw'),
          )
          .innerJoin('workshop_hosts as h', 'h.workshop_id', 'hw.workshop_id')
          .select(['h.person_id', sql<number>`max(hw.cur)`.as('cur'), sql<number>`max(hw.prev)`.as('prev')])
          .groupBy('h.person_id');
    const rows = await db
      .selectFrom(perHost.as('ph'))
      .select([
        'ph.person_id',
        'ph.cur',
        'ph.prev',
        (eb) =>
          eb
            .selectFrom('workshop_hosts as eh')
            .innerJoin('sessions as es', 'es.workshop_id', 'eh.workshop_id')
            .whereRef('eh.person_id', '=', 'ph.person_id')
            .where('es.status', '=', 'scheduled')
            .select((e) => e.fn.min('es.starts_at').as('first'))
            .as('first'),
      ])
      .execute();
    return rows.map((r) => ({
      current: n(r.cur) === 1,
      previous: n(r.prev) === 1,
      first: r.first === null ? null : String(r.first),
    }));
  },

  /** Workshops published in each window (people filter: who created it). */
  async workshopsCreated(db: Executor, scope: OverviewScope, windows: Window[]) {
    return Promise.all(
      windows.map(async (w) => {
        let query = db
          .selectFrom('workshops as w')
          .where('w.status', '=', 'published')
          .where('w.published_at', '>=', w.start)
          .where('w.published_at', '<', w.end);
        const workshops = filteredWorkshops(db, scope);
        if (workshops) query = query.where('w.id', 'in', workshops);
        const people = filteredPeople(db, scope);
        if (people) query = query.where('w.created_by', 'in', people);
        const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
        return n(row?.n);
      }),
    );
  },

  /** "Notify me" wishes made in each window, and requests still open that were made in it. */
  async demand(db: Executor, scope: OverviewScope, windows: Window[]) {
    const workshops = filteredWorkshops(db, scope);
    const people = filteredPeople(db, scope);
    // An open request names no workshop yet. Under a channel filter it counts when its words name
    // the channel (as the channels table matches them); under a format filter only when linked.
    const channel =
      scope.channel === undefined
        ? undefined
        : ((await db.selectFrom('channels').select('name').where('slug', '=', scope.channel).executeTakeFirst())?.name ?? '');
    return Promise.all(
      windows.map(async (w) => {
        let wishes = db.selectFrom('workshop_interest as wi').where('wi.created_at', '>=', w.start).where('wi.created_at', '<', w.end);
        if (workshops) wishes = wishes.where('wi.workshop_id', 'in', workshops);
        if (people) wishes = wishes.where('wi.person_id', 'in', people);
        let requests = db
          .selectFrom('workshop_requests as wr')
          .select(['wr.title', 'wr.description'])
          .where('wr.status', '=', 'open')
          .where('wr.created_at', '>=', w.start)
          .where('wr.created_at', '<', w.end);
        if (channel === undefined && workshops) requests = requests.where('wr.workshop_id', 'in', workshops);
        if (people) requests = requests.where('wr.author_id', 'in', people);
        const [a, open] = await Promise.all([
          wishes.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
          requests.execute(),
        ]);
        const name = channel?.toLocaleLowerCase();
        const openRequests =
          name === undefined
            ? open.length
            : name === ''
              ? 0
              : open.filter((r) => `${r.title}\n${r.description}`.toLocaleLowerCase().includes(name)).length;
        return { wishes: n(a?.n), openRequests };
      }),
    );
  },

  /**
   * Feedback of the filtered givers on held sessions: each period's totals, and the period's rated
   * sessions with their mean rating and usefulness (for the checklist comparison).
   */
  async feedback(db: Executor, scope: OverviewScope, current: Window, previous: Window, now: string) {
    const ranges = clip([{ start: previous.start, end: current.end }], now);
    const people = filteredPeople(db, scope);
    const answered = (expr: string) => sql.raw(`case when f.status = 'answered' and ${expr} then 1 else 0 end`);
    // Per session (from its tallies without a person filter), then the previous period's sessions folded into one row.
    const perSession = people
      ? db
          .selectFrom('feedback as f')
          .where('f.person_id', 'in', people)
          .crossJoin('sessions as s')
          .whereRef('s.id', '=', 'f.session_id')
          .where('s.status', '=', 'scheduled')
          .where((eb) => inRanges(eb, ranges))
          .$call((q) => withWorkshops(db, scope, q))
          .select([
            's.starts_at',
            's.id',
            sql<string>`max(s.workshop_id)`.as('workshop_id'),
            (eb) => eb.fn.countAll<number>().as('asked'),
            sql<number>`sum(case when f.status = 'declined' then 1 else 0 end)`.as('declined'),
            sql<number>`sum(case when f.status = 'answered' then 1 else 0 end)`.as('answered'),
            sql<number>`sum(${answered('f.rating is not null')})`.as('ratings'),
            sql<number>`sum(case when f.status = 'answered' then f.rating else 0 end)`.as('rating_sum'),
            sql<number>`sum(${answered('f.rating = 1')})`.as('r1'),
            sql<number>`sum(${answered('f.rating = 2')})`.as('r2'),
            sql<number>`sum(${answered('f.rating = 3')})`.as('r3'),
            sql<number>`sum(${answered('f.rating = 4')})`.as('r4'),
            sql<number>`sum(${answered('f.rating = 5')})`.as('r5'),
            sql<number>`sum(${answered('f.usefulness is not null')})`.as('usefulness_n'),
            sql<number>`sum(case when f.status = 'answered' then f.usefulness else 0 end)`.as('usefulness_sum'),
          ])
          .groupBy(['s.starts_at', 's.id'])
      : sessionsIn(db, scope, ranges)
          .innerJoin('session_tallies as t', 't.session_id', 's.id')
          .where('t.asked', '>', 0)
          .select([
            's.starts_at',
            's.id',
            's.workshop_id',
            't.asked',
            't.declined',
            't.answered',
            't.ratings',
            't.rating_sum',
            't.rating_1 as r1',
            't.rating_2 as r2',
            't.rating_3 as r3',
            't.rating_4 as r4',
            't.rating_5 as r5',
            't.usefulness_n',
            't.usefulness_sum',
          ]);
    const isCurrent = sql<number>`case when ps.starts_at >= ${current.start} then 1 else 0 end`;
    // The totals of each period, and the period's rated sessions one by one (the checklist
    // comparison's unit): a session's mean rating and usefulness (divided as doubles on both
    // databases, as JavaScript would), and whether its workshop has a run.
    const [totals, sessions] = await Promise.all([
      db
        .selectFrom(perSession.as('ps'))
        .select([
          isCurrent.as('cur'),
          sql<number>`sum(ps.asked)`.as('asked'),
          sql<number>`sum(ps.declined)`.as('declined'),
          sql<number>`sum(ps.answered)`.as('answered'),
          sql<number>`sum(ps.ratings)`.as('ratings'),
          sql<number>`sum(ps.rating_sum)`.as('rating_sum'),
          sql<number>`sum(ps.r1)`.as('r1'),
          sql<number>`sum(ps.r2)`.as('r2'),
          sql<number>`sum(ps.r3)`.as('r3'),
          sql<number>`sum(ps.r4)`.as('r4'),
          sql<number>`sum(ps.r5)`.as('r5'),
        ])
        .groupBy(sql.ref('cur'))
        .execute(),
      db
        .selectFrom(perSession.as('ps'))
        .where('ps.starts_at', '>=', current.start)
        .where((eb) => eb.or([eb('ps.ratings', '>', 0), eb('ps.usefulness_n', '>', 0)]))
        .select([
          'ps.workshop_id',
          sql<number | null>`case when ps.ratings > 0 then cast(ps.rating_sum as double precision) / ps.ratings end`.as('rating'),
          sql<number | null>`case when ps.usefulness_n > 0 then cast(ps.usefulness_sum as double precision) / ps.usefulness_n end`.as(
            'usefulness',
          ),
          (eb) =>
            eb
              .exists(eb.selectFrom('checklist_runs as cr').select('cr.id').whereRef('cr.workshop_id', '=', 'ps.workshop_id'))
              .as('has_run'),
        ])
        .execute(),
    ]);
    const side = (current: boolean) => {
      const r = totals.find((t) => n(t.cur) === (current ? 1 : 0));
      return {
        asked: n(r?.asked),
        declined: n(r?.declined),
        answered: n(r?.answered),
        ratings: n(r?.ratings),
        ratingSum: n(r?.rating_sum),
        distribution: [n(r?.r1), n(r?.r2), n(r?.r3), n(r?.r4), n(r?.r5)],
      };
    };
    return {
      current: side(true),
      previous: side(false),
      sessions: sessions.map((r) => ({
        workshopId: String(r.workshop_id),
        hasRun: Boolean(n(r.has_run)),
        rating: r.rating === null ? null : Number(r.rating),
        usefulness: r.usefulness === null ? null : Number(r.usefulness),
      })),
    };
  },

  /**
   * Workshops with a held counted session in the period or the previous one, whether each has a
   * checklist run, and each run's items and answered items per phase with its confidences.
   */
  async checklists(db: Executor, scope: OverviewScope, current: Window, previous: Window, now: string) {
    const held = () =>
      countedSessions(db, scope, clip([{ start: previous.start, end: current.end }], now))
        .select([
          's.workshop_id',
          sql<number>`max(case when s.starts_at >= ${current.start} then 1 else 0 end)`.as('cur'),
          sql<number>`max(case when s.starts_at < ${current.start} then 1 else 0 end)`.as('prev'),
        ])
        .groupBy('s.workshop_id');
    const [workshops, runs] = await Promise.all([
      db
        .selectFrom(held().as('hw'))
        .leftJoin('checklist_runs as cr', 'cr.workshop_id', 'hw.workshop_id')
        .select([
          sql<number>`sum(hw.cur)`.as('cur'),
          sql<number>`sum(hw.prev)`.as('prev'),
          sql<number>`sum(case when cr.id is not null then hw.cur else 0 end)`.as('cur_runs'),
          sql<number>`sum(case when cr.id is not null then hw.prev else 0 end)`.as('prev_runs'),
        ])
        .executeTakeFirst(),
      db
        .selectFrom(held().as('hw'))
        .innerJoin('checklist_runs as cr', 'cr.workshop_id', 'hw.workshop_id')
        .innerJoin('checklist_items as ci', 'ci.version_id', 'cr.version_id')
        .leftJoin('checklist_answers as ca', (join) => join.onRef('ca.run_id', '=', 'cr.id').onRef('ca.item_key', '=', 'ci.key'))
        .select([
          'cr.workshop_id',
          'ci.phase',
          sql<number>`max(hw.cur)`.as('cur'),
          sql<number>`max(hw.prev)`.as('prev'),
          sql<number | null>`max(cr.confidence_before)`.as('before'),
          sql<number | null>`max(cr.confidence_after)`.as('after'),
          (eb) => eb.fn.countAll<number>().as('items'),
          sql<number>`count(ca.answer)`.as('answered'),
        ])
        .groupBy(['cr.workshop_id', 'ci.phase'])
        .execute(),
    ]);
    return {
      workshops: {
        current: n(workshops?.cur),
        previous: n(workshops?.prev),
        currentWithRun: n(workshops?.cur_runs),
        previousWithRun: n(workshops?.prev_runs),
      },
      runs: runs.map((r) => ({
        workshopId: r.workshop_id,
        phase: r.phase,
        current: n(r.cur) === 1,
        previous: n(r.prev) === 1,
        confidenceBefore: r.before === null ? null : Number(r.before),
        confidenceAfter: r.after === null ? null : Number(r.after),
        items: n(r.items),
        answered: n(r.answered),
      })),
    };
  },

  /** People in the person filter (everyone without one): the headcount the reach is measured against. */
  async headcount(db: Executor, scope: OverviewScope): Promise<number> {
    const people = filteredPeople(db, scope);
    const query = people ? db.selectFrom('people as p').where('p.id', 'in', people) : db.selectFrom('people as p');
    const row = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return n(row?.n);
  },
};
