import type { Transactor } from '../transaction.js';
import type { Clock } from './clock.js';
import type { outboxRepository } from './outbox.repository.js';

interface Log {
  warn(obj: object, msg: string): void;
}

/**
 * One worker's claim on a batch, renewed on a timer every third of a lease until the batch ends,
 * so it holds however long a single delivery takes while the worker is alive and reaches the
 * database. Renewing only between messages assumed that a delivery fits in what is left of a
 * lease, and a slow one (a Slack direct message is two requests, SMTP timeouts bound each wait
 * and not the whole mail) let another worker take the message while it was still going out.
 */
export class BatchLease {
  /** Messages whose outcome is not written yet: the ones whose claim is renewed. */
  private readonly unsettled: Set<string>;
  /** Taken by another worker or finished elsewhere: this worker neither delivers nor marks them. */
  private readonly lost = new Set<string>();
  /** Until when the claim is known to hold (the database confirmed it). */
  private heldUntil: number;
  private renewing: Promise<void> | undefined;
  private readonly stopTimer: () => void;

  constructor(
    private readonly claim: {
      tx: Transactor;
      outbox: Pick<typeof outboxRepository, 'renew'>;
      worker: string;
      ids: string[];
      /** When the claim just taken runs out. */
      until: number;
      leaseMs: number;
      log: Log;
      clock: Clock;
    },
  ) {
    this.unsettled = new Set(claim.ids);
    this.heldUntil = claim.until;
    // The batch keeps the process alive, not its lease (the clock's timer does not).
    this.stopTimer = claim.clock.every(claim.leaseMs / 3, () => {
      // A renewal still waiting for the database is not doubled.
      this.renewing ??= this.renew().finally(() => {
        this.renewing = undefined;
      });
      return this.renewing;
    });
  }

  /** Whether this worker still holds the message: its claim was not lost. */
  holds(id: string): boolean {
    return !this.lost.has(id);
  }

  /**
   * Whether a delivery may start: at least a third of a lease is confirmed. When renewals fail
   * (the database is out of reach) the claim may run out during the next delivery, and another
   * worker would send the message again.
   */
  mayStart(id: string): boolean {
    return this.holds(id) && this.heldUntil - this.claim.clock.now() > this.claim.leaseMs / 3;
  }

  /** The message's outcome is being written: its claim needs no renewal any more. */
  settle(id: string): void {
    this.unsettled.delete(id);
  }

  /** Stops renewing (the batch is over); a renewal under way finishes first. */
  async end(): Promise<void> {
    this.stopTimer();
    await this.renewing;
  }

  private async renew(): Promise<void> {
    const { tx, outbox, worker, leaseMs, log, clock } = this.claim;
    const ids = [...this.unsettled];
    if (ids.length === 0) return;
    const until = clock.now() + leaseMs;
    try {
      const held = new Set(await tx.transaction((trx) => outbox.renew(trx, worker, ids, new Date(until).toISOString())));
      const lost = ids.filter((id) => !held.has(id) && this.unsettled.has(id) && !this.lost.has(id));
      for (const id of lost) this.lost.add(id);
      if (lost.length > 0) log.warn({ worker, lost }, 'claim lost (another worker has the messages); leaving them');
      this.heldUntil = until;
    } catch (error) {
      log.warn(
        { worker, err: error, heldUntil: new Date(this.heldUntil).toISOString() },
        'could not renew the claim on a batch; no new delivery starts once it may run out',
      );
    }
  }
}
