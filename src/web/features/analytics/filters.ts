import { type AnalyticsOverviewQuery, type WorkshopFormat, workshopFormats } from '../../../contracts/index.js';
import { addDays } from '../../lib/time';

/** The periods one picks from; "custom" takes two dates. */
export const periodChoices = [
  { value: 'quarter', label: 'This quarter' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
  { value: 'custom', label: 'Custom' },
] as const;
export type PeriodChoice = (typeof periodChoices)[number]['value'];

/** A year by default: the monthly chart then shows a year against the one before. */
export const DEFAULT_PERIOD: PeriodChoice = '365';

/** Everything the dashboard is filtered by, as the URL holds it (so a view can be shared by its link). */
export interface DashboardFilters {
  period: PeriodChoice;
  /** Only for "custom"; YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  team: string | null;
  /** A person's id: that manager's whole organisation. */
  manager: string | null;
  location: string | null;
  channel: string | null;
  format: WorkshopFormat | null;
  /** Checklist completion (0–1) for the comparison; null: the admins' setting. */
  threshold: number | null;
}

export const filterKeys = ['period', 'from', 'to', 'team', 'manager', 'location', 'channel', 'format', 'threshold'] as const;

const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function readFilters(params: URLSearchParams): DashboardFilters {
  const period = params.get('period');
  const format = params.get('format');
  const threshold = Number(params.get('threshold') ?? Number.NaN);
  const text = (key: string) => params.get(key)?.trim() || null;
  return {
    period: periodChoices.some((c) => c.value === period) ? (period as PeriodChoice) : DEFAULT_PERIOD,
    from: isDate(params.get('from')) ? params.get('from') : null,
    to: isDate(params.get('to')) ? params.get('to') : null,
    team: text('team'),
    manager: text('manager'),
    location: text('location'),
    channel: text('channel'),
    format: workshopFormats.includes(format as WorkshopFormat) ? (format as WorkshopFormat) : null,
    threshold: Number.isFinite(threshold) && threshold >= 0 && threshold <= 1 ? threshold : null,
  };
}

/** The first day of the quarter `today` is in. */
function quarterStart(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const first = Math.floor(((m ?? 1) - 1) / 3) * 3 + 1;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/**
 * The period's first and last day. Rolling periods end today; a custom one missing a date, or with
 * the dates the wrong way round, falls back to the quarter so the page always shows something.
 */
export function periodDates(f: DashboardFilters, today: string): { from: string; to: string } {
  switch (f.period) {
    case 'quarter':
      return { from: quarterStart(today), to: today };
    case 'custom':
      if (f.from && f.to && f.from <= f.to) return { from: f.from, to: f.to };
      return { from: quarterStart(today), to: today };
    default:
      return { from: addDays(today, -(Number(f.period) - 1)), to: today };
  }
}

/** The query every dashboard request shares (the tables and CSVs take the same, without the threshold). */
export type PeriodQuery = {
  from: string;
  to: string;
  team?: string | undefined;
  manager?: string | undefined;
  location?: string | undefined;
  channel?: string | undefined;
  format?: WorkshopFormat | undefined;
};

export function periodQuery(f: DashboardFilters, today: string): PeriodQuery {
  return {
    ...periodDates(f, today),
    team: f.team ?? undefined,
    manager: f.manager ?? undefined,
    location: f.location ?? undefined,
    channel: f.channel ?? undefined,
    format: f.format ?? undefined,
  };
}

export function overviewQuery(f: DashboardFilters, today: string): AnalyticsOverviewQuery {
  return { ...periodQuery(f, today), threshold: f.threshold ?? undefined };
}

/** How many people- or workshop-filters are on (the period is always on). */
export function activeFilterCount(f: DashboardFilters): number {
  return [f.team, f.manager, f.location, f.channel, f.format].filter(Boolean).length;
}
