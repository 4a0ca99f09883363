import { checkInWindow as checkInWindowOf, hostCheckInWindow, LATE_CANCELLATION_MS, poolOf } from '../../../contracts/seats.js';
import type { RegistrationStatus, SeatPool } from '../../db/schema.js';
import { AppError, invalidField, invalidState } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { SessionRow } from '../sessions/sessions.repository.js';
import type { WorkshopRow } from '../workshops/workshops.repository.js';
import type { RegistrationRow } from './registrations.repository.js';

/** What registration rules read of a workshop. */
export type WorkshopState = Pick<WorkshopRow, 'status' | 'published_at'>;

/** Why registration is not possible right now, or undefined when it is. */
export function registrationClosedReason(session: SessionRow, workshop: WorkshopState, now: Date): string | undefined {
  const t = now.getTime();
  if (session.status === 'cancelled') return 'This session is cancelled.';
  if (workshop.status !== 'published') return 'This workshop is not published yet.';
  if (Date.parse(session.starts_at) <= t) return 'This session has already started.';
  const opens = session.registration_opens_at ?? workshop.published_at;
  if (opens && Date.parse(opens) > t) {
    const when = new Date(opens).toLocaleString('en-GB', { timeZone: session.time_zone, dateStyle: 'medium', timeStyle: 'short' });
    return `Registration opens on ${when} (${session.time_zone}).`;
  }
  if (session.registration_closes_at && Date.parse(session.registration_closes_at) <= t) return 'Registration for this session is closed.';
  return undefined;
}

export function assertOpen(session: SessionRow, workshop: WorkshopState, now: Date): void {
  const reason = registrationClosedReason(session, workshop, now);
  if (reason) throw new AppError('invalid_state', reason);
}

/** The seat pool a registration takes: the session's mode, or the chosen one when hybrid. */
export function poolFor(session: SessionRow, requested: SeatPool | undefined): SeatPool {
  if (session.mode !== 'hybrid' && requested && requested !== session.mode) {
    throw invalidField('mode', `This session is ${session.mode.replace('_', '-')} only; leave out mode or choose ${session.mode}.`);
  }
  return poolOf(session.mode, requested);
}

export function assertCancellable(session: SessionRow, now: Date): { late: boolean } {
  const start = Date.parse(session.starts_at);
  if (start <= now.getTime()) throw invalidState('The session has started; it can no longer be cancelled.');
  return { late: start - now.getTime() < LATE_CANCELLATION_MS };
}

/** Self check-in: from 15 minutes before the start to the end (the web app shows the same window). */
export function checkInWindow(session: SessionRow): { validFrom: string; validUntil: string } {
  return checkInWindowOf({ startsAt: session.starts_at, endsAt: session.ends_at });
}

export function assertCheckInOpen(session: SessionRow, now: Date): void {
  const { validFrom, validUntil } = checkInWindow(session);
  if (session.status === 'cancelled') throw invalidState('This session is cancelled.');
  if (now.getTime() < Date.parse(validFrom)) throw invalidState('Check-in opens 15 minutes before the start.');
  if (now.getTime() > Date.parse(validUntil)) throw invalidState('The session is over; check-in is closed.');
}

/**
 * Hosts mark attendance (check-in, walk-ins) from the check-in window until 7 days after the end:
 * late marking is normal, weeks ahead is a mistake (someone marked present for a session to come).
 */
export function assertHostCheckInOpen(session: SessionRow, now: Date): void {
  if (session.status === 'cancelled') throw invalidState('This session is cancelled.');
  const { opensAt, closesAt } = hostCheckInWindow({ startsAt: session.starts_at, endsAt: session.ends_at });
  if (now.getTime() < Date.parse(opensAt)) {
    throw new AppError('check_in_not_open', 'Attendance can be marked from 15 minutes before the session starts.');
  }
  if (now.getTime() > Date.parse(closesAt)) {
    throw new AppError('check_in_closed', 'Attendance can be marked until 7 days after the session ends.');
  }
}

/** A new registration row: everything not given starts empty. */
export function newRegistration(fields: {
  sessionId: string;
  personId: string;
  mode: SeatPool;
  status: RegistrationStatus;
  position?: number | null;
  at: string;
  walkIn?: boolean;
  seriesKey?: string | null;
}): RegistrationRow {
  return {
    id: newId(),
    session_id: fields.sessionId,
    person_id: fields.personId,
    mode: fields.mode,
    status: fields.status,
    position: fields.position ?? null,
    offer_expires_at: null,
    late_cancellation: 0,
    walk_in: fields.walkIn ? 1 : 0,
    series_key: fields.seriesKey ?? null,
    checked_in_at: fields.status === 'attended' ? fields.at : null,
    cancelled_at: null,
    created_at: fields.at,
    updated_at: fields.at,
    reminded_48h_for: null,
    reminded_1h_for: null,
    thanked_at: null,
  };
}
