import type { KpiName } from '../../../contracts/index.js';

type Kind = 'count' | 'rate' | 'hours' | 'rating' | 'scale';

/** Plain names and one-line explanations of every figure, and how each reads (more is better, or less). */
/** `neutral`: a change is neither good nor bad news (shown without green or red). */
export const kpiCopy: Record<KpiName, { label: string; help: string; kind: Kind; lowerIsBetter?: boolean; neutral?: boolean }> = {
  sessionsHeld: { label: 'Sessions held', help: 'Scheduled sessions that took place in the period.', kind: 'count' },
  workshopsCreated: { label: 'Workshops created', help: 'Workshops published in the period.', kind: 'count' },
  firstTimeHosts: { label: 'First-time hosts', help: 'People who hosted their very first session in the period.', kind: 'count' },
  activeHosts: { label: 'Active hosts', help: 'Different people who hosted at least one session.', kind: 'count' },
  uniqueLearners: { label: 'Unique learners', help: 'Different people who attended at least one session.', kind: 'count' },
  headcountReached: { label: 'Headcount reached', help: 'Unique learners as a share of everyone in the filter.', kind: 'rate' },
  seatsFilled: { label: 'Seats filled', help: 'Seats taken in sessions held: attended plus no-shows.', kind: 'count' },
  attendanceRate: { label: 'Attendance rate', help: 'Of the seats filled, the share whose holder came.', kind: 'rate' },
  noShowRate: {
    label: 'No-show rate',
    help: 'Of the seats filled, the share whose holder did not come.',
    kind: 'rate',
    lowerIsBetter: true,
  },
  lateCancellations: {
    label: 'Late cancellations',
    help: 'Seats given up too late for someone on the waitlist to take them.',
    kind: 'count',
    lowerIsBetter: true,
  },
  learningHours: { label: 'Learning hours', help: "Attendees' hours in the sessions they came to.", kind: 'hours' },
  engineerHoursInvested: {
    label: 'Engineer-hours invested',
    help: "Attendees' hours plus hosts' session and preparation time.",
    kind: 'hours',
  },
  unmetDemand: {
    label: 'Unmet demand',
    help: 'People who waited and never got a seat, "notify me" wishes and open requests.',
    kind: 'count',
    lowerIsBetter: true,
  },
  averageRating: { label: 'Average rating', help: 'Mean overall rating (1–5) of the answers about sessions held.', kind: 'rating' },
  responseRate: {
    label: 'Response rate',
    help: 'Of the people asked for feedback (less those who declined), the share who answered.',
    kind: 'rate',
  },
  checklistAdoption: {
    label: 'Checklist adoption',
    help: 'Share of workshops run in the period that were prepared with a checklist.',
    kind: 'rate',
  },
  confidenceBefore: {
    label: "Hosts' confidence before",
    help: 'How confident hosts felt before preparing with the checklist (1–5).',
    kind: 'scale',
    neutral: true,
  },
  confidenceAfter: {
    label: "Hosts' confidence after",
    help: 'How confident hosts felt after preparing with the checklist (1–5).',
    kind: 'scale',
  },
};

/** The figures in groups, each a row of cards under a heading. */
export const kpiGroups: { title: string; names: KpiName[] }[] = [
  { title: 'Sessions and hosts', names: ['sessionsHeld', 'workshopsCreated', 'activeHosts', 'firstTimeHosts'] },
  { title: 'Learners', names: ['uniqueLearners', 'headcountReached', 'seatsFilled', 'attendanceRate', 'noShowRate', 'lateCancellations'] },
  { title: 'Time and demand', names: ['learningHours', 'engineerHoursInvested', 'unmetDemand'] },
  { title: 'Quality and checklists', names: ['averageRating', 'responseRate', 'checklistAdoption', 'confidenceBefore', 'confidenceAfter'] },
];

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export function formatValue(kind: Kind, value: number | null): string {
  if (value === null) return '—';
  switch (kind) {
    case 'rate':
      return `${whole.format(value * 100)}%`;
    case 'hours':
      return `${whole.format(value)} h`;
    case 'rating':
    case 'scale':
      return oneDecimal.format(value);
    default:
      return whole.format(value);
  }
}

export const formatNumber = (v: number | null, decimals = 0) =>
  v === null ? '—' : new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(v);
export const formatPercent = (v: number | null) => (v === null ? '—' : `${whole.format(v * 100)}%`);

export type Change = { direction: 'up' | 'down' | 'same' | 'none'; text: string; good: boolean | null };

/** The change against the previous period in words ("up 12%", "down 3 points", "no change"), and whether it is good news. */
export function describeChange(kind: Kind, value: number | null, previous: number | null, lowerIsBetter = false): Change {
  if (value === null || previous === null) return { direction: 'none', text: 'nothing to compare', good: null };
  const diff = value - previous;
  // Shown as the cards round: 97.2% against 96.9% is "no change", not "up 0 points".
  const shown =
    kind === 'rate'
      ? Math.round(Math.abs(diff) * 100)
      : kind === 'rating' || kind === 'scale'
        ? Math.round(Math.abs(diff) * 10)
        : Math.abs(diff);
  if (shown < 0.5) return { direction: 'same', text: 'no change', good: null };
  const direction = diff > 0 ? 'up' : 'down';
  const good = lowerIsBetter ? diff < 0 : diff > 0;
  let amount: string;
  if (kind === 'rate') amount = `${whole.format(Math.abs(diff) * 100)} points`;
  else if (kind === 'rating' || kind === 'scale') amount = oneDecimal.format(Math.abs(diff));
  else if (previous === 0) amount = `from 0 to ${formatValue(kind, value)}`;
  else amount = `${whole.format(Math.max(1, (Math.abs(diff) / Math.abs(previous)) * 100))}%`;
  return { direction, text: `${direction} ${amount}`, good };
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "1 Oct 2026 – 2 Dec 2026" (periods are UTC days). */
export function formatPeriod(p: { from: string; to: string }): string {
  const a = dayFormat.format(new Date(`${p.from}T00:00:00Z`));
  const b = dayFormat.format(new Date(`${p.to}T00:00:00Z`));
  return a === b ? a : `${a} – ${b}`;
}

const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
/** "2026-03" → "Mar 2026". */
export const formatMonth = (ym: string) => monthFormat.format(new Date(`${ym}-01T00:00:00Z`));
