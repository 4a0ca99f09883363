import { type ExpressionBuilder, PostgresAdapter, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { Segmentation, Window } from './analytics.policy.js';
import { learnersRepository } from './learners.repository.js';
import { filteredPeople, filteredWorkshops, type ScopeFilters, SEAT_STATUSES } from './tables.scope.js';

/**
 * The overview's reads. Each is one pass over an indexed range of sessions (by starts_at), grouped
 * by "segment" (the stretches between the period's edges, month starts and now: see
 * analytics.policy.ts segmentsOf), so one query serves the period, the previous period and the
 * monthly series at once; the service adds the segments up.
 *
 * Without a person filter sessions come first (CROSS JOIN fixes that order on SQLite: with
 * statistics its planner otherwise walks every attended registration by person, ten times slower)
 * and registrations and feedback are read from each session's tallies (the rollups of migration
 * 20261202T1500, docs/analytics.md). With a team, location or manager filter the filtered people's
 * own rows come first: a team's registrations are a few hundred, a year's sessions twenty thousand.
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
  const query = db
    .selectFrom('sessions as s')
    .where('s.status', '=', 'scheduled')
    .where((eb) => inRanges(eb, ranges));
  return withWorkshops(db, scope, query);
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

/** What one segment holds: held sessions, registration and feedback figures (summed in the service). */
export interface SegmentFigures {
  seg: number;
  sessions: number;
  seats: number;
  attended: number;
  noShows: number;
  waitlisted: number;
  lateCancellations: number;
  attendedSeconds: number;
  feedback: { asked: number; declined: number; answered: number; ratings: number; ratingSum: number; distribution: number[] };
}

type Row = Record<string, unknown>;

/** A session's feedback as the rated-sessions read needs it. */
interface SessionFeedback {
  workshop_id: string;
  ratings: number;
  rating_sum: number;
  usefulness_n: number;
  usefulness_sum: number;
}

const registrationFigures = (r: Row) => ({
  seg: n(r.seg),
  seats: n(r.seats),
  attended: n(r.attended),
  noShows: n(r.no_shows),
  waitlisted: n(r.waitlisted),
  lateCancellations: n(r.late),
  attendedSeconds: n(r.seconds),
});

const feedbackFigures = (r: Row): SegmentFigures['feedback'] => ({
  asked: n(r.asked),
  declined: n(r.declined),
  answered: n(r.answered),
  ratings: n(r.ratings),
  ratingSum: n(r.rating_sum),
  distribution: [n(r.r1), n(r.r2), n(r.r3), n(r.r4), n(r.r5)],
});

type People = NonNullable<ReturnType<typeof filteredPeople>>;

/** The filtered people's registrations per session of the ranges (held or not): a team's are few, so they come first. */
function personRegistrations(db: Executor, scope: OverviewScope, people: People, ranges: Window[]) {
  return db
    .selectFrom('registrations as r')
    .where('r.person_id', 'in', people)
    .crossJoin('sessions as s')
    .whereRef('s.id', '=', 'r.session_id')
    .where('s.status', '=', 'scheduled')
    .where((eb) => inRanges(eb, ranges))
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
    .groupBy(['s.starts_at', 's.id']);
}

/** The filtered givers' feedback per held session of the ranges, as the tallies count it. */
function personFeedback(db: Executor, scope: OverviewScope, people: People, ranges: Window[]) {
  const answered = (expr: string) => sql.raw(`case when f.status = 'answered' and ${expr} then 1 else 0 end`);
  return db
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
    .groupBy(['s.starts_at', 's.id']);
}

/** The workshops with a held session in the period (cur) and in the previous one (prev), as 0/1. */
type HeldWorkshops = SelectQueryBuilder<any, any, { workshop_id: string; cur: number; prev: number }>;

/**
 * Workshops with a held session in the period or the previous one (under a person filter: one a
 * filtered person holds a seat in). Without a person filter asked per workshop, two index seeks
 * each (sessions by workshop, status, start), instead of grouping two years of sessions.
 */
function heldWorkshops(db: Executor, scope: OverviewScope, current: Window, previous: Window, now: string): HeldWorkshops {
  if (filteredPeople(db, scope)) {
    return countedSessions(db, scope, clip([{ start: previous.start, end: current.end }], now))
      .select([
        's.workshop_id',
        sql<number>`max(case when s.starts_at >= ${current.start} then 1 else 0 end)`.as('cur'),
        sql<number>`max(case when s.starts_at < ${current.start} then 1 else 0 end)`.as('prev'),
      ])
      .groupBy('s.workshop_id') as HeldWorkshops;
  }
  const heldIn = (ranges: Window[]) => {
    if (ranges.length === 0) return sql<number>`0`;
    const inRange = sql.join(
      ranges.map((r) => sql`(s.starts_at >= ${r.start} and s.starts_at < ${r.end})`),
      sql` or `,
    );
    return sql<number>`case when exists (select 1 from sessions s where s.workshop_id = w.id and s.status = 'scheduled' and (${inRange})) then 1 else 0 end`;
  };
  let workshops = db
    .selectFrom('workshops as w')
    .select(['w.id as workshop_id', heldIn(clip([current], now)).as('cur'), heldIn(clip([previous], now)).as('prev')]);
  const filtered = filteredWorkshops(db, scope);
  if (filtered) workshops = workshops.where('w.id', 'in', filtered);
  return db
    .selectFrom(workshops.as('hw'))
    .selectAll()
    .where((eb) => eb.or([eb('hw.cur', '=', 1), eb('hw.prev', '=', 1)])) as HeldWorkshops;
}

/** Parses "0,3,4" into segment numbers. */
const segmentsIn = (list: string | null) => (list ? list.split(',').map(Number) : []);

export const overviewRepository = {
  /**
   * Per segment: held sessions, registrations (seats, attendance, waitlist, late cancellations,
   * attended seconds) and feedback (asked, declined, answered, ratings). Without a person filter
   * one pass over the sessions and their tallies; with one, from the filtered people's own rows
   * (a session then counts when a filtered person holds a seat in it).
   */
  async segmentFigures(db: Executor, scope: OverviewScope, seg: Segmentation, now: string): Promise<SegmentFigures[]> {
    const people = filteredPeople(db, scope);
    if (!people) {
      const rows = await sessionsIn(db, scope, seg.ranges)
        .leftJoin('session_tallies as t', 't.session_id', 's.id')
        .select([
          segmentOf(seg).as('seg'),
          (eb) => eb.fn.countAll<number>().as('sessions'),
          sql<number>`sum(t.seats)`.as('seats'),
          sql<number>`sum(t.attended)`.as('attended'),
          sql<number>`sum(t.no_shows)`.as('no_shows'),
          sql<number>`sum(t.waitlisted)`.as('waitlisted'),
          sql<number>`sum(t.late_cancellations)`.as('late'),
          sql<number>`sum(t.attended * ${durationSeconds(db)})`.as('seconds'),
          sql<number>`sum(t.asked)`.as('asked'),
          sql<number>`sum(t.declined)`.as('declined'),
          sql<number>`sum(t.answered)`.as('answered'),
          sql<number>`sum(t.ratings)`.as('ratings'),
          sql<number>`sum(t.rating_sum)`.as('rating_sum'),
          sql<number>`sum(t.rating_1)`.as('r1'),
          sql<number>`sum(t.rating_2)`.as('r2'),
          sql<number>`sum(t.rating_3)`.as('r3'),
          sql<number>`sum(t.rating_4)`.as('r4'),
          sql<number>`sum(t.rating_5)`.as('r5'),
        ])
        .groupBy(sql.ref('seg'))
        .execute();
      return rows.map((r) => ({ ...registrationFigures(r), sessions: n(r.sessions), feedback: feedbackFigures(r) }));
    }
    const [registrations, sessions, feedback] = await Promise.all([
      db
        .selectFrom(personRegistrations(db, scope, people, seg.ranges).as('ps'))
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
        .execute(),
      countedSessions(db, scope, clip(seg.ranges, now))
        .select([segmentOf(seg).as('seg'), (eb) => eb.fn.countAll<number>().as('sessions')])
        .groupBy(sql.ref('seg'))
        .execute(),
      db
        .selectFrom(personFeedback(db, scope, people, clip(seg.ranges, now)).as('ps'))
        .select([
          segmentOf(seg, 'ps').as('seg'),
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
        .groupBy(sql.ref('seg'))
        .execute(),
    ]);
    const bySegment = new Map<number, SegmentFigures>();
    const of = (segment: unknown) => {
      const key = n(segment);
      const found = bySegment.get(key) ?? { ...registrationFigures({ seg: key }), sessions: 0, feedback: feedbackFigures({}) };
      bySegment.set(key, found);
      return found;
    };
    for (const r of registrations) Object.assign(of(r.seg), registrationFigures(r));
    for (const r of sessions) of(r.seg).sessions = n(r.sessions);
    for (const r of feedback) of(r.seg).feedback = feedbackFigures(r);
    return [...bySegment.values()];
  },

  /**
   * The checklist comparison's unit is a held session of the period with an answered rating (or
   * usefulness): its mean of the filtered givers' answers. Summed per workshop (count, sum and sum
   * of squares of those session means, divided as doubles on both databases as JavaScript would),
   * with whether the workshop has a run: the service sorts workshops into with and without.
   */
  async ratedWorkshops(db: Executor, scope: OverviewScope, current: Window, now: string) {
    const ranges = clip([current], now);
    const people = filteredPeople(db, scope);
    // Either per session: the same five columns.
    const perSession = (
      people
        ? personFeedback(db, scope, people, ranges)
        : sessionsIn(db, scope, ranges)
            .innerJoin('session_tallies as t', 't.session_id', 's.id')
            .select(['s.workshop_id', 't.ratings', 't.rating_sum', 't.usefulness_n', 't.usefulness_sum'])
    ) as SelectQueryBuilder<Database, 'sessions', SessionFeedback>;
    const rating = sql<number>`cast(ps.rating_sum as double precision) / ps.ratings`;
    const usefulness = sql<number>`cast(ps.usefulness_sum as double precision) / ps.usefulness_n`;
    const rows = await db
      .selectFrom(perSession.as('ps'))
      .where((eb) => eb.or([eb('ps.ratings', '>', 0), eb('ps.usefulness_n', '>', 0)]))
      .select([
        'ps.workshop_id',
        sql<number>`sum(case when ps.ratings > 0 then 1 else 0 end)`.as('rating_n'),
        sql<number>`sum(case when ps.ratings > 0 then ${rating} else 0 end)`.as('rating_sum'),
        sql<number>`sum(case when ps.ratings > 0 then ${rating} * ${rating} else 0 end)`.as('rating_squares'),
        sql<number>`sum(case when ps.usefulness_n > 0 then 1 else 0 end)`.as('usefulness_n'),
        sql<number>`sum(case when ps.usefulness_n > 0 then ${usefulness} else 0 end)`.as('usefulness_sum'),
        sql<number>`sum(case when ps.usefulness_n > 0 then ${usefulness} * ${usefulness} else 0 end)`.as('usefulness_squares'),
        (eb) =>
          sql<number>`case when ${eb.exists(eb.selectFrom('checklist_runs as cr').select('cr.id').whereRef('cr.workshop_id', '=', 'ps.workshop_id'))} then 1 else 0 end`.as(
            'has_run',
          ),
      ])
      .groupBy('ps.workshop_id')
      .execute();
    return rows.map((r) => ({
      workshopId: String(r.workshop_id),
      hasRun: n(r.has_run) === 1,
      rating: { n: n(r.rating_n), sum: n(r.rating_sum), sumOfSquares: n(r.rating_squares) },
      usefulness: { n: n(r.usefulness_n), sum: n(r.usefulness_sum), sumOfSquares: n(r.usefulness_squares) },
    }));
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
          .with(
            (cte) => cte('hw').materialized(),
            () => heldWorkshops(db, scope, current, previous, now),
          )
          .selectFrom('hw')
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
   * Workshops with a held counted session in the period or the previous one, whether each has a
   * checklist run, and each run's items and answered items per phase with its confidences.
   */
  async checklists(db: Executor, scope: OverviewScope, current: Window, previous: Window, now: string) {
    // Materialized: worked out once, before the joins (PostgreSQL otherwise re-asks it per joined row).
    const held = () =>
      db.with(
        (cte) => cte('hw').materialized(),
        () => heldWorkshops(db, scope, current, previous, now),
      );
    const [workshops, runs] = await Promise.all([
      held()
        .selectFrom('hw')
        .leftJoin('checklist_runs as cr', 'cr.workshop_id', 'hw.workshop_id')
        .select([
          sql<number>`sum(hw.cur)`.as('cur'),
          sql<number>`sum(hw.prev)`.as('prev'),
          sql<number>`sum(case when cr.id is not null then hw.cur else 0 end)`.as('cur_runs'),
          sql<number>`sum(case when cr.id is not null then hw.prev else 0 end)`.as('prev_runs'),
        ])
        .executeTakeFirst(),
      // Every run's items and answers per phase first (a few thousand rows), then the held workshops'.
      held()
        .selectFrom(
          db
            .selectFrom('checklist_runs as cr')
            .innerJoin('checklist_items as ci', 'ci.version_id', 'cr.version_id')
            .leftJoin('checklist_answers as ca', (join) => join.onRef('ca.run_id', '=', 'cr.id').onRef('ca.item_key', '=', 'ci.key'))
            .select([
              'cr.workshop_id',
              'ci.phase',
              sql<number | null>`max(cr.confidence_before)`.as('before'),
              sql<number | null>`max(cr.confidence_after)`.as('after'),
              (eb) => eb.fn.countAll<number>().as('items'),
              sql<number>`count(ca.answer)`.as('answered'),
            ])
            .groupBy(['cr.workshop_id', 'ci.phase'])
            .as('rp'),
        )
        .innerJoin('hw', 'hw.workshop_id', 'rp.workshop_id')
        .select(['rp.workshop_id', 'rp.phase', 'hw.cur', 'hw.prev', 'rp.before', 'rp.after', 'rp.items', 'rp.answered'])
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
