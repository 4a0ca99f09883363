import type { Executor } from '../../platform/transaction.js';
import type { SessionRow } from '../sessions/sessions.repository.js';
import type { RegistrationRow } from './registrations.repository.js';
import { cancelRegistration, type Ledger } from './seat-ledger.js';

/**
 * Someone leaves (deactivated by an admin or the directory): their places in sessions still to
 * come are cancelled through the seat ledger, exactly as if they had cancelled themselves, so the
 * next people waiting move up and are told. Runs inside the caller's transaction; the container
 * hands it to the people module as its `LeaverSeats` port.
 */
export function leaverSeats(ledger: Ledger) {
  return {
    /** How many registrations were cancelled. */
    async cancelUpcoming(db: Executor, personId: string, now = new Date()): Promise<number> {
      const rows = await ledger.registrations.upcomingOfPerson(db, personId, now.toISOString());
      let cancelled = 0;
      for (const candidate of rows) {
        // One lock per workshop, taken in workshop order; the row is read again under it.
        const session = (await ledger.registrations.lockSession(db, candidate.session_id)) as SessionRow | undefined;
        const row = (await ledger.registrations.findById(db, candidate.id)) as RegistrationRow | undefined;
        if (!session || !row || row.status === 'cancelled' || Date.parse(session.starts_at) <= now.getTime()) continue;
        await cancelRegistration(db, ledger, session, row, now);
        cancelled++;
      }
      return cancelled;
    },
  };
}
