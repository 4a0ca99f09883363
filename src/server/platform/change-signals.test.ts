import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { type ChangeSignals, openChangeSignals, SIGNAL_CHANNEL } from './change-signals.js';
import type { DbHandle } from './db.js';

/** Waits until `check` holds, for at most `ms` (signals cross a real connection: no fixed sleep). */
async function eventually(check: () => boolean, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let database: DbHandle & { url: string };
const open: ChangeSignals[] = [];
const signalsFor = (db: DbHandle & { url: string }) => {
  const target =
    db.dialect === 'postgres' ? ({ dialect: 'postgres', url: db.url } as const) : ({ dialect: 'sqlite', path: ':memory:' } as const);
  const signals = openChangeSignals(target, db.db);
  open.push(signals);
  return signals;
};

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const signals of open) await signals.close();
  await database.close();
});

describe('change signals', () => {
  it('reach this instance at once, before the publisher goes on', async () => {
    const signals = signalsFor(database);
    const heard: string[] = [];
    signals.subscribe('tokens', (payload) => heard.push(payload));
    const sent = signals.publish('tokens', 'abc');
    expect(heard).toEqual(['abc']);
    await sent;
    // Only the named topic.
    await signals.publish('search', 'x');
    expect(heard).toEqual(['abc']);
  });

  it.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('reach another instance once, and a trigger-style NOTIFY reaches both', async () => {
    const a = signalsFor(database);
    const b = signalsFor(database);
    await Promise.all([a.ready(), b.ready()]);
    const onA: string[] = [];
    const onB: string[] = [];
    a.subscribe('tokens', (p) => onA.push(p));
    b.subscribe('tokens', (p) => onB.push(p));
    await a.publish('tokens', 'revoked-1');
    await eventually(() => onB.length === 1);
    expect(onB).toEqual(['revoked-1']);
    // A's own echo is not delivered a second time.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onA).toEqual(['revoked-1']);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const schema = (await client.query('select current_schema() as s')).rows[0].s;
    await client.query('select pg_notify($1, $2)', [SIGNAL_CHANNEL, JSON.stringify({ topic: 'tokens', payload: 'sql', schema })]);
    // Another schema's change (another Lyceum in the same database) is not ours.
    await client.query('select pg_notify($1, $2)', [
      SIGNAL_CHANNEL,
      JSON.stringify({ topic: 'tokens', payload: 'other', schema: 'elsewhere' }),
    ]);
    await client.end();
    await eventually(() => onA.length === 2 && onB.length === 2);
    expect(onA.at(-1)).toBe('sql');
    expect(onB.at(-1)).toBe('sql');
  });

  it.runIf(process.env.LYCEUM_TEST_DB === 'postgres')(
    'say "resync" after the listening connection was cut, and are heard again',
    async () => {
      const a = signalsFor(database);
      const b = signalsFor(database);
      await Promise.all([a.ready(), b.ready()]);
      let resyncs = 0;
      b.onResync(() => resyncs++);
      const onB: string[] = [];
      b.subscribe('search', (p) => onB.push(p));
      // PostgreSQL ends every listening backend of this test's schema (as a failover would).
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      const pids = [a.status().pid, b.status().pid];
      expect(pids.every((pid) => typeof pid === 'number')).toBe(true);
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [pids]);
      await admin.end();
      await eventually(() => resyncs >= 1, 10_000);
      expect(b.status().listening).toBe(true);
      await a.publish('search', 'after');
      await eventually(() => onB.includes('after'));
    },
  );
});
