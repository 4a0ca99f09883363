import { createRecurringSessionsBody, createSessionBody, type Person, type SessionMode, type Workshop } from '../../../contracts/index.js';
import { contractValidator, type FieldErrors } from '../../lib/forms';
import { addDays, dateInZone, zonedToUtc } from '../../lib/time';
import type { ScheduleInput } from './hooks';

export type Repeat = 'none' | 'weekly' | 'daily';

export type ScheduleValues = {
  date: string | null; // YYYY-MM-DD, in timeZone
  time: string; // HH:mm, in timeZone
  durationMinutes: number | string;
  timeZone: string;
  mode: SessionMode;
  location: string;
  videoUrl: string;
  unlimitedSeats: boolean;
  seats: number | string;
  /** Hybrid sessions: the online seats (seats above are then the in-person ones). */
  unlimitedOnlineSeats: boolean;
  onlineSeats: number | string;
  /** When a seat frees up: enrol the next person, or offer it to them for offerHours. */
  promotion: 'auto' | 'offer';
  offerHours: number | string;
  repeat: Repeat;
  interval: number | string;
  count: number | string;
};

/** Next week, same weekday, 10:00 in the viewer's zone; the workshop's duration; the viewer's location. */
export function defaultScheduleValues(workshop: Workshop, me: Person | null, zone: string, now = new Date()): ScheduleValues {
  const talkLike = workshop.format === 'talk' || workshop.format === 'office_hours';
  return {
    date: addDays(dateInZone(now, zone), 7),
    time: '10:00',
    durationMinutes: workshop.durationMinutes,
    timeZone: zone,
    mode: 'in_person',
    location: me?.location ?? '',
    videoUrl: '',
    unlimitedSeats: talkLike,
    seats: talkLike ? '' : 20,
    unlimitedOnlineSeats: true,
    onlineSeats: '',
    promotion: 'auto',
    offerHours: 24,
    repeat: 'none',
    interval: 1,
    count: 4,
  };
}

const num = (v: number | string): number => (typeof v === 'number' ? v : v.trim() === '' ? Number.NaN : Number(v));

/** The instants a form describes, or null while date/time/duration are incomplete. */
export function startEnd(v: ScheduleValues): { start: Date; end: Date } | null {
  const minutes = num(v.durationMinutes);
  if (!v.date || !/^\d{1,2}:\d{2}$/.test(v.time) || !Number.isFinite(minutes) || minutes <= 0) return null;
  const start = zonedToUtc(v.date, v.time, v.timeZone);
  if (Number.isNaN(start.getTime())) return null;
  return { start, end: new Date(start.getTime() + minutes * 60_000) };
}

/** Server field names → form field names. */
export function mapSessionErrors(errors: FieldErrors): FieldErrors {
  const rename: Record<string, string> = {
    startsAt: 'time',
    endsAt: 'durationMinutes',
    'repeat.count': 'count',
    'repeat.interval': 'interval',
    'repeat.frequency': 'repeat',
  };
  const out: FieldErrors = {};
  for (const [k, m] of Object.entries(errors)) out[rename[k] ?? k] = m;
  return out;
}

const checkSingle = contractValidator(createSessionBody);
const checkRecurring = contractValidator(createRecurringSessionsBody);

/** The contract's refusals in the form's words, where the form has its own way of asking. */
function withHints(errors: FieldErrors): FieldErrors {
  const out = { ...errors };
  if (out.seats) out.seats = 'Give a number of seats, or tick “Unlimited”.';
  if (out.onlineSeats) out.onlineSeats = 'Give a number of online seats, or tick “Unlimited”.';
  if (out.offerHours) out.offerHours = 'Use whole hours between 1 and 168.';
  return out;
}

/**
 * What only the form can check: a date, a start time and a duration stand for the body's two
 * instants (which must be in the future). Everything the body carries, the contract checks.
 */
function formErrors(v: ScheduleValues, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.date) errors.date = 'Pick a date.';
  if (!/^\d{1,2}:\d{2}$/.test(v.time)) errors.time = 'Pick a start time, e.g. 10:00.';
  const minutes = num(v.durationMinutes);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 1440)
    errors.durationMinutes = 'A session lasts 5 to 1440 minutes (24 hours); for longer, schedule several sessions.';
  const times = startEnd(v);
  if (times && times.start.getTime() < now.getTime()) errors.time = 'That time has passed: pick one in the future.';
  return errors;
}

/** The request the form describes (not yet checked). */
function toInput(v: ScheduleValues, times: { start: Date; end: Date }): ScheduleInput {
  const limitedOnline = v.mode === 'hybrid' && !v.unlimitedOnlineSeats;
  const body = {
    startsAt: times.start.toISOString(),
    endsAt: times.end.toISOString(),
    timeZone: v.timeZone,
    mode: v.mode,
    location: v.mode === 'online' || v.location.trim() === '' ? null : v.location.trim(),
    videoUrl: v.mode === 'in_person' || v.videoUrl.trim() === '' ? null : v.videoUrl.trim(),
    seats: v.unlimitedSeats ? null : num(v.seats),
    onlineSeats: limitedOnline ? num(v.onlineSeats) : null,
    promotion: v.promotion,
    ...(v.promotion === 'offer' ? { offerHours: num(v.offerHours) } : {}),
  };
  if (v.repeat === 'none') return { kind: 'single', body };
  return { kind: 'recurring', body: { ...body, repeat: { frequency: v.repeat, interval: num(v.interval), count: num(v.count) } } };
}

export function validateSchedule(
  v: ScheduleValues,
  now = new Date(),
): { ok: true; input: ScheduleInput } | { ok: false; errors: FieldErrors } {
  const errors = formErrors(v, now);
  const times = startEnd(v);
  if (Object.keys(errors).length > 0 || !times) return { ok: false, errors };
  const input = toInput(v, times);
  const refused = input.kind === 'single' ? checkSingle(input.body) : checkRecurring(input.body);
  if (Object.keys(refused).length > 0) return { ok: false, errors: withHints(mapSessionErrors(refused)) };
  return input.kind === 'single'
    ? { ok: true, input: { kind: 'single', body: createSessionBody.parse(input.body) } }
    : { ok: true, input: { kind: 'recurring', body: createRecurringSessionsBody.parse(input.body) } };
}

/** The start of each occurrence, for the preview (same wall-clock time in the session's zone). */
export function occurrences(v: ScheduleValues): Date[] {
  if (!startEnd(v) || !v.date) return [];
  const count = v.repeat === 'none' ? 1 : Math.min(Math.max(num(v.count) || 0, 0), 52);
  const step = (v.repeat === 'weekly' ? 7 : 1) * Math.max(num(v.interval) || 1, 1);
  return Array.from({ length: count }, (_, i) => zonedToUtc(addDays(v.date as string, i * step), v.time, v.timeZone));
}
