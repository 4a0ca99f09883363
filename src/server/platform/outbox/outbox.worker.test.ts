import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { loadConfig } from '../../config.js';
import { type DbHandle, openDatabase } from '../db.js';
import { newId } from '../ids.js';
import { createTransactor, type Transactor } from '../transaction.js';
import type { Clock } from './clock.js';
import { type OutboxRow, outboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

// Workers share one outbox through the database alone. On PostgreSQL each worker has its own
// connection pool, as separate app instances would; on SQLite they share the one connection.
let database: DbHandle & { url: string };
const extra: DbHandle[] = [];
const quiet = { warn: () => undefined, error: () => undefined };
/** The app's settings (lease, delivery deadline), with the test's changes. */
const settings = (changes: Partial<ReturnType<typeof loadConfig>['outbox']> & { batchSize?: number } = {}) => ({
  ...loadConfig({}).outbox,
  retryMs: 0,
  ...changes,
});

/**
 * A worker process that can die: after `kill()` nothing it sends reaches the database any more
 * (its queries never return), as when the instance is gone. Its timers may still fire here, in
 * the test's process, but they change nothing.
 */
function mortal(db: DbHandle['db']): { tx: Transactor; kill: () => void } {
  const tx = createTransactor(db);
  let dead = false;
  return {
    tx: { executor: db, transaction: (work) => (dead ? new Promise(() => undefined) : tx.transaction(work)) },
    kill: () => {
      dead = true;
    },
  };
}

/**
 * A clock the test moves forward: leases, backoff and the delivery deadline pass when the test
 * says so, never by waiting. Timers fire in order as it passes them; a timer that starts work (a
 * lease renewal) is waited for before time moves on.
 */
class ManualClock implements Clock {
  private at: number;
  private seq = 0;
  private readonly timers = new Set<{ at: number; seq: number; every?: number; fn: () => unknown }>();

  constructor(start = Date.now()) {
    this.at = start;
  }

  now = () => this.at;

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.at + ms, seq: this.seq++, fn };
    this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }

  every(ms: number, fn: () => unknown): () => void {
    const timer = { at: this.at + ms, seq: this.seq++, every: ms, fn };
    this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }

  /** Resolves once the clock has been moved `ms` on. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.after(ms, resolve));
  }

  async advance(ms: number): Promise<void> {
    const end = this.at + ms;
    for (;;) {
      const next = [...this.timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.at = next.at;
      if (next.every) {
        next.at += next.every;
        next.seq = this.seq++;
      } else this.timers.delete(next);
      await next.fn();
    }
    this.at = end;
  }
}

/** A promise and the function that settles it: the test waits for an event, not for time. */
function signal() {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const handle of extra) await handle.close();
  await database.close();
});

function handle(): DbHandle {
  if (database.url.startsWith('sqlite')) return database;
  const another = openDatabase({ dialect: 'postgres', url: database.url });
  extra.push(another);
  return another;
}

async function enqueue(n: number, topic: string) {
  const now = new Date().toISOString();
  const rows = Array.from({ length: n }, (_, i) => ({
    id: newId(),
    channel: 'email' as const,
    topic,
    dedup_key: `${topic}:${i}`,
    payload: '{}',
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 200) await outboxRepository.enqueue(database.db, rows.slice(i, i + 200));
}

const pending = async (topic: string) =>
  (await database.db.selectFrom('outbox').select('id').where('topic', '=', topic).where('status', '<>', 'done').execute()).length;

describe('outbox worker', () => {
  it('shares 1,000 messages between three workers: each delivered exactly once', async () => {
    await enqueue(1000, 'load');
    const deliveries = new Map<string, number>();
    const deliver = async (row: OutboxRow) => {
      await new Promise((r) => setImmediate(r));
      deliveries.set(row.id, (deliveries.get(row.id) ?? 0) + 1);
    };
    const workers = [handle(), handle(), handle()].map(
      (h) => new OutboxWorker(createTransactor(h.db), outboxRepository, deliver, settings({ maxAttempts: 3, batchSize: 25 }), quiet),
    );
    const counts = await Promise.all(workers.map((w) => w.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(deliveries.size).toBe(1000);
    expect([...deliveries.values()].every((n) => n === 1)).toBe(true);
    // Really shared: every worker did part of the work.
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await pending('load')).toBe(0);
  });

  it('delivers everything after a worker dies mid-batch: its claims expire and another worker takes them', async () => {
    await enqueue(50, 'crash');
    const completed: string[] = [];
    let started = 0;
    const died = signal();
    // The first worker dies on its tenth message: that delivery never finishes, nothing more reaches the database.
    const instance = mortal(database.db);
    const clock = new ManualClock();
    const dying = new OutboxWorker(
      instance.tx,
      outboxRepository,
      (row) => {
        if (++started === 10) {
          instance.kill();
          died.fire();
          return new Promise<void>(() => undefined);
        }
        completed.push(row.id);
        return Promise.resolve();
      },
      settings({ maxAttempts: 3, batchSize: 20, leaseMs: 300 }),
      quiet,
      clock,
    );
    void dying.drain();
    await died.fired;
    expect(completed).toHaveLength(9);

    // Another instance, 400 ms later by its clock: the dead worker's 300 ms lease has run out.
    const restarted = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        completed.push(row.id);
      },
      settings({ maxAttempts: 3, batchSize: 20 }),
      quiet,
      new ManualClock(clock.now() + 400),
    );
    expect(await restarted.drain()).toBe(41);
    expect(completed).toHaveLength(50);
    expect(new Set(completed).size).toBe(50);
    expect(await pending('crash')).toBe(0);
  });

  it('gives back claimed messages when stopped, without counting the attempt', async () => {
    await enqueue(3, 'stop');
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 60_000).toISOString();
    const worker = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      async () => undefined,
      settings({ maxAttempts: 3 }),
      quiet,
    );
    await outboxRepository.claim(database.db, worker.id, now, later, 3);
    await worker.stop();
    const rows = await database.db.selectFrom('outbox').selectAll().where('topic', '=', 'stop').execute();
    expect(rows.map((r) => [r.claimed_by, Number(r.attempts)])).toEqual([
      [null, 0],
      [null, 0],
      [null, 0],
    ]);
  });

  it('keeps a message enqueued twice (same dedup key) once', async () => {
    await enqueue(1, 'twice');
    await enqueue(1, 'twice');
    expect(await pending('twice')).toBe(1);
  });
});

