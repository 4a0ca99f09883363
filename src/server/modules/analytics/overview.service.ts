import type { AnalyticsOverview, Kpi, KpiName } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import {
  addSummaries,
  hours,
  mean,
  oneSample,
  periodsOf,
  rate,
  type Segment,
  type Summary,
  segmentsOf,
  welchOf,
} from './analytics.policy.js';
import { learnerWindows } from './learner-windows.js';
import type { OverviewScope, overviewRepository } from './overview.repository.js';
import type { AnalyticsSettingsService } from './settings.service.js';
import { withOrganisation } from './tables.scope.js';

export interface OverviewQuery extends OverviewScope {
  from: string;
  to: string;
  threshold?: number | undefined;
}

const PHASES = ['analysis', 'design', 'development', 'implementation', 'evaluation'] as const;

type Side = 'current' | 'previous';
const both = <T>(make: () => T): Record<Side, T> => ({ current: make(), previous: make() });
const sidesOf = (s: Segment | undefined): Side[] => (!s ? [] : s.current ? ['current'] : s.previous ? ['previous'] : []);

/**
 * The dashboard's overview: every figure for the period and the previous one, the months against
 * the same months a year earlier, the rating distribution, checklist completion per phase and the
 * checklist comparison. Counted as /work/notes/analytics-guide.md defines (one way everywhere).
 */
