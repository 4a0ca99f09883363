import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { loadConfig } from '../../config.js';
import { type DbHandle, openDatabase } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { createTransactor } from '../../platform/transaction.js';
import { type OutboxRow, outboxRepository } from './outbox.repository.js';
import { OutboxWorker } from './outbox.worker.js';

// Workers share one outbox through the database alone. On PostgreSQL each worker has its own
// connection pool, as separate app instances would; on SQLite they share the one connection.
let database: DbHandle & { url: string };
const extra: DbHandle[] = [];
const quiet = { warn: () => undefined, error: () => undefined };

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
      (h) => new OutboxWorker(createTransactor(h.db), outboxRepository, deliver, { maxAttempts: 3, retryMs: 0, batchSize: 25 }, quiet),
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
    // The first worker "dies" on its tenth message: that delivery never finishes, nothing more is marked.
    const dying = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      (row) => {
        if (++started === 10) return new Promise<void>(() => undefined);
        completed.push(row.id);
        return Promise.resolve();
      },
      { maxAttempts: 3, retryMs: 0, batchSize: 20, leaseMs: 300 },
      quiet,
    );
    void dying.drain();
    await new Promise((r) => setTimeout(r, 400));
    expect(completed).toHaveLength(9);

    const restarted = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        completed.push(row.id);
      },
      { maxAttempts: 3, retryMs: 0, batchSize: 20 },
      quiet,
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
      { maxAttempts: 3, retryMs: 0 },
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delivers what earlier tests left pending, so a test's batches hold its own messages only. */
const deliverLeftovers = () =>
  new OutboxWorker(createTransactor(database.db), outboxRepository, async () => undefined, { maxAttempts: 3, retryMs: 0 }, quiet).drain();

describe('outbox leases', () => {
  it("takes over a dead worker's batch within about a minute with the app's settings, delivering nothing twice", async () => {
    // Only Date is faked: the database, sockets and timers run for real, the lease is measured on this clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      await deliverLeftovers();
      await enqueue(20, 'dead');
      const settings = { ...loadConfig({}).outbox, batchSize: 20 };
      const delivered: string[] = [];
      let started = 0;
      const dying = new OutboxWorker(
        createTransactor(database.db),
        outboxRepository,
        (row) => {
          // The fifth delivery never ends: the process died there.
          if (++started === 5) return new Promise<void>(() => undefined);
          delivered.push(row.id);
          return Promise.resolve();
        },
        settings,
        quiet,
      );
      void dying.drain();
      while (started < 5) await sleep(10);

      const other = new OutboxWorker(
        createTransactor(handle().db),
        outboxRepository,
        async (row) => {
          if (row.topic === 'dead') delivered.push(row.id);
        },
        settings,
        quiet,
      );
      await other.drain();
      expect(delivered).toHaveLength(4);
      vi.setSystemTime(Date.now() + 45_000);
      await other.drain();
      expect(delivered).toHaveLength(4);
      vi.setSystemTime(Date.now() + 16_000);
      await other.drain();
      expect(delivered).toHaveLength(20);
      expect(new Set(delivered).size).toBe(20);
      expect(await pending('dead')).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('renews the lease of a slow batch: another worker polling all along takes none of it', async () => {
    await deliverLeftovers();
    await enqueue(8, 'slow');
    // Eight deliveries of 250 ms: the batch takes twice as long as the lease.
    const options = { maxAttempts: 3, retryMs: 0, batchSize: 8, leaseMs: 1000 };
    const deliveries: [string, string][] = [];
    const slow = new OutboxWorker(
      createTransactor(database.db),
      outboxRepository,
      async (row) => {
        await sleep(250);
        deliveries.push(['slow', row.id]);
      },
      options,
      quiet,
    );
    const other = new OutboxWorker(
      createTransactor(handle().db),
      outboxRepository,
      async (row) => {
        if (row.topic === 'slow') deliveries.push(['other', row.id]);
      },
      options,
      quiet,
    );
    let finished = false;
    const slowDone = slow.drain().finally(() => {
      finished = true;
    });
    while (!finished) {
      await other.drain();
      await sleep(50);
    }
    expect(await slowDone).toBe(8);
    expect(deliveries.filter(([by]) => by === 'other')).toEqual([]);
    expect(new Set(deliveries.map(([, id]) => id)).size).toBe(8);
    expect(deliveries).toHaveLength(8);
    expect(await pending('slow')).toBe(0);
  });
});
