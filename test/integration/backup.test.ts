import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../../src/server/platform/db.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson, type TestPerson } from '../helpers/factories.js';
import { checkSeatInvariants } from '../helpers/invariants.js';
import { callApi, runLyceum, serveLyceum, stopServers } from '../helpers/lyceum-process.js';

// `lyceum backup` while a real `lyceum serve` takes registrations, then `lyceum restore` into
// another database served by a second `lyceum serve`. Both are the compiled CLI (dist/).
const onPostgres = process.env.LYCEUM_TEST_DB === 'postgres';
const SEATS = 12;
const dir = mkdtempSync(join(tmpdir(), 'lyceum-backup-'));
const cleanups: Array<() => Promise<void>> = [];

/** A database to restore into: nothing there yet (SQLite: no file; PostgreSQL: a new database). */
async function newDatabaseUrl(sourceUrl: string, label: string): Promise<string> {
  if (!onPostgres) return `sqlite:${join(dir, `${label}.sqlite`)}`;
  // pg_restore recreates the schema the backup was taken from, so the copy lives in another
  // database under the same schema name.
  const name = `lyceum_${label}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  cleanups.push(() => adminQuery(`drop database if exists ${name} with (force)`));
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function open(url: string): DbHandle {
  return url.startsWith('sqlite:') ? openDatabase({ dialect: 'sqlite', path: url.slice(7) }) : openDatabase({ dialect: 'postgres', url });
}

async function withDatabase<T>(url: string, work: (database: DbHandle) => Promise<T>): Promise<T> {
  const database = open(url);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

async function rosterIds(url: string, host: TestPerson, sessionId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await callApi(
      url,
      host.token,
      'GET',
      `/api/v1/sessions/${sessionId}/registrations?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(page.status).toBe(200);
    ids.push(...page.body.items.map((r: { id: string }) => r.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

let sourceUrl: string;
let source: { url: string; child: unknown };
let host: TestPerson;
let learners: TestPerson[];
let late: TestPerson;
let sessionIds: string[];
const backupFile = join(dir, onPostgres ? 'lyceum.dump' : 'lyceum-backup.sqlite');

beforeAll(async () => {
  if (onPostgres) {
    const database = await createTestDatabase();
    sourceUrl = database.url;
    cleanups.push(() => database.close());
  } else {
    sourceUrl = `sqlite:${join(dir, 'source.sqlite')}`;
    await withDatabase(sourceUrl, (database) => migrateToLatest(database.db));
  }
  await withDatabase(sourceUrl, async ({ db }) => {
    host = await buildPerson(db);
    learners = await Promise.all(Array.from({ length: 200 }, () => buildPerson(db)));
    late = await buildPerson(db);
  });
  source = await serveLyceum(sourceUrl);
  sessionIds = [];
  for (let i = 0; i < 4; i++) {
    const workshop = await callApi(source.url, host.token, 'POST', '/api/v1/workshops', {
      title: `Backup ${i}`,
      summary: 'Seats',
      format: 'talk',
    });
    await callApi(source.url, host.token, 'POST', `/api/v1/workshops/${workshop.body.id}/publish`, {});
    const start = new Date(Date.now() + (7 + i) * 86_400_000);
    const session = await callApi(source.url, host.token, 'POST', `/api/v1/workshops/${workshop.body.id}/sessions`, {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      timeZone: 'UTC',
      mode: 'online',
      seats: SEATS,
    });
    expect(session.status).toBe(201);
    sessionIds.push(session.body.id);
  }
}, 120_000);

afterAll(async () => {
  // The servers (and their outbox workers) must be gone before databases are dropped.
  await stopServers();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe(`lyceum backup and restore (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('a backup taken while registrations are written restores into another database that serves them, invariants intact', async () => {
    // Every learner registers for every session, in random order, eight at a time; every fifth
    // one leaves again right away (its seat goes to the head of the waitlist). Round after round
    // (who left registers anew) until the backup has finished.
    const work = learners.flatMap((person) => sessionIds.map((sessionId) => ({ person, sessionId })));
    work.sort(() => Math.random() - 0.5);
    const acknowledged: string[] = [];
    const failures: number[] = [];
    let next = 0;
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const turn = next++;
        const { person, sessionId } = work[turn % work.length]!;
        const answer = await callApi(source.url, person.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {});
        if (answer.status !== 201 && answer.status !== 200) {
          failures.push(answer.status);
          continue;
        }
        acknowledged.push(answer.body.id);
        if (turn % 5 === 0) {
          const left = await callApi(source.url, person.token, 'DELETE', `/api/v1/sessions/${sessionId}/registrations/me`);
          if (left.status !== 200) failures.push(left.status);
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);

    await vi.waitFor(() => expect(acknowledged.length, `failed so far: ${failures}`).toBeGreaterThanOrEqual(60), {
      timeout: 60_000,
      interval: 10,
    });
    const beforeBackup = [...acknowledged];
    const backup = await runLyceum(['backup', backupFile], sourceUrl);
    const duringBackup = acknowledged.length - beforeBackup.length;
    stop = true;
    await Promise.all(workers);

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toContain(`backup written: ${backupFile} (`);
    expect(failures).toEqual([]);
    // The backup really was taken while registrations were being acknowledged.
    expect(duringBackup).toBeGreaterThan(0);
    expect(existsSync(backupFile)).toBe(true);

    const copyUrl = await newDatabaseUrl(sourceUrl, 'restored');
    const restore = await runLyceum(['restore', backupFile], copyUrl);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored .* 202 people; its schema is up to date\n$/);

    const copy = await serveLyceum(copyUrl);
    const restored = new Set<string>();
    for (const sessionId of sessionIds) for (const id of await rosterIds(copy.url, host, sessionId)) restored.add(id);
    expect(beforeBackup.filter((id) => !restored.has(id))).toEqual([]);

    // The restored database keeps taking registrations, and its seat counts stay true.
    const joined = await callApi(copy.url, late.token, 'POST', `/api/v1/sessions/${sessionIds[0]}/registrations`, {});
    expect(joined.status).toBe(201);
    await withDatabase(copyUrl, async ({ db }) => {
      for (const sessionId of sessionIds) {
        const check = await checkSeatInvariants(db, sessionId, SEATS);
        expect(check).toMatchObject({ countsKept: true, overbooked: false, duplicates: 0, gapFree: true });
        expect(check.holding).toBe(SEATS);
      }
    });
  }, 120_000);

  it('restore refuses a database that holds data unless --force, and changes nothing', async () => {
    const snapshot = () =>
      withDatabase(sourceUrl, async ({ db }) => ({
        people: (await db.selectFrom('people').select('id').execute()).length,
        registrations: await db.selectFrom('registrations').select(['id', 'status', 'position']).orderBy('id').execute(),
      }));
    const before = await snapshot();
    expect(before.registrations.length).toBeGreaterThan(60);

    const refused = await runLyceum(['restore', backupFile], sourceUrl);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^lyceum: .* is not empty \(it holds 202 people\); nothing was restored\./);
    expect(refused.stderr).toMatch(/stop (the|every) Lyceum server .* add --force/);
    expect(await snapshot()).toEqual(before);
    // The running server is unaffected.
    expect((await callApi(source.url, host.token, 'GET', `/api/v1/sessions/${sessionIds[0]}`)).status).toBe(200);
  }, 60_000);

  it('backup refuses to replace an existing file unless --force', async () => {
    const hash = sha256(backupFile);
    const refused = await runLyceum(['backup', backupFile], sourceUrl);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(`lyceum: ${backupFile} already exists; choose another name, or add --force to replace it\n`);
    expect(sha256(backupFile)).toBe(hash);

    // A forced backup replaces the file with the database as it is now (the next test restores it).
    await callApi(source.url, late.token, 'POST', `/api/v1/sessions/${sessionIds[1]}/registrations`, {});
    const forced = await runLyceum(['backup', '--force', backupFile], sourceUrl);
    expect(forced.code).toBe(0);
    expect(sha256(backupFile)).not.toBe(hash);
  }, 60_000);

  it('restores into a freshly migrated database (tables, nobody in it) without --force', async () => {
    const targetUrl = await newDatabaseUrl(sourceUrl, 'migrated');
    if (onPostgres) await adminQueryOn(targetUrl, `create schema ${/search_path=(\w+)/.exec(decodeURIComponent(sourceUrl))?.[1]}`);
    const migrated = await runLyceum(['migrate'], targetUrl);
    expect(migrated.code).toBe(0);

    const restore = await runLyceum(['restore', backupFile], targetUrl);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    await withDatabase(targetUrl, async ({ db }) => {
      const fromLate = await db.selectFrom('registrations').select('session_id').where('person_id', '=', late.id).execute();
      expect(fromLate.map((r) => r.session_id)).toEqual([sessionIds[1]]);
      for (const sessionId of sessionIds) {
        expect(await checkSeatInvariants(db, sessionId, SEATS)).toMatchObject({ countsKept: true, overbooked: false, gapFree: true });
      }
    });
  }, 60_000);

  it.runIf(!onPostgres)('restore refuses a SQLite file that is not a Lyceum backup, and creates nothing', async () => {
    const foreign = join(dir, 'someone-else.sqlite');
    const other = new SQLite(foreign);
    other.exec('create table notes (id integer primary key, text text)');
    other.close();
    const target = join(dir, 'never-made.sqlite');
    const refused = await runLyceum(['restore', foreign], `sqlite:${target}`);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(`lyceum: ${foreign} is a SQLite database without Lyceum's people table; it is not a Lyceum backup\n`);
    expect(existsSync(target)).toBe(false);
    // Looked into read-only: no journal files left beside it.
    expect(existsSync(`${foreign}-wal`) || existsSync(`${foreign}-shm`)).toBe(false);
  });

  it.runIf(onPostgres)(
    'with a password in DATABASE_URL, pg_dump runs with the environment Lyceum was started in',
    async () => {
      // The test server trusts 127.0.0.1, so the password is not checked; what matters is that the
      // password branch still hands pg_dump the PATH (and libpq settings) of Lyceum's environment.
      const withPassword = new URL(sourceUrl);
      withPassword.password = 'not:a/secret';
      const file = join(dir, 'with-password.dump');
      const backup = await runLyceum(['backup', file], withPassword.toString());
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toContain(`backup written: ${file} (`);
    },
    60_000,
  );

  it.runIf(onPostgres)(
    'without pg_dump on the PATH, backup says which command to run, and that command works',
    async () => {
      const file = join(dir, 'by-hand.dump');
      const emptyPath = join(dir, 'no-tools');
      mkdirSync(emptyPath, { recursive: true });
      const missing = await runLyceum(['backup', file], sourceUrl, { PATH: emptyPath });
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(
        /^lyceum: pg_dump is not on the PATH, so no backup was made\. Install PostgreSQL's client tools, version 1\d or newer/,
      );
      expect(existsSync(file)).toBe(false);

      const command = missing.stderr.split('\n')[1]!.trim();
      expect(command).toMatch(/^pg_dump --format=custom --schema=t\w*_\w+ --file=/);
      const { execSync } = await import('node:child_process');
      execSync(command, { stdio: 'pipe' });
      const listed = execSync(`pg_restore --list ${file}`, { encoding: 'utf8' });
      expect(listed).toMatch(/TABLE DATA t\w*_\w+ registrations/);
    },
    60_000,
  );
});

async function adminQueryOn(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