export class OverviewService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly repository: typeof overviewRepository,
    private readonly settings: AnalyticsSettingsService,
    /** Where the figures are read: the database, or SQLite's reader threads (platform/sqlite-readers.ts). */
    private readonly reader: Executor = tx.executor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async overview(actor: Actor, query: OverviewQuery): Promise<AnalyticsOverview> {
    await this.access.dashboard(this.tx.executor, actor);
    const db = this.reader;
    const now = this.clock();
    const nowIso = now.toISOString();
    const p = periodsOf(query.from, query.to);
    const seg = segmentsOf(p, now);
    const scope: OverviewScope = await withOrganisation(db, {
      team: query.team,
      manager: query.manager,
      location: query.location,
      channel: query.channel,
      format: query.format,
    });
    const windows = [p.current, p.before];
    // Distinct learners come from the rollups unless a workshop filter asks which sessions they attended.
    const byWorkshop = scope.channel !== undefined || scope.format !== undefined;
    const [settings, segmentFigures, hosting, learners, learnerCounts, hostRows, created, demand, rated, checklists, headcount] =
      await Promise.all([
        this.settings.current(db),
        this.repository.segmentFigures(db, scope, seg, nowIso),
        this.repository.hosting(db, scope, seg, nowIso),
        byWorkshop ? this.repository.learners(db, scope, seg, nowIso) : Promise.resolve([]),
        byWorkshop ? Promise.resolve(new Map<string, number>()) : this.repository.learnerCounts(db, scope, learnerWindows(p), nowIso),
        this.repository.hosts(db, scope, p.current, p.before, nowIso),
        this.repository.workshopsCreated(db, scope, windows),
        this.repository.demand(db, scope, windows),
        this.repository.ratedWorkshops(db, scope, p.current, nowIso),
        this.repository.checklists(db, scope, p.current, p.before, nowIso),
        this.repository.headcount(db, scope),
      ]);
    const threshold = query.threshold ?? settings.checklistThreshold;
    const segment = (i: number) => seg.segments[i];

    // The series: months of the period, each with the same month a year earlier.
    const month = new Map(
      p.months.map((m) => [m, { sessions: 0, learners: 0, seconds: 0, last: { sessions: 0, learners: 0, seconds: 0 } }]),
    );
    const monthOf = (s: Segment | undefined) => (s?.month ? month.get(s.month) : undefined);
    const lastYearOf = (s: Segment | undefined) => (s?.yearAgoMonth ? month.get(s.yearAgoMonth)?.last : undefined);

    // Registrations, held sessions and feedback per segment, added up into the periods and months.
    const reg = both(() => ({ seats: 0, attended: 0, noShows: 0, waitlisted: 0, late: 0, seconds: 0 }));
    const held = both(() => 0);
    const fb = both(() => ({ asked: 0, declined: 0, answered: 0, ratings: 0, ratingSum: 0 }));
    const distribution = [0, 0, 0, 0, 0];
    for (const row of segmentFigures) {
      const s = segment(row.seg);
      for (const side of sidesOf(s)) {
        reg[side].late += row.lateCancellations;
        if (!s?.held) continue;
        reg[side].seats += row.seats;
        reg[side].attended += row.attended;
        reg[side].noShows += row.noShows;
        reg[side].waitlisted += row.waitlisted;
        reg[side].seconds += row.attendedSeconds;
        held[side] += row.sessions;
        fb[side].asked += row.feedback.asked;
        fb[side].declined += row.feedback.declined;
        fb[side].answered += row.feedback.answered;
        fb[side].ratings += row.feedback.ratings;
        fb[side].ratingSum += row.feedback.ratingSum;
        if (side === 'current') {
          for (const [i, count] of row.feedback.distribution.entries()) distribution[i] = (distribution[i] ?? 0) + count;
        }
      }
      if (!s?.held) continue;
      for (const m of [monthOf(s), lastYearOf(s)]) {
        if (!m) continue;
        m.seconds += row.attendedSeconds;
        m.sessions += row.sessions;
      }
    }

    const hostHours = both(() => 0);
    for (const row of hosting) {
      for (const side of sidesOf(segment(row.seg))) {
        hostHours[side] += row.seconds / 3600 + row.pairs * (settings.preparationHours[row.format] ?? 0);
      }
    }

    const unique = both(() => learnerCounts.get('current') ?? 0);
    unique.previous = learnerCounts.get('previous') ?? 0;
    for (const [m, v] of month) {
      v.learners = learnerCounts.get(`m:${m}`) ?? 0;
      v.last.learners = learnerCounts.get(`y:${m}`) ?? 0;
    }
    for (const segs of learners) {
      const seen = new Set<string>();
      for (const i of segs) {
        const s = segment(i);
        for (const side of sidesOf(s)) seen.add(side);
        if (s?.month) seen.add(`m:${s.month}`);
        if (s?.yearAgoMonth) seen.add(`y:${s.yearAgoMonth}`);
      }
      for (const key of seen) {
        if (key === 'current' || key === 'previous') unique[key] += 1;
        else if (key.startsWith('m:')) (month.get(key.slice(2)) ?? { learners: 0 }).learners += 1;
        else {
          const last = month.get(key.slice(2))?.last;
          if (last) last.learners += 1;
        }
      }
    }

    const hosts = both(() => ({ active: 0, firstTime: 0 }));
    for (const host of hostRows) {
      const sides: Side[] = [...(host.current ? ['current' as const] : []), ...(host.previous ? ['previous' as const] : [])];
      for (const side of sides) {
        hosts[side].active += 1;
        const w = side === 'current' ? p.current : p.before;
        if (host.first !== null && host.first >= w.start && host.first < w.end) hosts[side].firstTime += 1;
      }
    }

    // Checklist runs: completion overall and per phase, per workshop.
    const runs = new Map<
      string,
      {
        current: boolean;
        previous: boolean;
        before: number | null;
        after: number | null;
        items: number;
        answered: number;
        phases: Map<string, number>;
      }
    >();
    for (const row of checklists.runs) {
      const run = runs.get(row.workshopId) ?? {
        current: row.current,
        previous: row.previous,
        before: row.confidenceBefore,
        after: row.confidenceAfter,
        items: 0,
        answered: 0,
        phases: new Map<string, number>(),
      };
      run.items += row.items;
      run.answered += row.answered;
      run.phases.set(row.phase, row.answered / row.items);
      runs.set(row.workshopId, run);
    }
    const runsOf = (side: Side) => [...runs.values()].filter((r) => r[side]);
    const completion = (r: { items: number; answered: number }) => r.answered / r.items;

    // Rated sessions summed per workshop; the workshop's run decides its side.
    const empty: Summary = { n: 0, sum: 0, sumOfSquares: 0 };
    const ratings = { with: empty, without: empty };
    const usefulness = { with: empty, without: empty };
    for (const workshop of rated) {
      const run = runs.get(workshop.workshopId);
      const group = !workshop.hasRun ? 'without' : run && completion(run) >= threshold ? 'with' : undefined;
      if (!group) continue;
      ratings[group] = addSummaries(ratings[group], workshop.rating);
      usefulness[group] = addSummaries(usefulness[group], workshop.usefulness);
    }
    const confidenceChanges = runsOf('current')
      .filter((r) => completion(r) >= threshold && r.before !== null && r.after !== null)
      .map((r) => (r.after ?? 0) - (r.before ?? 0));

    const figures = (side: Side): Record<KpiName, number | null> => {
      const learningHours = hours(reg[side].seconds);
      const d = demand[side === 'current' ? 0 : 1] ?? { wishes: 0, openRequests: 0 };
      const w = checklists.workshops;
      return {
        sessionsHeld: held[side],
        workshopsCreated: created[side === 'current' ? 0 : 1] ?? 0,
        firstTimeHosts: hosts[side].firstTime,
        activeHosts: hosts[side].active,
        uniqueLearners: unique[side],
        headcountReached: rate(unique[side], headcount),
        seatsFilled: reg[side].seats,
        attendanceRate: rate(reg[side].attended, reg[side].seats),
        noShowRate: rate(reg[side].noShows, reg[side].seats),
        lateCancellations: reg[side].late,
        learningHours,
        engineerHoursInvested: Math.round((learningHours + hostHours[side]) * 100) / 100,
        unmetDemand: reg[side].waitlisted + d.wishes + d.openRequests,
        averageRating: rate(fb[side].ratingSum, fb[side].ratings),
        responseRate: rate(fb[side].answered, fb[side].asked - fb[side].declined),
        checklistAdoption: side === 'current' ? rate(w.currentWithRun, w.current) : rate(w.previousWithRun, w.previous),
        confidenceBefore: mean(runsOf(side).flatMap((r) => (r.before === null ? [] : [r.before]))),
        confidenceAfter: mean(runsOf(side).flatMap((r) => (r.after === null ? [] : [r.after]))),
      };
    };
    const current = figures('current');
    const previous = figures('previous');
    const kpis = Object.fromEntries(
      (Object.keys(current) as KpiName[]).map((name) => [name, { value: current[name], previous: previous[name] } satisfies Kpi]),
    ) as Record<KpiName, Kpi>;

    const phaseCompletion = (side: Side, phase: string) =>
      mean(runsOf(side).flatMap((r) => (r.phases.has(phase) ? [r.phases.get(phase) ?? 0] : [])));

    return {
      period: p.period,
      previous: p.previous,
      kpis,
      unmetDemand: {
        waitedWithoutSeat: reg.current.waitlisted,
        wishes: demand[0]?.wishes ?? 0,
        openRequests: demand[0]?.openRequests ?? 0,
      },
      checklistPhases: PHASES.map((phase) => ({
        phase,
        completion: phaseCompletion('current', phase),
        previous: phaseCompletion('previous', phase),
      })),
      series: {
        byMonth: [...month.entries()].map(([m, v]) => ({
          month: m,
          sessions: v.sessions,
          learners: v.learners,
          hours: hours(v.seconds),
          lastYear: { sessions: v.last.sessions, learners: v.last.learners, hours: hours(v.last.seconds) },
        })),
      },
      ratingDistribution: distribution,
      checklistEffect: {
        threshold,
        ...welchOf(ratings.with, ratings.without),
        usefulness: welchOf(usefulness.with, usefulness.without),
        confidenceChange: oneSample(confidenceChanges),
      },
    };
  }
}
