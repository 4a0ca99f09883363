import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/helpers/database.js';
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
