import { z } from 'zod';
import { listQuery, personRef } from './common.js';
import { workshopFormat } from './workshops.js';

/** A calendar day, YYYY-MM-DD (UTC days: a period runs from `from` 00:00 to the end of `to`). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD, e.g. 2026-10-01.')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), {
    message: 'This date does not exist.',
  });

/** The longest period one analyticsOverview covers: five years (the org-scale data set spans that). */
export const MAX_PERIOD_DAYS = 5 * 366;

/** Who and what the figures are about. `team`, `manager` and `location` filter people; `channel` and `format` workshops. */
export const analyticsFilters = {
  team: z.string().trim().min(1).max(200).optional(),
  /** A manager's whole organisation: everyone reporting to them, directly or not (the manager too). */
  manager: z.string().min(1).max(64).optional(),
  location: z.string().trim().min(1).max(200).optional(),
  /** A channel's slug. */
  channel: z.string().trim().min(1).max(100).optional(),
  format: workshopFormat.optional(),
};

function periodChecks(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  if (v.from > v.to) ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must be on or before `to`.' });
  else if ((Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 > MAX_PERIOD_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'A period is at most five years long.' });
}

export const analyticsOverviewQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    ...analyticsFilters,
    /** Checklist completion (0–1) from which a workshop counts as "prepared with a checklist"; the admins' setting when absent. */
    threshold: z.coerce.number().min(0).max(1).optional(),
  })
  .superRefine(periodChecks);
export type AnalyticsOverviewQuery = z.input<typeof analyticsOverviewQuery>;

export const analyticsPeriodQuery = z.strictObject({ from: isoDate, to: isoDate, ...analyticsFilters }).superRefine(periodChecks);

export const analyticsAttendanceQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    ...analyticsFilters,
    ...listQuery.shape,
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .superRefine(periodChecks);

/** Every figure comes with the same figure for the previous period of equal length; null when there is nothing to count. */
export const kpi = z.object({ value: z.number().nullable(), previous: z.number().nullable() });
export type Kpi = z.infer<typeof kpi>;

export const kpiNames = [
  'sessionsHeld',
  'workshopsCreated',
  'firstTimeHosts',
  'activeHosts',
  'uniqueLearners',
  'headcountReached',
  'seatsFilled',
  'attendanceRate',
  'noShowRate',
  'lateCancellations',
  'learningHours',
  'engineerHoursInvested',
  'unmetDemand',
  'averageRating',
  'responseRate',
  'checklistAdoption',
  'confidenceBefore',
  'confidenceAfter',
] as const;
export type KpiName = (typeof kpiNames)[number];

const comparison = z.object({
  with: z.object({ n: z.number(), mean: z.number().nullable() }),
  without: z.object({ n: z.number(), mean: z.number().nullable() }),
  /** with − without; null when either side has fewer than two values. */
  difference: z.number().nullable(),
  /** Welch's 95 % confidence interval of the difference. */
  ci95: z.array(z.number()).length(2).nullable(),
});
export type Comparison = z.infer<typeof comparison>;

export const analyticsOverview = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  previous: z.object({ from: z.string(), to: z.string() }),
  kpis: z.record(z.enum(kpiNames), kpi),
  /** What unmetDemand is made of: people who waited and never got a seat, "notify me" wishes, open requests. */
  unmetDemand: z.object({ waitedWithoutSeat: z.number(), wishes: z.number(), openRequests: z.number() }),
  /** Completion per ADDIE phase over the checklists of workshops that ran in the period (0–1). */
  checklistPhases: z.array(z.object({ phase: z.string(), completion: z.number().nullable(), previous: z.number().nullable() })),
  series: z.object({
    byMonth: z.array(
      z.object({
        month: z.string(),
        sessions: z.number(),
        learners: z.number(),
        hours: z.number(),
        /** The same month a year earlier. */
        lastYear: z.object({ sessions: z.number(), learners: z.number(), hours: z.number() }),
      }),
    ),
  }),
  ratingDistribution: z.array(z.number()).length(5),
  checklistEffect: comparison.extend({
    threshold: z.number(),
    usefulness: comparison,
    /** Hosts' confidence after minus before (1–5), for workshops with a checklist. */
    confidenceChange: z.object({ n: z.number(), mean: z.number().nullable(), ci95: z.array(z.number()).length(2).nullable() }),
  }),
});
export type AnalyticsOverview = z.infer<typeof analyticsOverview>;

/** The tables under the charts (each also as CSV). */
export const analyticsWorkshopRow = z.object({
  workshopId: z.string(),
  title: z.string(),
  format: z.string(),
  sessions: z.number(),
  seatsFilled: z.number(),
  waitlisted: z.number(),
  wishes: z.number(),
  responses: z.number(),
  averageRating: z.number().nullable(),
});
export const analyticsTeamRow = z.object({
  team: z.string(),
  headcount: z.number(),
  learners: z.number(),
  reach: z.number().nullable(),
  seatsFilled: z.number(),
  attended: z.number(),
  learningHours: z.number(),
});
export const analyticsHostRow = z.object({
  /** Names only for admins; a shared (read-only) view shows null. */
  host: personRef.nullable(),
  team: z.string().nullable(),
  sessions: z.number(),
  learners: z.number(),
  averageRating: z.number().nullable(),
});
export const analyticsChannelRow = z.object({
  channelId: z.string(),
  slug: z.string(),
  name: z.string(),
  sessionsOffered: z.number(),
  seatsFilled: z.number(),
  waitlisted: z.number(),
  wishes: z.number(),
  requests: z.number(),
});
export const analyticsWorkshopsTableQuery = z
  .strictObject({ from: isoDate, to: isoDate, ...analyticsFilters, sort: z.enum(['demand', 'rating']).default('demand') })
  .superRefine(periodChecks);

export const analyticsAttendanceRow = z.object({
  registrationId: z.string(),
  person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  team: z.string().nullable(),
  sessionId: z.string(),
  workshopId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  status: z.string(),
  hours: z.number(),
});

export const analyticsSettings = z.object({
  /** Hours a host spends preparing one session, per format (engineer-hours invested). */
  preparationHours: z.record(workshopFormat, z.number()),
  /** Checklist completion from which a workshop counts as prepared with it (0–1). */
  checklistThreshold: z.number(),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettings>;
export const analyticsSettingsBody = z.strictObject({
  preparationHours: z.partialRecord(workshopFormat, z.number().min(0, 'Hours are 0 or more.').max(200, 'At most 200 hours.')).optional(),
  checklistThreshold: z.number().min(0).max(1).optional(),
});

/** People the admins chose to see the dashboard read-only (e.g. leadership). */
export const dashboardViewers = z.object({ items: z.array(personRef) });
export const dashboardViewersBody = z.strictObject({ personIds: z.array(z.string().min(1).max(64)).max(200) });

/** What the weekly summary mail to admins says: last ISO week's figures against the week before (counted as the dashboard counts). */
export interface WeeklySummaryMail {
  /** The ISO week the mail is for, e.g. "2026-W49"; the figures are of the week before it. */
  week: string;
  period: { from: string; to: string };
  figures: Record<
    'sessionsHeld' | 'learners' | 'learningHours' | 'averageRating' | 'unmetDemand',
    { value: number | null; previous: number | null }
  >;
}
