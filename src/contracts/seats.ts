import type { SeatPool } from './registrations.js';

/**
 * The seat rules both ends need: the server decides with them (under its lock, on counts it just
 * read), the web app guesses the server's answer with them before it arrives.
 */

/** Seats nobody holds and people waiting, in one pool of a session. */
export interface PoolCount {
  /** Seats in the pool; null is unlimited. */
  capacity: number | null;
  taken: number;
  waiting: number;
}

/** Nobody jumps the queue: a free seat with people waiting belongs to them. */
export function hasFreeSeat(p: PoolCount): boolean {
  return p.waiting === 0 && (p.capacity === null || p.taken < p.capacity);
}

/** The pool a registration takes: a hybrid session's chosen one (in person by default), else the session's mode. */
export function poolOf(sessionMode: SeatPool | 'hybrid', requested: SeatPool | undefined): SeatPool {
  return sessionMode === 'hybrid' ? (requested ?? 'in_person') : sessionMode;
}

/** Seats in a pool; null is unlimited. For hybrid sessions `seats` are the in-person ones. */
export function capacityOf(session: { mode: SeatPool | 'hybrid'; seats: number | null; onlineSeats: number | null }, pool: SeatPool) {
  return session.mode === 'hybrid' && pool === 'online' ? session.onlineSeats : session.seats;
}

/** Self check-in opens this long before the start and closes at the end. */
export const CHECK_IN_OPENS_BEFORE_MS = 15 * 60_000;

/** When self check-in is open: from 15 minutes before the start to the end. */
export function checkInWindow(session: { startsAt: string; endsAt: string }): { validFrom: string; validUntil: string } {
  return {
    validFrom: new Date(Date.parse(session.startsAt) - CHECK_IN_OPENS_BEFORE_MS).toISOString(),
    validUntil: session.endsAt,
  };
}

/** Hosts mark attendance from the self check-in window's start until this long after the end (late marking is normal). */
export const HOST_CHECK_IN_CLOSES_AFTER_MS = 7 * 24 * 3_600_000;

/** When a host may check people in or add walk-ins: from 15 minutes before the start to 7 days after the end. */
export function hostCheckInWindow(session: { startsAt: string; endsAt: string }): { opensAt: string; closesAt: string } {
  return {
    opensAt: checkInWindow(session).validFrom,
    closesAt: new Date(Date.parse(session.endsAt) + HOST_CHECK_IN_CLOSES_AFTER_MS).toISOString(),
  };
}

/** A cancellation this close to the start counts as late. */
export const LATE_CANCELLATION_MS = 24 * 3_600_000;