/** Delivers what earlier tests left pending, so a test's batches hold its own messages only. */
const deliverLeftovers = () =>
  new OutboxWorker(createTransactor(database.db), outboxRepository, async () => undefined, settings(), quiet).drain();

describe('outbox leases', () => {
  it("takes over a dead worker's batch within about a minute with the app's settings, delivering nothing twice", async () => {
    // The database and sockets run for real; the lease is measured on these clocks. The dead
    // worker's stands still (it is gone), the other one's is moved on by the test.
    await deliverLeftovers();
    await enqueue(20, 'dead');
    const options = { ...loadConfig({}).outbox, batchSize: 20 };
    const delivered: string[] = [];
    let started = 0;
    const died = signal();
    const instance = mortal(database.db);
    const start = Date.now();
    const dying = new OutboxWorker(
      instance.tx,
      outboxRepository,
      (row) => {
        // The process dies during its fifth delivery.
        if (++started === 5) {
          instance.kill();
          died.fire();
          return new Promise<void>(() => undefined);
        }
        delivered.push(row.id);
        return Promise.resolve();
      },
      options,
      quiet,
      new ManualClock(start),
    );
    void dying.drain();
    await died.fired;

    const clock = new ManualClock(start);
    const other = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        if (row.topic === 'dead') delivered.push(row.id);
      },
      options,
      quiet,
      clock,
    );
    await other.drain();
    expect(delivered).toHaveLength(4);
    await clock.advance(45_000);
    await other.drain();
    expect(delivered).toHaveLength(4);
    await clock.advance(16_000);
    await other.drain();
    expect(delivered).toHaveLength(20);
    expect(new Set(delivered).size).toBe(20);
    expect(await pending('dead')).toBe(0);
  });

  /**
   * `owner` delivers `count` messages of `topic`, each taking `deliveryMs` (of a clock both
   * workers share, moved on 50 ms at a time), while a second worker polls all along (every 50 ms);
   * who delivered what, and how many the owner reports delivered.
   */
  async function raceAPollingWorker(topic: string, count: number, deliveryMs: number, options: ReturnType<typeof settings>) {
    await deliverLeftovers();
    await enqueue(count, topic);
    const deliveries: [string, string][] = [];
    const clock = new ManualClock();
    const owner = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      async (row) => {
        await clock.sleep(deliveryMs);
        deliveries.push([topic, row.id]);
      },
      options,
      quiet,
      clock,
    );
    const other = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        if (row.topic === topic) deliveries.push(['other', row.id]);
      },
      options,
      quiet,
      clock,
    );
    let finished = false;
    const ownerDone = owner.drain().finally(() => {
      finished = true;
    });
    while (!finished) {
      await other.drain();
      await clock.advance(50);
      // Lets the owner's own steps run (its worker yields between messages), not waiting for any time.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { deliveries, delivered: await ownerDone };
  }

  it('renews the lease of a slow batch: another worker polling all along takes none of it', async () => {
    // Eight deliveries of 250 ms: the batch takes twice as long as the lease.
    const { deliveries, delivered } = await raceAPollingWorker('slow', 8, 250, settings({ maxAttempts: 3, batchSize: 8, leaseMs: 1000 }));
    expect(delivered).toBe(8);
    expect(deliveries.filter(([by]) => by === 'other')).toEqual([]);
    expect(new Set(deliveries.map(([, id]) => id)).size).toBe(8);
    expect(deliveries).toHaveLength(8);
    expect(await pending('slow')).toBe(0);
  });

  it('keeps the claim of one delivery that outlasts the lease: delivered once, never taken by a worker polling all along', async () => {
    // One delivery of 1.5 s under a 600 ms lease: renewing between messages never happens here.
    const { deliveries, delivered } = await raceAPollingWorker('long', 1, 1500, settings({ maxAttempts: 3, batchSize: 1, leaseMs: 600 }));
    expect(delivered).toBe(1);
    expect(deliveries.map(([by]) => by)).toEqual(['long']);
    expect(await pending('long')).toBe(0);
  });

  it('gives up on a delivery that hangs past the deadline: a failed attempt with the reason, its signal aborted, the batch goes on', async () => {
    await deliverLeftovers();
    await enqueue(3, 'hang');
    const seen: { id: string; signal: AbortSignal }[] = [];
    const hanging = signal();
    const clock = new ManualClock();
    const worker = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      (row, signal) => {
        seen.push({ id: row.id, signal });
        if (seen.length > 1) return Promise.resolve();
        // The first one never answers (and ignores its signal, as an SMTP conversation would).
        hanging.fire();
        return new Promise<void>(() => undefined);
      },
      settings({ maxAttempts: 3, retryMs: 60_000, leaseMs: 600, deliveryTimeoutMs: 300 }),
      quiet,
      clock,
    );
    const drained = worker.drain();
    await hanging.fired;
    await clock.advance(300);
    expect(await drained).toBe(2);
    expect(seen.map((d) => d.signal.aborted)).toEqual([true, false, false]);
    const hung = await outboxRepository.findById(database.db, seen[0]?.id ?? '');
    expect(hung).toMatchObject({ status: 'pending', claimed_by: null, last_error: 'The delivery did not finish within 300 ms.' });
    expect(Number(hung?.attempts)).toBe(1);
    // Due again after the backoff, not at once.
    expect(Date.parse(hung?.run_at ?? '')).toBeGreaterThan(clock.now() + 50_000);
  });

  it('delivers and marks nothing more of a batch whose claim another worker took over', async () => {
    await deliverLeftovers();
    await enqueue(3, 'taken');
    const delivered: string[] = [];
    const warnings: string[] = [];
    const sending = signal();
    const clock = new ManualClock();
    const worker = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      async (row) => {
        // While the first delivery is going out, another worker holds the whole batch
        // (as after this one stalled past its lease).
        const until = new Date(clock.now() + 60_000).toISOString();
        await database.db.updateTable('outbox').set({ claimed_by: 'another', claimed_until: until }).where('topic', '=', 'taken').execute();
        const sent = clock.sleep(400);
        sending.fire();
        await sent;
        delivered.push(row.id);
      },
      settings({ maxAttempts: 3, batchSize: 3, leaseMs: 300 }),
      { ...quiet, warn: (_obj, msg) => void warnings.push(msg) },
      clock,
    );
    const drained = worker.drain();
    // The delivery takes 400 ms: the lease's renewals (every 100 ms) find the claim gone.
    await sending.fired;
    await clock.advance(400);
    expect(await drained).toBe(0);
    expect(delivered).toHaveLength(1);
    const rows = await database.db.selectFrom('outbox').selectAll().where('topic', '=', 'taken').execute();
    expect(rows.map((r) => [r.status, r.claimed_by])).toEqual([
      ['pending', 'another'],
      ['pending', 'another'],
      ['pending', 'another'],
    ]);
    expect(warnings).toContain('claim lost while delivering; the outcome is left to the worker that has it');
    await database.db.updateTable('outbox').set({ claimed_by: null, claimed_until: null }).where('topic', '=', 'taken').execute();
  });

  it('starts no delivery once its claim may run out unrenewed (the database out of reach): another worker sends the rest, each once', async () => {
    await deliverLeftovers();
    await enqueue(3, 'unrenewed');
    const delivered: [string, string][] = [];
    const warnings: string[] = [];
    const sending = signal();
    const clock = new ManualClock();
    const cutOff = new OutboxWorker(
      createTransactor(database.db),
      { ...outboxRepository, renew: () => Promise.reject(new Error('connection terminated')) },
      async (row) => {
        const sent = clock.sleep(500);
        sending.fire();
        await sent;
        delivered.push(['cut off', row.id]);
      },
      settings({ maxAttempts: 3, batchSize: 3, leaseMs: 300 }),
      { ...quiet, warn: (_obj, msg) => void warnings.push(msg) },
      clock,
    );
    const other = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        if (row.topic === 'unrenewed') delivered.push(['other', row.id]);
      },
      settings({ maxAttempts: 3, batchSize: 3, leaseMs: 300 }),
      quiet,
      clock,
    );
    // One batch: the next one would be a fresh claim of what this one left. Its first delivery
    // takes 500 ms, longer than the 300 ms lease that cannot be renewed.
    const drained = cutOff.drain(1);
    await sending.fired;
    await clock.advance(500);
    expect(await drained).toBe(1);
    expect(warnings).toContain('could not renew the claim on a batch; no new delivery starts once it may run out');
    // The claim ran out while the first delivery was going out: the other worker takes the rest.
    expect(await other.drain()).toBe(2);
    expect(delivered.map(([by]) => by)).toEqual(['cut off', 'other', 'other']);
    expect(new Set(delivered.map(([, id]) => id)).size).toBe(3);
    expect(await pending('unrenewed')).toBe(0);
  });
});
