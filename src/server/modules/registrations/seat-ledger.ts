import { hasFreeSeat, capacityOf as poolCapacity } from '../../../contracts/seats.js';
import type { SeatPool } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { SessionRow, sessionsRepository } from '../sessions/sessions.repository.js';
import type { RegistrationNotices } from './ports.js';
import { assertCancellable } from './registration-rules.js';
import type { RegistrationRow, registrationsRepository } from './registrations.repository.js';

/**
 * The seat rules, shared by everything that frees or adds seats. Every function here runs inside
 * a transaction that already holds the workshop's lock (registrationsRepository.lockSession), and
 * re-counts from the database rather than trusting what the caller saw.
 */

/** The pools a session has: one for in-person or online sessions, both for hybrid ones. */
export function poolsOf(session: SessionRow): SeatPool[] {
  return session.mode === 'hybrid' ? ['in_person', 'online'] : [session.mode];
}

/** Seats in a pool; null is unlimited. For hybrid sessions `seats` are the in-person ones. */
export function capacityOf(session: SessionRow, pool: SeatPool): number | null {
  return poolCapacity({ mode: session.mode, seats: session.seats, onlineSeats: session.online_seats }, pool);
}

export function offerDeadline(session: SessionRow, now: Date): string {
  const byHours = now.getTime() + session.offer_hours * 3_600_000;
  return new Date(Math.min(byHours, Date.parse(session.starts_at))).toISOString();
}

export interface Ledger {
  registrations: typeof registrationsRepository;
  sessions: typeof sessionsRepository;
  /** Tells the promoted person (in the same transaction, through the outbox). */
  notifier: RegistrationNotices;
}

/**
 * What a newcomer to a pool gets now: a seat when one is free and nobody waits, otherwise the
 * next place on the waitlist (`position`).
 */
export async function openingFor(
  db: Executor,
  registrations: Ledger['registrations'],
  session: SessionRow,
  pool: SeatPool,
): Promise<{ seat: boolean; position: number }> {
  const { taken, waiting } = await registrations.poolCounts(db, session.id, pool);
  return { seat: hasFreeSeat({ capacity: capacityOf(session, pool), taken, waiting }), position: waiting + 1 };
}

const isOpen = (session: SessionRow, now: Date) => session.status === 'scheduled' && Date.parse(session.starts_at) > now.getTime();

function promotion(session: SessionRow, now: Date) {
  return session.promotion === 'offer'
    ? { status: 'offered' as const, offer_expires_at: offerDeadline(session, now) }
    : { status: 'enrolled' as const, offer_expires_at: null };
}

/** Promotes one waitlisted row and closes the gap it leaves. */
async function promote(db: Executor, ledger: Ledger, session: SessionRow, row: RegistrationRow, now: Date): Promise<void> {
  const changes = { ...promotion(session, now), position: null, updated_at: now.toISOString() };
  await ledger.registrations.update(db, row.id, changes);
  if (row.position !== null) await ledger.registrations.closeGap(db, row.session_id, row.mode, row.position);
  await ledger.notifier.registration(
    db,
    { ...row, ...changes },
    changes.status === 'offered' ? 'registration.offered' : 'registration.promoted',
  );
}

/**
 * A series registration waits as one unit: it moves up only when every other part has a free
 * seat too, and then it takes all of them at once.
 */
async function promoteOtherParts(db: Executor, ledger: Ledger, row: RegistrationRow, now: Date): Promise<boolean> {
  if (!row.series_key) return true;
  const parts = await ledger.registrations.seriesParts(db, row.series_key, row.id);
  const ready: [SessionRow, RegistrationRow][] = [];
  for (const part of parts) {
    const session = await ledger.sessions.findById(db, part.session_id);
    if (!session || !isOpen(session, now)) continue;
    const capacity = capacityOf(session, part.mode);
    const { taken } = await ledger.registrations.poolCounts(db, session.id, part.mode);
    if (capacity !== null && taken >= capacity) return false;
    ready.push([session, part]);
  }
  for (const [session, part] of ready) await promote(db, ledger, session, part, now);
  return true;
}

/**
 * Gives free seats of a pool to the waitlist, in order: enrolled straight away, or offered with a
 * deadline when the host chose offers. Each freed seat is given exactly once because the count,
 * the promotion and the renumbering happen under the same lock.
 */
export async function fillSeats(db: Executor, ledger: Ledger, session: SessionRow, pool: SeatPool, now: Date): Promise<number> {
  if (!isOpen(session, now)) return 0;
  const capacity = capacityOf(session, pool);
  const { taken, waiting } = await ledger.registrations.poolCounts(db, session.id, pool);
  let free = capacity === null ? waiting : Math.max(0, capacity - taken);
  if (free === 0 || waiting === 0) return 0;
  // A few more than the free seats: series units that cannot move yet are stepped over.
  const candidates = await ledger.registrations.waitlistHead(db, session.id, pool, Math.min(waiting, free + 20));
  let promoted = 0;
  for (const candidate of candidates) {
    if (free === 0) break;
    // Positions shift as people ahead are promoted: re-read the candidate's current one.
    const row = (await ledger.registrations.findById(db, candidate.id)) as RegistrationRow;
    if (!(await promoteOtherParts(db, ledger, row, now))) continue;
    await promote(db, ledger, session, row, now);
    free--;
    promoted++;
  }
  return promoted;
}

/**
 * The seat rules as one capability another module's service can be given through the container
 * (a session change that adds seats fills them from the waitlist), so it needs no import of this file.
 */
export function seatFiller(ledger: Ledger) {
  return {
    /** Gives the free seats of every pool of the session to its waitlists; how many moved up. */
    async fillSeats(db: Executor, session: SessionRow, now = new Date()): Promise<number> {
      let promoted = 0;
      for (const pool of poolsOf(session)) promoted += await fillSeats(db, ledger, session, pool, now);
      return promoted;
    },
  };
}

/**
 * Cancels a registration (the person's own, a declined offer, a host's removal, leaving a series):
 * late when close to the start; a waitlist place closes its gap, a seat passes to the next in line.
 * Returns the row as it is now.
 */
export async function cancelRegistration(
  db: Executor,
  ledger: Ledger,
  session: SessionRow,
  row: RegistrationRow,
  now: Date,
): Promise<RegistrationRow> {
  const { late } = assertCancellable(session, now);
  const at = now.toISOString();
  const changes = {
    status: 'cancelled' as const,
    position: null,
    offer_expires_at: null,
    cancelled_at: at,
    updated_at: at,
    late_cancellation: late ? 1 : 0,
  };
  await ledger.registrations.update(db, row.id, changes);
  await ledger.notifier.registration(db, { ...row, ...changes }, 'registration.cancelled');
  if (row.status === 'waitlisted' && row.position !== null) {
    await ledger.registrations.closeGap(db, session.id, row.mode, row.position);
  } else {
    await fillSeats(db, ledger, session, row.mode, now);
  }
  return { ...row, ...changes };
}

/** An offer whose deadline passed: cancelled (not late: nobody chose it), its seat to the next in line. */
export async function expireOffer(db: Executor, ledger: Ledger, session: SessionRow, row: RegistrationRow, now: Date): Promise<void> {
  const at = now.toISOString();
  const changes = { status: 'cancelled' as const, offer_expires_at: null, cancelled_at: at, updated_at: at };
  await ledger.registrations.update(db, row.id, changes);
  await ledger.notifier.registration(db, { ...row, ...changes }, 'registration.cancelled');
  await fillSeats(db, ledger, session, row.mode, now);
}
