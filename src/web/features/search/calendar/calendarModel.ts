import type { SearchHit } from '../../../../contracts/index.js';
import { addDays, dateInZone } from '../../../lib/time';

/** Calendar arithmetic on "YYYY-MM-DD" days; weeks start on Monday (ISO 8601). */
export type CalendarMode = 'week' | 'month';

const noon = (ymd: string) => new Date(`${ymd}T12:00:00Z`);

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(ymd: string): number {
  return (noon(ymd).getUTCDay() + 6) % 7;
}

export function startOfWeek(ymd: string): string {
  return addDays(ymd, -weekdayIndex(ymd));
}

export function weekOf(ymd: string): string[] {
  const start = startOfWeek(ymd);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

export const monthOf = (ymd: string) => ymd.slice(0, 7);

/** The weeks (Monday to Sunday) that cover the month of the given day. */
export function monthWeeks(ymd: string): string[][] {
  const month = monthOf(ymd);
  const weeks: string[][] = [];
  // The first week may start in the previous month; "YYYY-MM" strings compare in time order.
  for (let start = startOfWeek(`${month}-01`); monthOf(start) <= month; start = addDays(start, 7)) weeks.push(weekOf(start));
  return weeks;
}

export function weeksFor(mode: CalendarMode, anchor: string): string[][] {
  return mode === 'week' ? [weekOf(anchor)] : monthWeeks(anchor);
}

/** The same place one period earlier or later. */
export function shift(mode: CalendarMode, anchor: string, by: number): string {
  if (mode === 'week') return addDays(anchor, 7 * by);
  const d = noon(`${monthOf(anchor)}-01`);
  d.setUTCMonth(d.getUTCMonth() + by);
  return d.toISOString().slice(0, 10);
}

const LOCALE = 'en-GB';
const utc = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALE, { ...o, timeZone: 'UTC' });
const fmtMonth = utc({ month: 'long', year: 'numeric' });
const fmtDayMonth = utc({ day: 'numeric', month: 'short' });
const fmtFull = utc({ weekday: 'long', day: 'numeric', month: 'long' });
const fmtShort = utc({ weekday: 'short', day: 'numeric', month: 'short' });
const fmtWeekday = utc({ weekday: 'short' });

export const fullDay = (ymd: string) => fmtFull.format(noon(ymd));
export const shortDay = (ymd: string) => fmtShort.format(noon(ymd));
export const weekdayName = (ymd: string) => fmtWeekday.format(noon(ymd));
export const dayOfMonth = (ymd: string) => Number(ymd.slice(8, 10));
/** "7", or "1 Jan" where a month begins, so a month grid's spill-over days say which month they are in. */
export const dayLabel = (ymd: string) => (dayOfMonth(ymd) === 1 ? fmtDayMonth.format(noon(ymd)) : String(dayOfMonth(ymd)));

/** "December 2026" or "30 Nov – 6 Dec 2026". */
export function periodTitle(mode: CalendarMode, anchor: string): string {
  if (mode === 'month') return fmtMonth.format(noon(anchor));
  const days = weekOf(anchor);
  const first = days[0] as string;
  const last = days[6] as string;
  return `${fmtDayMonth.format(noon(first))} – ${fmtDayMonth.format(noon(last))} ${last.slice(0, 4)}`;
}

/** Hits by the day their session starts on, in the viewer's zone, in time order. */
export function byDay(hits: SearchHit[], zone: string): Map<string, SearchHit[]> {
  const out = new Map<string, SearchHit[]>();
  const sorted = [...hits]
    .filter((h) => h.nextSession)
    .sort((a, b) => (a.nextSession?.startsAt ?? '').localeCompare(b.nextSession?.startsAt ?? ''));
  for (const h of sorted) {
    const day = dateInZone(new Date(h.nextSession?.startsAt ?? 0), zone);
    const list = out.get(day) ?? [];
    list.push(h);
    out.set(day, list);
  }
  return out;
}

/** Where a key moves the focused day: ←/→ a day, ↑/↓ a week, Home/End the week's ends, PageUp/PageDown a period. */
export function dayAfterKey(key: string, day: string, mode: CalendarMode): string | null {
  const period = mode === 'week' ? 7 : 28;
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return startOfWeek(day);
    case 'End':
      return addDays(startOfWeek(day), 6);
    case 'PageUp':
      return addDays(day, -period);
    case 'PageDown':
      return addDays(day, period);
    default:
      return null;
  }
}
