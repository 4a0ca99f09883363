import { hostname } from 'node:os';
import { newId } from '../ids.js';
import { OutboundRefused } from '../outbound/index.js';
import type { Transactor } from '../transaction.js';
import { type Clock, systemClock } from './clock.js';
import { BatchLease } from './outbox.lease.js';
import type { OutboxRow, outboxRepository } from './outbox.repository.js';

/**
 * Delivers one message; throws when it could not (the worker retries later). `signal` aborts when
 * the worker stops waiting for it (the delivery deadline): requests made with it are cut off then.
 */
export type Deliver = (row: OutboxRow, signal: AbortSignal) => Promise<void>;

/** Hands a message to the deliverer of its channel; a channel nobody delivers (not configured) is done. */
export function deliverTo(deliverers: Partial<Record<OutboxRow['channel'], Deliver>>, row: OutboxRow, signal: AbortSignal): Promise<void> {
  return deliverers[row.channel]?.(row, signal) ?? Promise.resolve();
}

export interface WorkerOptions {
  maxAttempts: number;
  /** The first retry's delay; each later one doubles it. */
  retryMs: number;
  batchSize?: number;
  /**
   * How long a claim holds before another worker may take the message. Renewed on a timer while
   * the batch is in progress, so it runs out only when the worker stopped (died, or cannot reach
   * the database).
   */
  leaseMs: number;
  /**
   * The longest the worker waits for one delivery: past it the attempt counts as failed and its
   * signal aborts. Without it a delivery that hangs would keep its batch claimed for ever.
   */
  deliveryTimeoutMs: number;
}

const MAX_BACKOFF_MS = 6 * 3_600_000;

interface Log {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Delivers the outbox: claims due messages in batches, delivers each, marks it done, or schedules
 * a retry with exponential backoff until `maxAttempts`, then keeps it as a dead letter (at once
 * when the destination is one Lyceum refuses to reach). Several
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
    /** The time leases and backoff are measured on, and the deadline's timer. */
    private readonly clock: Clock = systemClock,
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
    const { leaseMs } = this.options;
    let delivered = 0;
    for (let batches = 0; batches < maxBatches && !this.stopped; batches++) {
      const now = this.clock.now();
      const until = new Date(now + leaseMs).toISOString();
      const batch = await this.tx.transaction((trx) => this.outbox.claim(trx, this.id, new Date(now).toISOString(), until, batchSize));
      if (batch.length === 0) break;
      const ids = batch.map((r) => r.id);
      const lease = new BatchLease({
        tx: this.tx,
        outbox: this.outbox,
        worker: this.id,
        ids,
        until: now + leaseMs,
        leaseMs,
        log: this.log,
        clock: this.clock,
      });
      try {
        delivered += await this.deliverBatch(batch, lease);
      } finally {
        await lease.end();
      }
    }
    return delivered;
  }

  /**
   * Delivers a claimed batch while its lease is renewed. A message whose claim was lost (this
   * worker could not renew in time and another took it) is neither delivered nor marked here, and
   * nothing more starts once the claim may run out during the next delivery: the messages left go
   * to whichever worker claims them when the lease has run out.
   */
  private async deliverBatch(batch: OutboxRow[], lease: BatchLease): Promise<number> {
    let delivered = 0;
    for (const row of batch) {
      if (!lease.mayStart(row.id)) continue;
      if (await this.deliverOne(row, lease)) delivered++;
      // Requests waiting to be answered go first.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return delivered;
  }

  private async deliverOne(row: OutboxRow, lease: BatchLease): Promise<boolean> {
    let failure: unknown;
    try {
      await this.deliverWithinDeadline(row);
    } catch (error) {
      failure = error;
    }
    lease.settle(row.id);
    if (!lease.holds(row.id)) {
      this.log.warn({ outboxId: row.id, topic: row.topic }, 'claim lost while delivering; the outcome is left to the worker that has it');
      return false;
    }
    if (failure === undefined) {
      // Marked only while this worker still holds the claim; one statement, so no transaction of its own.
      return this.outbox.markDone(this.tx.executor, row.id, this.id, new Date(this.clock.now()).toISOString());
    }
    const message = failure instanceof Error ? failure.message : String(failure);
    const attempts = Number(row.attempts);
    // Lyceum itself refused the destination (an internal address): every retry would be refused
    // the same way, so it is a dead letter at once, with the reason. Whatever a receiver answers,
    // a 4xx included, is retried: a 401 while a secret is rotated or a 404 during a deploy passes,
    // and retries are bounded anyway.
    const dead = failure instanceof OutboundRefused || attempts >= this.options.maxAttempts;
    const delay = Math.min(MAX_BACKOFF_MS, this.options.retryMs * 2 ** (attempts - 1));
    const retryAt = dead ? null : new Date(this.clock.now() + delay).toISOString();
    this.log.warn(
      { outboxId: row.id, topic: row.topic, attempts, dead, err: message },
      dead ? 'message dead-lettered' : 'delivery failed; will retry',
    );
    await this.tx.transaction((trx) => this.outbox.markFailed(trx, row.id, this.id, message, retryAt));
    return false;
  }

  /**
   * Waits for the delivery at most `deliveryTimeoutMs`; then its signal aborts (cutting off the
   * requests made with it) and the attempt fails. A delivery that ignores the signal (an SMTP
   * conversation) may still finish later; nobody waits for it.
   */
  private async deliverWithinDeadline(row: OutboxRow): Promise<void> {
    const ms = this.options.deliveryTimeoutMs;
    const controller = new AbortController();
    let cancel: (() => void) | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      cancel = this.clock.after(ms, () => {
        const error = new Error(`The delivery did not finish within ${ms} ms.`);
        controller.abort(error);
        reject(error);
      });
    });
    const delivery = Promise.resolve().then(() => this.deliver(row, controller.signal));
    delivery.catch(() => undefined);
    try {
      await Promise.race([delivery, deadline]);
    } finally {
      cancel?.();
    }
  }
}
