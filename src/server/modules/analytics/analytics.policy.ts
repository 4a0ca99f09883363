import quantile from '@stdlib/stats-base-dists-t-quantile';

/**
 * The dashboard's pure rules: which instants a period covers, its previous period and the same
 * months a year earlier, and the statistics (means, rates, Welch's interval) that never give NaN.
 */

const DAY = 86_400_000;

/** A period as instants: UTC days, [from 00:00Z, to+1 00:00Z). */
export interface Window {
  start: string;
  end: string;
}

export interface Periods {
  period: { from: string; to: string };
  previous: { from: string; to: string };
  current: Window;
  before: Window;
  /** The period one year earlier (the series' "same months a year earlier"). */
  yearAgo: Window;
  /** Months of the period, YYYY-MM, first to last. */
  months: string[];
}

const dayStart = (day: string) => Date.parse(`${day}T00:00:00.000Z`);
const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

function yearEarlier(ms: number): number {
  const d = new Date(ms);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d.getTime();
}

/** The period, the previous one of the same number of days right before it, and the same days a year earlier. */
export function periodsOf(from: string, to: string): Periods {
  const start = dayStart(from);
  const end = dayStart(to) + DAY;
  const days = Math.round((end - start) / DAY);
  const beforeStart = start - days * DAY;
  return {
    period: { from, to },
    previous: { from: dayOf(beforeStart), to: dayOf(start - DAY) },
    current: { start: iso(start), end: iso(end) },
    before: { start: iso(beforeStart), end: iso(start) },
    yearAgo: { start: iso(yearEarlier(start)), end: iso(yearEarlier(end)) },
    months: monthsOf(from, to),
  };
}

export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * What one stretch of time between two boundaries belongs to. The queries group by stretch (one
 * pass over the rows), and the service adds stretches up into the period, the previous period and
 * the months, whichever they overlap.
 */
export interface Segment {
  start: string;
  held: boolean;
  current: boolean;
  previous: boolean;
  /** The period's month it counts for (current), or the month a year later it is compared with (yearAgo). */
  month: string | null;
  yearAgoMonth: string | null;
}

export interface Segmentation {
  /** Sorted instants; segment i is [boundaries[i], boundaries[i+1]). */
  boundaries: string[];
  segments: Segment[];
  /** The disjoint ranges the queries read (the period, the previous one, the year-ago one, merged). */
  ranges: Window[];
}

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};
const monthLabel = (ms: number) => iso(ms).slice(0, 7);
const monthAYearLater = (label: string) => `${Number(label.slice(0, 4)) + 1}${label.slice(4)}`;

const inside = (ms: number, w: Window) => ms >= Date.parse(w.start) && ms < Date.parse(w.end);

/**
 * Cuts [previous.start, current.end) ∪ yearAgo at every window edge, month start and `now`
 * (held: started at or before now; the cut is 1 ms after it, as times are whole milliseconds).
 */
export function segmentsOf(p: Periods, now: Date): Segmentation {
  const held = now.getTime() + 1;
  const points = new Set<number>();
  const windows = [p.current, p.before, p.yearAgo];
  for (const w of windows) {
    points.add(Date.parse(w.start));
    points.add(Date.parse(w.end));
  }
  for (const w of [p.current, p.yearAgo]) {
    for (let m = nextMonth(Date.parse(w.start)); m < Date.parse(w.end); m = nextMonth(m)) points.add(m);
  }
  const lowest = Math.min(...points);
  const highest = Math.max(...points);
  if (held > lowest && held < highest) points.add(held);
  const sorted = [...points].sort((a, b) => a - b);
  const segments = sorted.slice(0, -1).map((ms) => {
    const current = inside(ms, p.current);
    const yearAgo = inside(ms, p.yearAgo);
    return {
      start: iso(ms),
      held: ms < held,
      current,
      previous: inside(ms, p.before),
      month: current ? monthLabel(monthStart(ms)) : null,
      yearAgoMonth: yearAgo ? monthAYearLater(monthLabel(monthStart(ms))) : null,
    };
  });
  return { boundaries: sorted.map(iso), segments, ranges: mergeRanges([p.before, p.current, p.yearAgo]) };
}

