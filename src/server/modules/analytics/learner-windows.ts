import type { Periods, Window } from './analytics.policy.js';

/**
 * How distinct learners of a window are read from the rollups (pure). A window (clipped at now)
 * splits into whole months before today (a bit per person in learner_months), the other days
 * before today (learning_days) and today up to now (the registrations themselves: a session of
 * today counts once it started, and people check in before the start).
 */
export interface LearnerParts {
  /** Per 60-month block, the months' bits as a decimal string (up to 60 bits: beyond JavaScript's bitwise operators). */
  months: { block: number; mask: string }[];
  /** Day ranges [from, to) as YYYY-MM-DD. */
  days: { from: string; to: string }[];
  /** Today's part, as instants, or null. */
  today: Window | null;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dayText = (ms: number) => iso(ms).slice(0, 10);
const nextMonth = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
};
const monthStart = (ms: number) => {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

/** The month's index from year 0 (year × 12 + month − 1), as the migration 20261202T1500 counts it. */
export function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

export function learnerParts(window: Window, now: string): LearnerParts {
  const start = Date.parse(window.start);
  const end = Math.min(Date.parse(window.end), Date.parse(now));
  const today = Math.floor(Date.parse(now) / DAY) * DAY;
  const parts: LearnerParts = { months: [], days: [], today: null };
  if (start >= end) return parts;
  const daysEnd = Math.min(end, today);
  const masks = new Map<number, bigint>();
  for (let m = monthStart(start); m < daysEnd; m = nextMonth(m)) {
    const from = Math.max(m, start);
    const to = Math.min(nextMonth(m), daysEnd);
    if (from === m && to === nextMonth(m)) {
      const index = monthIndex(m);
      const block = Math.floor(index / 60);
      masks.set(block, (masks.get(block) ?? 0n) | (1n << BigInt(index % 60)));
    } else if (from < to) {
      // Periods start and end on whole days (UTC), so a partial month is whole days too.
      const last = parts.days.at(-1);
      if (last && last.to === dayText(from)) last.to = dayText(to);
      else parts.days.push({ from: dayText(from), to: dayText(to) });
    }
  }
  parts.months = [...masks.entries()].map(([block, mask]) => ({ block, mask: mask.toString() }));
  if (end > today && Math.max(start, today) < end) parts.today = { start: iso(Math.max(start, today)), end: iso(end) };
  return parts;
}

/**
 * The windows distinct learners are counted in: the period, the previous one, each month of the
 * period and the same month a year earlier (as the segments of segmentsOf assign them).
 */
export function learnerWindows(p: Periods): { key: string; window: Window }[] {
  // ISO instants of one format compare as text.
  const within = (w: Window, bounds: Window): Window => ({
    start: [w.start, bounds.start].sort()[1] ?? w.start,
    end: [w.end, bounds.end].sort()[0] ?? w.end,
  });
  const monthWindow = (label: string): Window => {
    const start = Date.parse(`${label}-01T00:00:00.000Z`);
    const d = new Date(start);
    return { start: new Date(start).toISOString(), end: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString() };
  };
  const yearEarlier = (label: string) => `${Number(label.slice(0, 4)) - 1}${label.slice(4)}`;
  return [
    { key: 'current', window: p.current },
    { key: 'previous', window: p.before },
    ...p.months.map((m) => ({ key: `m:${m}`, window: within(monthWindow(m), p.current) })),
    ...p.months.map((m) => ({ key: `y:${m}`, window: within(monthWindow(yearEarlier(m)), p.yearAgo) })),
  ];
}
