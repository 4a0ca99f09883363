/**
 * All date and time formatting for the web app. Times are stored in UTC with the zone a session
 * was planned in; screens show the viewer's zone first and the session's zone beside it when it
 * differs. Only Intl is used: no date library.
 */
const LOCALE = 'en-GB';
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One date format (en-GB: "Tue 14 Jan", "14 Jan 2026") and one time format across the app: 24-hour
 * ("14:30") where the viewer's locale uses it, else 12-hour ("2:30 pm"). Pickers use the same
 * (`timePickerFormat`, `DATE_FORMAT`).
 */
export function uses24HourClock(locale: string = viewerLocale()): boolean {
  try {
    const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
    return cycle !== 'h12' && cycle !== 'h11';
  } catch {
    return true;
  }
}

function viewerLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || LOCALE;
}

let clock24: boolean | null = null;
const twentyFourHours = () => {
  clock24 ??= uses24HourClock();
  return clock24;
};

/** Mantine's TimePicker `format` for the viewer, with am/pm written as the app writes them. */
export function timePickerFormat(): { format: '24h' | '12h'; amPmLabels: { am: string; pm: string } } {
  return { format: twentyFourHours() ? '24h' : '12h', amPmLabels: { am: 'am', pm: 'pm' } };
}

/** The pickers' date format (dayjs tokens), the same as `formatDate`: "14 Jan 2026". */
export const DATE_FORMAT = 'D MMM YYYY';

/** A date-and-time picker's format: "14 Jan 2026, 14:30" or "14 Jan 2026, 2:30 pm", as `formatTime` writes times. */
export function dateTimePickerFormat(): string {
  return `${DATE_FORMAT}, ${twentyFourHours() ? 'HH:mm' : 'h:mm a'}`;
}

function fmt(zone: string, options: Intl.DateTimeFormatOptions, h24 = twentyFourHours()): Intl.DateTimeFormat {
  const key = `${zone}|${h24}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: zone, hourCycle: h24 ? 'h23' : 'h12' });
    formatters.set(key, f);
  }
  return f;
}

export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

let zones: string[] | null = null;
/** The IANA zones this browser knows, for pickers. */
export function allTimeZones(): string[] {
  if (!zones) {
    const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [browserZone()];
    zones = list.includes('UTC') ? list : [...list, 'UTC'];
  }
  return zones;
}

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function partsIn(date: Date, zone: string): Parts {
  const out: Record<string, number> = {};
  const parts = fmt(
    zone,
    {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    },
    true,
  ).formatToParts(date);
  for (const p of parts) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at that instant. */
function offsetAt(ms: number, zone: string): number {
  const p = partsIn(new Date(ms), zone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date "YYYY-MM-DD" of an instant in a zone. */
export function dateInZone(date: Date, zone: string): string {
  const p = partsIn(date, zone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "YYYY-MM-DD" plus n days (calendar arithmetic, no zone involved). */
export function addDays(ymd: string, n: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** The UTC instant of a wall-clock date ("2026-01-14") and time ("10:00") in an IANA zone. */
export function zonedToUtc(ymd: string, hm: string, zone: string): Date {
  const [y, m, d] = ymd.split('-').map(Number);
  const [h, mi] = hm.split(':').map(Number);
  const wall = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const first = offsetAt(wall, zone);
  let utc = wall - first;
  const second = offsetAt(utc, zone);
  if (second !== first) utc = wall - second;
  return new Date(utc);
}

// Locales whose short names cover most zones: CET, EST, IST, AEDT, SGT, JST.
const ZONE_NAME_LOCALES = ['en-GB', 'en-US', 'en-IN', 'en-AU', 'en-SG', 'ja-JP'];

/** Short zone name at an instant: "CET", "PST", "IST", else the offset ("GMT+3"). */
export function zoneAbbreviation(date: Date, zone: string): string {
  let fallback: string | undefined;
  for (const locale of ZONE_NAME_LOCALES) {
    const key = `${locale}|${zone}|tzname`;
    let f = formatters.get(key);
    if (!f) {
      f = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
      formatters.set(key, f);
    }
    const name = f.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value;
    if (name && /^[A-Z]{2,5}$/.test(name)) return name;
    fallback ??= name;
  }
  return fallback ?? zone;
}

function dayLabel(date: Date, zone: string, now = new Date()): string {
  const sameYear = partsIn(date, zone).year === partsIn(now, zone).year;
  return fmt(
    zone,
    sameYear ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  ).format(date);
}

/** "14:30" on a 24-hour clock, "2:30 pm" on a 12-hour one (the viewer's locale decides; `h24` overrides). */
export function formatTime(date: Date, zone: string, h24 = twentyFourHours()): string {
  return fmt(zone, { hour: h24 ? '2-digit' : 'numeric', minute: '2-digit' }, h24).format(date);
}

/** "Tue 14 Jan, 10:00" */
export function formatDateTime(iso: string, zone: string): string {
  const date = new Date(iso);
  return `${dayLabel(date, zone)}, ${formatTime(date, zone)}`;
}

/** "14 Jan 2026" */
export function formatDate(iso: string, zone: string): string {
  return fmt(zone, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

/** "Tue 14 Jan, 10:00–11:30", or both days when it ends on another day. */
export function formatRange(startIso: string, endIso: string, zone: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  const startDay = dayLabel(start, zone);
  const endDay = dayLabel(end, zone);
  if (startDay === endDay) return `${startDay}, ${formatTime(start, zone)}–${formatTime(end, zone)}`;
  return `${startDay}, ${formatTime(start, zone)} – ${endDay}, ${formatTime(end, zone)}`;
}

export type SessionTimeText = {
  /** In the viewer's zone: "Tue 14 Jan, 10:00–11:30". */
  local: string;
  /** The viewer's zone abbreviation: "CET". */
  localZone: string;
  /** Start in the session's zone when it differs from the viewer's: "19:00 CET in Europe/Amsterdam". */
  sessionZone: string | null;
};

export function sessionTimeText(startIso: string, endIso: string, sessionZone: string, viewerZone: string): SessionTimeText {
  const start = new Date(startIso);
  const local = formatRange(startIso, endIso, viewerZone);
  const localZone = zoneAbbreviation(start, viewerZone);
  if (sessionZone === viewerZone) return { local, localZone, sessionZone: null };
  const sameDay = dateInZone(start, sessionZone) === dateInZone(start, viewerZone);
  const when = sameDay ? formatTime(start, sessionZone) : `${dayLabel(start, sessionZone)}, ${formatTime(start, sessionZone)}`;
  return { local, localZone, sessionZone: `${when} ${zoneAbbreviation(start, sessionZone)} in ${sessionZone}` };
}

const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 2 hours", "tomorrow", "in 3 days", "happening now" for sessions within a week; otherwise null. */
export function relativeHint(startIso: string, endIso: string, zone: string, now = Date.now()): string | null {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (now >= start && now < end) return 'happening now';
  const diff = start - now;
  if (diff < 0 || diff > 7 * 24 * 3600_000) return null;
  const minutes = Math.round(diff / 60_000);
  if (minutes < 60) return rtf.format(Math.max(minutes, 1), 'minute');
  const hours = Math.round(diff / 3600_000);
  const today = dateInZone(new Date(now), zone);
  const day = dateInZone(new Date(start), zone);
  if (hours < 12 || day === today) return rtf.format(hours, 'hour');
  // Calendar days in the viewer's zone, so 01:00 the day after tomorrow is not "tomorrow".
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / (24 * 3600_000));
  return rtf.format(days, 'day');
}

/** "1 h 30 min", "45 min" */
export function formatDuration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
