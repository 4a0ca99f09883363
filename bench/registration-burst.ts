// bench/registration-burst: 10,000 people register for one 100-seat session, 100 connections at
// a time, against `lyceum serve` on SQLite and then on PostgreSQL with three instances; the same
// load on a bare Fastify route gives this machine's ceiling. Prints figures and checks the data.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { analyze, burst, cpuSeconds, createPeople, FIRST_PORT, type LoadResult, line, peakRssMb, start, waitFor } from './lib.js';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const SEATS = 100;
const CONNECTIONS = 100;
// Untimed requests first, so neither server is measured while the JIT is still compiling: the bare
// route gets the same POSTs, Lyceum reads the session page (authentication, routing, queries).
const WARM_UP = 2_000;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let port = FIRST_PORT + 100;

async function api(url: string, token: string, path: string, body: unknown) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { id: string };
}

async function createSession(url: string, hostToken: string): Promise<string> {
  const w = await api(url, hostToken, '/api/v1/workshops', { title: 'Registration burst', summary: 'Everyone at once', format: 'talk' });
  await api(url, hostToken, `/api/v1/workshops/${w.id}/publish`, {});
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const s = await api(url, hostToken, `/api/v1/workshops/${w.id}/sessions`, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
    timeZone: 'UTC',
    mode: 'online',
    seats: SEATS,
  });
  return s.id;
}

/**
 * Reads the outcome from the database: exactly 100 seats, the rest waiting at 1..n with no gap,
 * and each person told once, of what they got (one outbox message per registration, its topic
 * the registration's status).
 */
async function verify(database: DbHandle, sessionId: string, results: LoadResult[]): Promise<boolean> {
  const rows = await database.db
    .selectFrom('registrations')
    .select(['id', 'status', 'position'])
    .where('session_id', '=', sessionId)
    .execute();
  const messages = await database.db
    .selectFrom('outbox')
    .select(['topic', 'payload'])
    .where('session_id', '=', sessionId)
    .where('topic', 'in', ['registration.enrolled', 'registration.waitlisted'])
    .execute();
  const told = new Map<string, string[]>();
  for (const m of messages) {
    const id = (JSON.parse(m.payload) as { registrationId: string }).registrationId;
    told.set(id, [...(told.get(id) ?? []), m.topic]);
  }
  const toldRight = rows.filter((r) => told.get(r.id)?.join() === `registration.${r.status}`).length;
  const enrolled = rows.filter((r) => r.status === 'enrolled').length;
  const positions = rows
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.position as number)
    .sort((a, b) => a - b);
  const gapFree = positions.every((p, i) => p === i + 1);
  const fiveXx = results.reduce(
    (n, r) =>
      n +
      Object.entries(r.statusCodes)
        .filter(([code]) => code.startsWith('5'))
        .reduce((m, [, c]) => m + c, 0),
    0,
  );
  const ok =
    enrolled === SEATS &&
    positions.length === PEOPLE - SEATS &&
    gapFree &&
    fiveXx === 0 &&
    rows.length === PEOPLE &&
    toldRight === PEOPLE &&
    messages.length === PEOPLE;
  console.log(
    `  check: ${rows.length} registrations, ${enrolled} enrolled, ${positions.length} waitlisted at 1..${positions.at(-1) ?? 0}${gapFree ? ' without gaps' : ' WITH GAPS'}, ` +
      `${toldRight} told once of what they got (${messages.length} messages), ${fiveXx} 5xx → ${ok ? 'PASS' : 'FAIL'}`,
  );
  return ok;
}

async function bareCeiling(): Promise<LoadResult> {
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-server.ts', String(p)], {});
  await waitFor(`http://127.0.0.1:${p}/`);
  const tokens = Array.from({ length: PEOPLE }, (_, i) => `token-${i}`);
  await burst(`http://127.0.0.1:${p}`, '/api/v1/sessions/x/registrations', tokens.slice(0, WARM_UP), CONNECTIONS);
  const result = await burst(`http://127.0.0.1:${p}`, '/api/v1/sessions/x/registrations', tokens, CONNECTIONS);
  child.kill('SIGKILL');
  return result;
}

/** BENCH_NODE_ARGS (e.g. --cpu-prof) go to each server's node, for profiling. */
const nodeArgs = () => process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

