import { hostname } from 'node:os';
import { newId } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { OutboxRow, outboxRepository } from './outbox.repository.js';

/** Delivers one message; throws when it could not (the worker retries later). */
export type Deliver = (row: OutboxRow) => Promise<void>;

/** Hands a message to the deliverer of its channel; a channel nobody delivers (not configured) is done. */
export function deliverTo(deliverers: Partial<Record<OutboxRow['channel'], Deliver>>, row: OutboxRow): Promise<void> {
  return deliverers[row.channel]?.(row) ?? Promise.resolve();
}

export interface WorkerOptions {
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it. */
  retryMs: number;
  batchSize?: number;
  /**
   * How long a claim holds before another worker may take the message. Renewed while the batch is
   * in progress, so it runs out only when the worker stopped working (died, or hangs).
   */
  leaseMs?: number;
}

const MAX_BACKOFF_MS = 6 * 3_600_000;
/** A dead instance's messages go out again within about a minute. */
export const DEFAULT_LEASE_MS = 60_000;

interface Log {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Delivers the outbox: claims due messages in batches, delivers each, marks it done, or schedules
 * a retry with exponential backoff until `maxAttempts`, then keeps it as a dead letter. Several
 * workers (app instances) share one outbox; a message whose worker died is due again when the
 * lease runs out, so it is delivered at least once — and the receiving end acts once per dedup
 * key (the mailbox keeps one mail per message, SMTP mail carries it as Message-ID).
 */
export class OutboxWorker {
  readonly id = `${hostname()}:${process.pid}:${newId().slice(-8)}`;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly tx: Transactor,
    private readonly outbox: typeof outboxRepository,
    private readonly deliver: Deliver,
    private readonly options: WorkerOptions,
    private readonly log: Log,
  ) {}

  /**
   * Delivers what is due now, batch after batch, at most `maxBatches` (the periodic job takes a
   * few per tick, so a backlog never holds the process for long); returns how many were delivered.
   */
  drain(maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    if (!this.running) {
      this.running = this.drainNow(maxBatches).finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  /** Lets the batch in hand finish (SIGTERM), then gives back anything still claimed. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running?.catch(() => undefined);
    try {
      await this.tx.transaction((trx) => this.outbox.release(trx, this.id));
    } catch (error) {
      // The database is gone already: the claims run out on their own and another worker takes them.
      this.log.warn({ err: error }, 'could not give back claimed messages');
    }
  }

  private async drainNow(maxBatches: number): Promise<number> {
    const batchSize = this.options.batchSize ?? 20;
    const leaseMs = this.options.leaseMs ?? DEFAULT_LEASE_MS;
    let delivered = 0;
    for (let batches = 0; batches < maxBatches && !this.stopped; batches++) {
      const now = Date.now();
      const until = new Date(now + leaseMs).toISOString();
      const batch = await this.tx.transaction((trx) => this.outbox.claim(trx, this.id, new Date(now).toISOString(), until, batchSize));
      if (batch.length === 0) break;
      delivered += await this.deliverBatch(batch, now + leaseMs, leaseMs);
    }
    return delivered;
  }

  /**
   * Delivers a claimed batch, renewing the claim on what is left of it whenever a third of the
   * lease has gone: every delivery starts with at least two thirds of a lease ahead of it, so a
   * slow batch is never taken over while this worker is at it. A worker that dies (or hangs in a
   * delivery) renews nothing more, and another takes its messages when the lease runs out.
   */
  private async deliverBatch(batch: OutboxRow[], leaseEnds: number, leaseMs: number): Promise<number> {
    let held: Set<string> | undefined;
    let delivered = 0;
    for (const [i, row] of batch.entries()) {
      if (leaseEnds - Date.now() < (leaseMs * 2) / 3) {
        leaseEnds = Date.now() + leaseMs;
        const rest = batch.slice(i).map((r) => r.id);
        const until = new Date(leaseEnds).toISOString();
        held = new Set(await this.tx.transaction((trx) => this.outbox.renew(trx, this.id, rest, until)));
      }
      // Taken by another worker after this one stalled past its lease: that one delivers it.
      if (held && !held.has(row.id)) continue;
      if (await this.deliverOne(row)) delivered++;
      // Requests waiting to be answered go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return delivered;
  }

  private async deliverOne(row: OutboxRow): Promise<boolean> {
    try {
      await this.deliver(row);
      await this.tx.transaction((trx) => this.outbox.markDone(trx, row.id, this.id, new Date().toISOString()));
      return true;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = Number(row.attempts);
      const dead = attempts >= this.options.maxAttempts;
      const delay = Math.min(MAX_BACKOFF_MS, this.options.retryMs * 2 ** (attempts - 1));
      const retryAt = dead ? null : new Date(Date.now() + delay).toISOString();
      this.log.warn(
        { outboxId: row.id, topic: row.topic, attempts, dead, err: message },
        dead ? 'message dead-lettered' : 'delivery failed; will retry',
      );
      await this.tx.transaction((trx) => this.outbox.markFailed(trx, row.id, this.id, message, retryAt));
      return false;
    }
  }
}
