import type { SeatPool } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { SessionRow } from '../sessions/sessions.repository.js';
import type { registrationsRepository } from './registrations.repository.js';

/**
 * The seat rules, shared by everything that frees or adds seats. Every function here runs inside
 * a transaction that already holds the session's lock (registrationsRepository.lockSession), and
 * re-counts from the database rather than trusting what the caller saw.
 */

/** The pools a session has: one for in-person or online sessions, both for hybrid ones. */
export function poolsOf(session: SessionRow): SeatPool[] {
  return session.mode === 'hybrid' ? ['in_person', 'online'] : [session.mode];
}

/** Seats in a pool; null is unlimited. For hybrid sessions `seats` are the in-person ones. */
export function capacityOf(session: SessionRow, pool: SeatPool): number | null {
  return session.mode === 'hybrid' && pool === 'online' ? session.online_seats : session.seats;
}

export function offerDeadline(session: SessionRow, now: Date): string {
  const byHours = now.getTime() + session.offer_hours * 3_600_000;
  return new Date(Math.min(byHours, Date.parse(session.starts_at))).toISOString();
}

/**
 * Gives free seats of a pool to the head of its waitlist, in order: enrolled straight away, or
 * offered with a deadline when the host chose offers. Each freed seat is given exactly once
 * because the count, the promotion and the renumbering happen under the same lock.
 */
export async function fillSeats(
  db: Executor,
  registrations: typeof registrationsRepository,
  session: SessionRow,
  pool: SeatPool,
  now: Date,
): Promise<number> {
  if (session.status !== 'scheduled' || Date.parse(session.starts_at) <= now.getTime()) return 0;
  const capacity = capacityOf(session, pool);
  const { taken, waiting } = await registrations.poolCounts(db, session.id, pool);
  const free = capacity === null ? waiting : Math.max(0, capacity - taken);
  const count = Math.min(free, waiting);
  if (count === 0) return 0;
  const head = await registrations.waitlistHead(db, session.id, pool, count);
  const at = now.toISOString();
  const promoted =
    session.promotion === 'offer'
      ? { status: 'offered' as const, offer_expires_at: offerDeadline(session, now) }
      : { status: 'enrolled' as const, offer_expires_at: null };
  for (const row of head) {
    await registrations.update(db, row.id, { ...promoted, position: null, updated_at: at });
  }
  await registrations.closeGap(db, session.id, pool, 0, head.length);
  return head.length;
}