export function mergeRanges(windows: Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a.start.localeCompare(b.start));
  const merged: Window[] = [];
  for (const w of sorted) {
    const last = merged.at(-1);
    if (!last || w.start > last.end) merged.push({ ...w });
    else if (w.end > last.end) last.end = w.end;
  }
  return merged;
}

/** A share, or null when there is nothing to divide by (never NaN). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample variance (n − 1). */
function variance(values: readonly number[], m: number): number {
  return values.reduce((a, v) => a + (v - m) ** 2, 0) / (values.length - 1);
}

export interface Comparison {
  with: { n: number; mean: number | null };
  without: { n: number; mean: number | null };
  difference: number | null;
  ci95: [number, number] | null;
}

/** Values as their count, sum and sum of squares: enough for a mean and a variance, and summed in SQL. */
export interface Summary {
  n: number;
  sum: number;
  sumOfSquares: number;
}

export const summarize = (values: readonly number[]): Summary => ({
  n: values.length,
  sum: values.reduce((a, v) => a + v, 0),
  sumOfSquares: values.reduce((a, v) => a + v * v, 0),
});

export const addSummaries = (a: Summary, b: Summary): Summary => ({
  n: a.n + b.n,
  sum: a.sum + b.sum,
  sumOfSquares: a.sumOfSquares + b.sumOfSquares,
});

/** Sample variance (n − 1) from a summary; never below 0 (rounding of equal values). */
const varianceOf = (s: Summary): number => Math.max(0, (s.sumOfSquares - (s.sum * s.sum) / s.n) / (s.n - 1));

/**
 * Mean of `a` minus mean of `b` with Welch's 95 % interval (unequal variances, Welch–Satterthwaite
 * degrees of freedom). Null difference and interval when a side has fewer than two values; when
 * both sides have no spread at all the interval is the difference itself.
 */
export function welch(a: readonly number[], b: readonly number[]): Comparison {
  return welchOf(summarize(a), summarize(b));
}

export function welchOf(a: Summary, b: Summary): Comparison {
  const ma = a.n === 0 ? null : a.sum / a.n;
  const mb = b.n === 0 ? null : b.sum / b.n;
  const sides = { with: { n: a.n, mean: ma }, without: { n: b.n, mean: mb } };
  if (a.n < 2 || b.n < 2 || ma === null || mb === null) return { ...sides, difference: null, ci95: null };
  const difference = ma - mb;
  const qa = varianceOf(a) / a.n;
  const qb = varianceOf(b) / b.n;
  const se = Math.sqrt(qa + qb);
  if (se === 0) return { ...sides, difference, ci95: [difference, difference] };
  const df = (qa + qb) ** 2 / (qa ** 2 / (a.n - 1) + qb ** 2 / (b.n - 1));
  const half = quantile(0.975, df) * se;
  return { ...sides, difference, ci95: [difference - half, difference + half] };
}

/** The mean with its one-sample t interval (n − 1 degrees of freedom); null interval below two values. */
export function oneSample(values: readonly number[]): { n: number; mean: number | null; ci95: [number, number] | null } {
  const m = mean(values);
  if (values.length < 2 || m === null) return { n: values.length, mean: m, ci95: null };
  const half = (quantile(0.975, values.length - 1) * Math.sqrt(variance(values, m))) / Math.sqrt(values.length);
  return { n: values.length, mean: m, ci95: [m - half, m + half] };
}

/** Hours to two decimals (sums of seconds / 3600 stay exact up to there). */
export const hours = (seconds: number) => Math.round((seconds / 3600) * 100) / 100;
