import type { Session, UpdateScope, UpdateSessionBody } from '../../../contracts/index.js';
import type { FieldErrors } from '../../lib/forms';
import { dateInZone, zonedToUtc } from '../../lib/time';
import { type ScheduleValues, validateSchedule } from './scheduleModel';

/** The schedule form's values plus the registration window ("YYYY-MM-DD HH:mm:ss" in the session's zone, or null). */
export type EditValues = ScheduleValues & { opensAt: string | null; closesAt: string | null };

const pad = (n: number) => String(n).padStart(2, '0');

/** "HH:mm" of an instant in a zone, 24-hour. */
export function timeInZone(date: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
    date,
  );
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return `${pad(part('hour'))}:${pad(part('minute'))}`;
}

const wallClock = (iso: string | null, zone: string): string | null =>
  iso === null ? null : `${dateInZone(new Date(iso), zone)} ${timeInZone(new Date(iso), zone)}:00`;

const wallToIso = (wall: string | null, zone: string): string | null => {
  if (!wall) return null;
  const [date, time] = wall.split(' ');
  return date && time ? zonedToUtc(date, time.slice(0, 5), zone).toISOString() : null;
};

/** The form filled with the session as it is. */
export function editValues(s: Session): EditValues {
  const start = new Date(s.startsAt);
  return {
    date: dateInZone(start, s.timeZone),
    time: timeInZone(start, s.timeZone),
    durationMinutes: Math.round((Date.parse(s.endsAt) - start.getTime()) / 60_000),
    timeZone: s.timeZone,
    mode: s.mode,
    location: s.location ?? '',
    videoUrl: s.videoUrl ?? '',
    unlimitedSeats: s.seats === null,
    seats: s.seats ?? '',
    unlimitedOnlineSeats: s.onlineSeats === null,
    onlineSeats: s.onlineSeats ?? '',
    promotion: s.promotion,
    offerHours: s.offerHours,
    repeat: 'none',
    interval: 1,
    count: 2,
    opensAt: wallClock(s.registrationOpensAt, s.timeZone),
    closesAt: wallClock(s.registrationClosesAt, s.timeZone),
  };
}

/**
 * The PATCH body: only what differs from the session. The schedule form's own checks (and the
 * contract's) apply, so a 100000-minute duration is refused here with the same words as there.
 */
export function editBody(
  s: Session,
  v: EditValues,
  now = new Date(),
): { ok: true; body: UpdateSessionBody } | { ok: false; errors: FieldErrors } {
  const checked = validateSchedule({ ...v, repeat: 'none' }, now);
  if (!checked.ok) return checked;
  const next = checked.input.body;
  const opens = wallToIso(v.opensAt, v.timeZone);
  const closes = wallToIso(v.closesAt, v.timeZone);
  if (opens && closes && opens >= closes) return { ok: false, errors: { closesAt: 'Registration must close after it opens.' } };
  if (closes && closes > next.endsAt)
    return { ok: false, errors: { closesAt: 'Registration closes by the end of the session at the latest.' } };
  const body: UpdateSessionBody = {};
  if (next.startsAt !== s.startsAt) body.startsAt = next.startsAt;
  if (next.endsAt !== s.endsAt) body.endsAt = next.endsAt;
  if (next.timeZone !== s.timeZone) body.timeZone = next.timeZone;
  if (next.mode !== s.mode) body.mode = next.mode;
  if ((next.location ?? null) !== s.location) body.location = next.location ?? null;
  if ((next.videoUrl ?? null) !== s.videoUrl) body.videoUrl = next.videoUrl ?? null;
  if ((next.seats ?? null) !== s.seats) body.seats = next.seats ?? null;
  if ((next.onlineSeats ?? null) !== s.onlineSeats) body.onlineSeats = next.onlineSeats ?? null;
  if (opens !== (s.registrationOpensAt && new Date(s.registrationOpensAt).toISOString())) body.registrationOpensAt = opens;
  if (closes !== (s.registrationClosesAt && new Date(s.registrationClosesAt).toISOString())) body.registrationClosesAt = closes;
  if ((next.promotion ?? 'auto') !== s.promotion) body.promotion = next.promotion;
  if (next.offerHours !== undefined && next.offerHours !== s.offerHours) body.offerHours = next.offerHours;
  return { ok: true, body };
}

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`);

/** What saving will do, in words, before the host saves. */
export function editEffect(s: Session, body: UpdateSessionBody, scope: UpdateScope, laterCount: number): string[] {
  const lines: string[] = [];
  const keys = Object.keys(body);
  if (keys.length === 0) return ['Nothing has changed yet.'];
  const told =
    body.startsAt !== undefined ||
    body.endsAt !== undefined ||
    body.location !== undefined ||
    body.mode !== undefined ||
    body.videoUrl !== undefined;
  const seated = s.enrolledCount;
  const waiting = s.waitlistCount;
  if (told) {
    if (seated > 0) lines.push(`${people(seated)} with a seat will get an updated invitation (the same calendar entry, moved).`);
    if (waiting > 0) lines.push(`${people(waiting)} on the waitlist will be told of the change.`);
    if (seated + waiting === 0) lines.push('Nobody has registered yet, so nobody needs to be told.');
  }
  const seats = body.seats !== undefined ? body.seats : s.seats;
  const grows = body.seats !== undefined && waiting > 0 && (seats === null || (s.seats !== null && seats > s.seats));
  if (!told && !grows && seated + waiting > 0) {
    lines.push('Nobody is messaged: seats, the registration window and promotion change quietly.');
  }
  const holding = s.mode === 'hybrid' ? s.enrolledCount - s.onlineEnrolledCount : s.enrolledCount;
  if (body.seats !== undefined && seats !== null && seats < holding) {
    lines.push(
      `Lowering the seats to ${seats} removes nobody: the ${people(holding)} enrolled keep their seats. New registrations join the waitlist; a seat is given again once ${seats === 1 ? 'nobody holds one' : `fewer than ${seats} people hold one`}.`,
    );
  } else if (body.seats !== undefined && seats !== null && s.seats !== null && seats < s.seats) {
    lines.push('Lowering the seats removes nobody.');
  }
  if (grows) lines.push('The new seats go to the people waiting, in order, straight away, and each of them is told.');
  if (scope === 'following' && laterCount > 0) {
    lines.push(
      `The same change reaches the ${laterCount === 1 ? 'next session' : `${laterCount} later sessions`}${body.startsAt || body.endsAt ? ', each moved by the same amount' : ''}; their registrants are told the same way.`,
    );
  }
  return lines;
}
