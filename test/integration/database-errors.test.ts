import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../../src/server/platform/db.js';
import { as, buildTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson, type TestPerson, workshopBody } from '../helpers/factories.js';

// Only errors the database driver marked are a database outage (503 database_unavailable); the
// same socket codes from anything else are bugs (500), logged with their stack.

interface LoggedApp {
  app: FastifyInstance;
  /** The app's log, parsed, line by line. */
  log: { level: number; msg: string; reason?: string; err?: { message: string } }[];
}

async function loggedApp(database: DbHandle, addRoutes: (app: FastifyInstance) => void = () => undefined): Promise<LoggedApp> {
  const log: LoggedApp['log'] = [];
  const app = await buildTestApp({
    config: loadConfig({ LOG_LEVEL: 'debug' }),
    database,
    logStream: { write: (line: string) => void log.push(JSON.parse(line)) },
  });
  addRoutes(app);
  await app.ready();
  return { app, log };
}

const WARN = 40;
const ERROR = 50;

describe('an error that is not the database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let t: LoggedApp;
  let person: TestPerson;

  // What a client that aborts its upload, or an outbound call, throws: socket codes, no database.
  const notTheDatabase: Record<string, () => Error> = {
    'client-reset': () => Object.assign(new Error('aborted'), { code: 'ECONNRESET' }),
    'broken-pipe': () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }),
    'outbound-refused': () =>
      new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:443'), { code: 'ECONNREFUSED' }) }),
    'other-library': () => new Error('Connection terminated unexpectedly'),
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    person = await buildPerson(database.db);
    t = await loggedApp(database, (app) =>
      // A probe of the test's own: not part of the API, so not in its document.
      app.get<{ Params: { kind: string } }>('/api/v1/test-errors/:kind', { schema: { hide: true } }, async (request) => {
        throw notTheDatabase[request.params.kind]?.();
      }),
    );
  });
  afterAll(async () => {
    await t?.app.close();
    await database?.close();
  });

  it.each(Object.keys(notTheDatabase))('%s: answers 500 internal and logs it as an error, not 503', async (kind) => {
    const res = await as(t.app, person.token).get(`/api/v1/test-errors/${kind}`);
    expect(res.statusCode).toBe(500);
    expect(res.json().error).toMatchObject({ code: 'internal', requestId: expect.any(String) });
    const logged = t.log.filter((entry) => entry.level === ERROR && entry.msg === 'unhandled error');
    expect(logged.at(-1)?.err?.message).toContain(notTheDatabase[kind]?.().message);
  });

  it('while the database itself answers normally', async () => {
    expect((await as(t.app, person.token).get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB !== 'postgres')('an SQLite database file', () => {
  let folder: string;
  let database: DbHandle;
  let t: LoggedApp;
  let person: TestPerson;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'lyceum-db-errors-'));
    database = openDatabase({ dialect: 'sqlite', path: join(folder, 'lyceum.sqlite') });
    await migrateToLatest(database.db);
    person = await buildPerson(database.db);
    t = await loggedApp(database);
  });
  afterAll(async () => {
    await t?.app.close();
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('locked by another writer for longer than busy_timeout: 503 database_unavailable, then writes again', async () => {
    // Another process on the same file (a CLI import, a backup) holding the write lock.
    const other = new SQLite(join(folder, 'lyceum.sqlite'));
    try {
      other.exec('begin immediate');
      const blocked = await as(t.app, person.token).post('/api/v1/workshops', workshopBody({ title: 'Blocked' }));
      expect(blocked.statusCode).toBe(503);
      expect(blocked.json().error).toMatchObject({ code: 'database_unavailable', message: expect.stringMatching(/busy/) });
      expect(t.log.filter((entry) => entry.level === WARN && entry.msg === 'database busy')).toHaveLength(1);
      // Readers are not blocked by a writer (WAL).
      expect((await as(t.app, person.token).get('/api/v1/me')).statusCode).toBe(200);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await as(t.app, person.token).post('/api/v1/workshops', workshopBody({ title: 'Written' }))).statusCode).toBe(201);
  }, 20_000);

  it('full (SQLITE_FULL) is not cured by waiting: 500 internal, logged as an error', async () => {
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(database.db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]?.page_count}`).execute(database.db);
    try {
      const res = await as(t.app, person.token).post('/api/v1/workshops', workshopBody({ description: 'x'.repeat(40_000) }));
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('internal');
      const logged = t.log.filter((entry) => entry.level === ERROR && entry.msg === 'unhandled error');
      expect(logged.at(-1)?.err?.message).toMatch(/full/);
    } finally {
      await sql.raw('pragma max_page_count = 1073741823').execute(database.db);
    }
  });
});
