import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOverview } from '../../../../test/helpers/analytics-overview-fixture.js';
import { as, buildTestApp } from '../../../../test/helpers/app.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { loadConfig } from '../../config.js';
import { migrateToLatest } from '../../db/migrator.js';
import { type DbHandle, openDatabase } from '../../platform/db.js';
import { newId } from '../../platform/ids.js';
import { openSqliteReaders } from '../../platform/sqlite-readers.js';

/**
 * On a SQLite file the dashboard's figures are read by worker threads with their own read-only
 * connections (platform/sqlite-readers.ts). The answers must be the ones the server's own
 * connection gives, and see what was just written.
 */
describe.runIf(process.env.LYCEUM_TEST_DB !== 'postgres')('the overview read by SQLite reader threads', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lyceum-readers-'));
  const path = join(dir, 'lyceum.sqlite');
  let database: DbHandle;
  let withReaders: FastifyInstance;
  let onConnection: FastifyInstance;
  let admin: TestPerson;
  let learner: TestPerson;
  const PERIOD = 'from=2025-04-01&to=2025-06-30';

  const app = (readers: string) =>
    buildTestApp({ config: loadConfig({ DATABASE_URL: `sqlite:${path}`, LOG_LEVEL: 'silent', ANALYTICS_READERS: readers }), database });

  beforeAll(async () => {
    database = openDatabase({ dialect: 'sqlite', path });
    await migrateToLatest(database.db);
    admin = await buildPerson(database.db, { name: 'Ada Admin', role: 'admin' });
    const names = ['mia', 'pete', 'paula', 'dan', 'dora', 'hana', 'hugo', 'fay', 'max', 'vera'] as const;
    const people = Object.fromEntries(await Promise.all(names.map(async (n) => [n, (await buildPerson(database.db, { name: n })).id])));
    learner = await buildPerson(database.db, { name: 'Late Learner' });
    await seedOverview(database.db, people as never);
    withReaders = await app('2');
    onConnection = await app('0');
  });

  afterAll(async () => {
    await withReaders.close();
    await onConnection.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const overview = async (server: FastifyInstance, query = PERIOD) => {
    const res = await as(server, admin.token).get(`/api/v1/analytics/overview?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('gives the same answer as the server connection, for every filter', async () => {
    for (const query of [PERIOD, `${PERIOD}&team=Platform`, `${PERIOD}&format=talk`, 'from=2024-01-01&to=2025-12-31']) {
      expect(await overview(withReaders, query)).toEqual(await overview(onConnection, query));
    }
    // The hand-counted fixture's figure (overview.test.ts), so equal answers are not two empty ones.
    expect((await overview(withReaders)).kpis.sessionsHeld.value).toBe(6);
  });

  it("gives the same tables and attendance export as the server connection, a manager's organisation included", async () => {
    const manager = await database.db.selectFrom('people').select('id').where('name', '=', 'mia').executeTakeFirstOrThrow();
    for (const path of ['workshops', 'teams', 'hosts', 'channels', 'attendance', 'attendance.csv']) {
      for (const filter of ['', `&manager=${manager.id}`]) {
        const url = `/api/v1/analytics/${path}?${PERIOD}${filter}${path === 'attendance' ? '&limit=500' : ''}`;
        const [a, b] = await Promise.all([as(withReaders, admin.token).get(url), as(onConnection, admin.token).get(url)]);
        expect(a.statusCode, `${url}: ${a.body}`).toBe(200);
        expect(a.body, url).toBe(b.body);
      }
    }
  });

  it('sees a check-in the moment the server has written it', async () => {
    const before = (await overview(withReaders)).kpis.uniqueLearners.value as number;
    const session = await database.db
      .selectFrom('sessions')
      .select('id')
      .where('starts_at', '>=', '2025-04-01T00:00:00.000Z')
      .where('starts_at', '<', '2025-07-01T00:00:00.000Z')
      .where('status', '=', 'scheduled')
      .orderBy('starts_at')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('registrations')
      .values({
        id: newId(),
        session_id: session.id,
        person_id: learner.id,
        status: 'attended',
        mode: 'in_person',
        position: null,
        offer_expires_at: null,
        late_cancellation: 0,
        walk_in: 0,
        series_key: null,
        checked_in_at: '2025-04-01T09:00:00.000Z',
        cancelled_at: null,
        created_at: '2025-03-01T00:00:00.000Z',
        updated_at: '2025-03-01T00:00:00.000Z',
      })
      .execute();
    expect((await overview(withReaders)).kpis.uniqueLearners.value).toBe(before + 1);
  });

  it('refreshes the planner statistics every hour (a job that runs on SQLite)', async () => {
    expect(await withReaders.jobs['optimize-statistics']?.()).toBe(1);
  });

  it('runs many queries at once on two readers, and reports a bad query as an error', async () => {
    const readers = openSqliteReaders(path, 2);
    try {
      const counts = await Promise.all(
        Array.from({ length: 20 }, () =>
          readers
            .selectFrom('sessions')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      );
      const own = await database.db
        .selectFrom('sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(counts.map((c) => Number(c.n))).toEqual(Array(20).fill(Number(own.n)));
      await expect(
        readers
          .selectFrom('no_such_table' as 'sessions')
          .selectAll()
          .execute(),
      ).rejects.toThrow(/no such table/);
      // Read-only: a write is refused, not applied.
      await expect(readers.deleteFrom('sessions').execute()).rejects.toThrow(/readonly/i);
    } finally {
      await readers.destroy();
    }
  });
});
