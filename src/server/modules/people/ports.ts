import type { Executor } from '../../platform/transaction.js';

/**
 * The seat ledger, as leaving needs it (the registrations module fills it, through the
 * container): the person's places in sessions still to come are cancelled and pass to the next
 * people waiting, who are told. Runs in the caller's transaction.
 */
export interface LeaverSeats {
  cancelUpcoming(db: Executor, personId: string, now?: Date): Promise<number>;
}

/** Who hears that a host left (the notifications module fills it). Runs in the caller's transaction. */
export interface LeaverNotices {
  hostLeft(
    db: Executor,
    sessionId: string,
    personIds: string[],
    leaver: { id: string; name: string; alone: boolean; at: string },
  ): Promise<void>;
}