async function onSqlite(ceiling: LoadResult): Promise<boolean> {
  const path = join(mkdtempSync(join(tmpdir(), 'lyceum-bench-')), 'lyceum.sqlite');
  const database = openDatabase({ dialect: 'sqlite', path });
  await migrateToLatest(database.db);
  const { tokens } = await createPeople(database.db, PEOPLE + 1);
  const hostToken = tokens.pop() as string;
  const p = port++;
  const server = start([...nodeArgs(), 'bin/lyceum.js', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${path}`,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${p}`;
  await waitFor(`${url}/readyz`);
  const sessionId = await createSession(url, hostToken);
  await burst(url, `/api/v1/sessions/${sessionId}`, tokens.slice(0, WARM_UP), CONNECTIONS, 'GET');
  const result = await burst(url, `/api/v1/sessions/${sessionId}/registrations`, tokens, CONNECTIONS);
  console.log(line('SQLite, one instance', result, ceiling));
  console.log(`  server peak RSS ${peakRssMb(server.pid)} MB`);
  server.kill('SIGTERM');
  const ok = await verify(database, sessionId, [result]);
  await database.close();
  return ok;
}

async function onPostgres(ceiling: LoadResult): Promise<boolean> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${PG_URL} not reachable (${(error as Error).message}); skipped`);
    return true;
  }
  await admin.query(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const database = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(database.db);
    const { tokens } = await createPeople(database.db, PEOPLE + 1);
    const hostToken = tokens.pop() as string;
    const ports = [port++, port++, port++];
    const servers = ports.map((p) =>
      start([...nodeArgs(), 'bin/lyceum.js', 'serve'], {
        PORT: String(p),
        HOST: '127.0.0.1',
        DATABASE_URL: url.toString(),
        LOG_LEVEL: 'warn',
      }),
    );
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    await Promise.all(urls.map((u) => waitFor(`${u}/readyz`)));
    const sessionId = await createSession(urls[0] as string, hostToken);
    await analyze(database.db);
    const slices = urls.map((_, i) => tokens.filter((_t, j) => j % urls.length === i));
    await Promise.all(
      urls.map((u, i) => burst(u, `/api/v1/sessions/${sessionId}`, (slices[i] as string[]).slice(0, WARM_UP), CONNECTIONS, 'GET')),
    );
    const results = await Promise.all(
      urls.map((u, i) =>
        burst(u, `/api/v1/sessions/${sessionId}/registrations`, slices[i] as string[], Math.ceil(CONNECTIONS / urls.length)),
      ),
    );
    // The three start together; the burst ends with the last answer on any of them (each run's own
    // clock: autocannon notices its end only at its next one-second tick, which a clock around all
    // three would add, up to a second of a run of 10 to 20).
    const seconds = Math.max(...results.map((r) => r.seconds ?? 0));
    const combined: LoadResult = {
      requests: results.reduce((n, r) => n + r.requests, 0),
      perSecond: Math.round(results.reduce((n, r) => n + r.requests, 0) / seconds),
      p50: Math.max(...results.map((r) => r.p50)),
      p99: Math.max(...results.map((r) => r.p99)),
      non2xx: results.reduce((n, r) => n + r.non2xx, 0),
      errors: results.reduce((n, r) => n + r.errors, 0),
      statusCodes: results.reduce<Record<string, number>>((all, r) => {
        for (const [code, n] of Object.entries(r.statusCodes)) all[code] = (all[code] ?? 0) + n;
        return all;
      }, {}),
    };
    console.log(line('PostgreSQL, three instances', combined, ceiling));
    console.log(`  (p50/p99: the worst of the three instances) server peak RSS ${servers.map((s) => peakRssMb(s.pid)).join(' / ')} MB`);
    console.log(`  server CPU ${servers.map((s) => cpuSeconds(s.pid).toFixed(1)).join(' / ')} s`);
    for (const s of servers) s.kill('SIGTERM');
    return await verify(database, sessionId, results);
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

console.log(`registration burst: ${PEOPLE} people, one ${SEATS}-seat session, ${CONNECTIONS} connections, one registration each\n`);
const ceiling = await bareCeiling();
console.log(line('bare Fastify route (ceiling)', ceiling));
// BENCH_DATABASES=sqlite (or postgres) runs one side only, e.g. while profiling.
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const sqliteOk = databases.includes('sqlite') ? await onSqlite(ceiling) : true;
const pgOk = databases.includes('postgres') ? await onPostgres(ceiling) : true;
process.exit(sqliteOk && pgOk ? 0 : 1);
