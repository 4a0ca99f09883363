import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp } from '../../../test/helpers/app.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../test/helpers/factories.js';
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrator.js';
import { openChangeSignals } from './change-signals.js';
import { type DbHandle, openDatabase } from './db.js';

/**
 * Lyceum behind PgBouncer in transaction mode (README, "Running on PostgreSQL"): every query and
 * transaction goes through the pooler, migrations included; only the one listening connection per
 * instance goes to PostgreSQL directly (DATABASE_LISTEN_URL), as LISTEN needs a session of its
 * own. Debian's pgbouncer is started on a free port in front of the test PostgreSQL, with a
 * throwaway database of its own (a pooler cannot keep a per-test search_path).
 */
const PGBOUNCER = '/usr/sbin/pgbouncer';
const onPostgres = process.env.LYCEUM_TEST_DB === 'postgres';
const installed = existsSync(PGBOUNCER);
const title = installed
  ? 'Lyceum through PgBouncer in transaction mode'
  : `Lyceum through PgBouncer in transaction mode (SKIPPED: ${PGBOUNCER} is not installed; apt-get install pgbouncer)`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function within(ms: number, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(onPostgres && installed)(title, () => {
  const baseUrl = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
  const dbName = `lyceum_pgb_${randomBytes(5).toString('hex')}`;
  const dir = mkdtempSync(join(tmpdir(), 'lyceum-pgbouncer-'));
  let bouncer: ChildProcess | undefined;
  let database: DbHandle | undefined;
  const apps: FastifyInstance[] = [];
  let pooledUrl = '';
  let directUrl = '';

  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: baseUrl.toString() });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    await admin((c) => c.query(`create database ${dbName}`));
    const port = await freePort();
    const direct = new URL(baseUrl);
    direct.pathname = `/${dbName}`;
    directUrl = direct.toString();
    const pooled = new URL(baseUrl);
    pooled.host = `127.0.0.1:${port}`;
    pooled.pathname = '/lyceum';
    pooledUrl = pooled.toString();
    const user = decodeURIComponent(baseUrl.username || 'postgres');
    const password = decodeURIComponent(baseUrl.password);
    writeFileSync(join(dir, 'users.txt'), `"${user}" "${password}"\n`);
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `lyceum = host=${baseUrl.hostname} port=${baseUrl.port || 5432} dbname=${dbName}${password ? ` password=${password}` : ''}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'users.txt')}`,
        'pool_mode = transaction',
        // Fewer server connections than the two apps' pools together: they share them.
        'default_pool_size = 4',
        'max_client_conn = 100',
        `logfile = ${join(dir, 'pgbouncer.log')}`,
      ].join('\n'),
    );
    // PgBouncer refuses to run as root: as root (CI in a container) it runs as postgres, which
    // writes its log here.
    chmodSync(dir, 0o777);
    const asRoot = process.getuid?.() === 0;
    bouncer = spawn(PGBOUNCER, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let said = '';
    bouncer.stderr?.on('data', (chunk) => {
      said += String(chunk);
    });
    const until = Date.now() + 10_000;
    for (;;) {
      if (bouncer.exitCode !== null) throw new Error(`pgbouncer exited (${bouncer.exitCode}): ${said}`);
      const probe = new pg.Client({ connectionString: pooledUrl });
      const up = await probe.connect().then(
        () => true,
        () => false,
      );
      await probe.end().catch(() => undefined);
      if (up) break;
      if (Date.now() > until) throw new Error(`pgbouncer did not answer on ${pooledUrl} within 10 s: ${said}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Migrations through the pooler too (one transaction each, transaction-scoped locks only).
    // PgBouncer 1.18 in transaction mode cannot keep named prepared statements: they are turned off.
    database = openDatabase({ dialect: 'postgres', url: pooledUrl, poolMax: 3, preparedStatements: false });
    await migrateToLatest(database.db);
    const config = loadConfig({
      DATABASE_URL: pooledUrl,
      DATABASE_LISTEN_URL: directUrl,
      DB_POOL_MAX: '3',
      DB_PREPARED_STATEMENTS: 'false',
      LOG_LEVEL: 'silent',
      SEARCH_CACHE_MS: '0',
      AUTH_CACHE_MS: '60000',
    });
    for (let i = 0; i < 2; i++) {
      const app = await buildTestApp({ config, database: i === 0 ? database : openDatabase(config.database) });
      await app.ready();
      await app.lyceum.container.signals.ready();
      apps.push(app);
    }
  }, 60_000);

  afterAll(async () => {
    for (const app of apps) {
      const handle = app.lyceum.container.database;
      await app.close();
      if (handle !== database) await handle.close();
    }
    await database?.close();
    bouncer?.kill('SIGTERM');
    if (bouncer && bouncer.exitCode === null) await new Promise((resolve) => bouncer?.once('exit', resolve));
    await admin((c) => c.query(`drop database if exists ${dbName} with (force)`));
    rmSync(dir, { recursive: true, force: true });
  });

  it('registers, searches and refuses a revoked token on both instances, with the listening connections going direct', async () => {
    const [a, b] = apps as [FastifyInstance, FastifyInstance];
    const host: TestPerson = await buildPerson(a.lyceum.container.database.db, { name: 'Hana Host' });
    const learners = await Promise.all([0, 1, 2].map((i) => buildPerson(a.lyceum.container.database.db, { name: `Learner ${i}` })));

    const workshop = (await as(a, host.token).post('/api/v1/workshops', workshopBody({ title: 'Pooled connections explained' }))).json();
    expect((await as(a, host.token).post(`/api/v1/workshops/${workshop.id}/publish`)).statusCode).toBe(200);
    const session = await as(a, host.token).post(`/api/v1/workshops/${workshop.id}/sessions`, sessionBody(7, { seats: 2 }));
    expect(session.statusCode).toBe(201);
    const sessionId = session.json().id;

    // Three people register at once across both instances: two seats, one waitlist place.
    const answers = await Promise.all(
      learners.map((l, i) => as(i % 2 === 0 ? a : b, l.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})),
    );
    expect(answers.map((r) => r.statusCode).every((s) => s === 201 || s === 200)).toBe(true);
    expect(answers.map((r) => r.json().status).sort()).toEqual(['enrolled', 'enrolled', 'waitlisted']);

    // Search on the other instance finds the workshop (its index hears the change through the direct connection).
    await within(5_000, async () => {
      const found = await as(b, learners[0]?.token ?? '').get('/api/v1/search?q=pooled');
      return found.statusCode === 200 && JSON.stringify(found.json()).includes(workshop.id);
    });

    // A token revoked on A: B (which answered it from memory) refuses it within the signal delay.
    const learner = learners[2] as TestPerson;
    expect((await as(b, learner.token).get('/api/v1/me')).statusCode).toBe(200);
    const signedIn = await a.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: learner.email } });
    const cookies = Object.fromEntries(signedIn.cookies.map((c) => [c.name, c.value]));
    const browser = { cookies, headers: { 'x-csrf-token': cookies.lyceum_csrf ?? '' } };
    const tokens = (await a.inject({ method: 'GET', url: '/api/v1/me/tokens', cookies })).json().items as { id: string }[];
    for (const token of tokens) {
      expect((await a.inject({ method: 'DELETE', url: `/api/v1/me/tokens/${token.id}`, ...browser })).statusCode).toBe(204);
    }
    await within(3_000, async () => (await as(b, learner.token).get('/api/v1/me')).statusCode === 401);
    expect((await as(a, learner.token).get('/api/v1/me')).statusCode).toBe(401);

    // The pool's connections were PgBouncer's; each instance's listener is a PostgreSQL session of its own.
    expect(readFileSync(join(dir, 'pgbouncer.log'), 'utf8')).toContain('new connection to server');
    const pids = apps.map((app) => app.lyceum.container.signals.status().pid);
    const listeners = await admin((c) =>
      c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1 and pid = any($2::int[])', [dbName, pids]),
    );
    expect(listeners.rows[0]?.n).toBe(2);
  });

  it('says so when the listening connection goes through the pooler too, and caches then read the database', async () => {
    const warnings: string[] = [];
    const signals = openChangeSignals({ dialect: 'postgres', url: pooledUrl }, (database as DbHandle).db, pooledUrl);
    signals.reportTo({ warn: (_obj, msg) => warnings.push(msg), info: () => undefined });
    try {
      await within(10_000, async () => warnings.length > 0);
      expect(warnings[0]).toMatch(/does not hear NOTIFY.*DATABASE_LISTEN_URL.*pooler in transaction mode/);
      expect(signals.status().listening).toBe(false);
    } finally {
      await signals.close();
    }
  });
});
