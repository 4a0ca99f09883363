// bench/pages: the workshop page (GET /api/v1/workshops/{id}) and the session page
// (GET /api/v1/sessions/{id}) against `lyceum serve` on SQLite and PostgreSQL (one instance each),
// beside a bare Fastify route answering the same JSON (the ceiling of the same run).
// BENCH_REQUESTS per page (default 10,000), 50 connections, as a burst on fresh connections; then
// BENCH_SECONDS (default 5) on warm connections (lib.ts steadyLoad), both beside the bare route
// measured the same way. BENCH_DATABASES=sqlite,postgres.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { analyze, burst, createPeople, FIRST_PORT, type LoadResult, line, start, steadyLoad, waitFor } from './lib.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10_000);
const CONNECTIONS = 50;
/** Seconds each page is also driven on warm connections, after its burst. */
const STEADY_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let port = FIRST_PORT + 300;

async function call(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as { id: string };
}

/** A published workshop with tags and three sessions; some people registered for the first. */
async function pages(url: string, host: string, learners: string[]) {
  const w = await call(url, host, 'POST', '/api/v1/workshops', {
    title: 'Page views',
    summary: 'Read often',
    format: 'talk',
    tags: ['bench', 'pages'],
  });
  await call(url, host, 'POST', `/api/v1/workshops/${w.id}/publish`, {});
  const sessions: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const startsAt = new Date(Date.now() + i * 86_400_000);
    const s = await call(url, host, 'POST', `/api/v1/workshops/${w.id}/sessions`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      timeZone: 'UTC',
      mode: 'hybrid',
      seats: 20,
      onlineSeats: 20,
    });
    sessions.push(s.id);
  }
  for (const t of learners.slice(0, 30)) await call(url, t, 'POST', `/api/v1/sessions/${sessions[0]}/registrations`, {});
  return { workshop: `/api/v1/workshops/${w.id}`, session: `/api/v1/sessions/${sessions[0]}` };
}

async function ceilingFor(url: string, token: string, path: string): Promise<{ fresh: LoadResult; warm: LoadResult }> {
  const file = join(mkdtempSync(join(tmpdir(), 'lyceum-pages-')), 'body.json');
  writeFileSync(file, await (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })).text());
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-json-server.ts', String(p), file], {});
  await waitFor(`http://127.0.0.1:${p}/`);
  const tokens = Array.from({ length: REQUESTS }, (_, i) => `t${i}`);
  await burst(`http://127.0.0.1:${p}`, path, tokens.slice(0, 2000), CONNECTIONS, 'GET');
  const fresh = await burst(`http://127.0.0.1:${p}`, path, tokens, CONNECTIONS, 'GET');
  const warm = await steady(`http://127.0.0.1:${p}`, path, tokens);
  child.kill('SIGKILL');
  return { fresh, warm };
}

/** The same page on warm connections for STEADY_SECONDS (lib.ts steadyLoad: why it differs from a burst). */
function steady(url: string, path: string, tokens: string[]): Promise<LoadResult> {
  return steadyLoad({ url, paths: [path], headers: {}, tokens, connections: CONNECTIONS, warmUpSeconds: 2, seconds: STEADY_SECONDS });
}

async function measure(label: string, database: DbHandle, databaseUrl: string) {
  await migrateToLatest(database.db);
  const { tokens } = await createPeople(database.db, 201);
  const host = tokens.pop() as string;
  const p = port++;
  const server = start(['bin/lyceum.js', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  const url = `http://127.0.0.1:${p}`;
  await waitFor(`${url}/readyz`);
  const paths = await pages(url, host, tokens);
  await analyze(database.db);
  const views = Array.from({ length: REQUESTS }, (_, i) => tokens[i % tokens.length] as string);
  for (const [page, path] of Object.entries(paths)) {
    const ceiling = await ceilingFor(url, host, path);
    await burst(url, path, views.slice(0, 2000), CONNECTIONS, 'GET');
    const result = await burst(url, path, views, CONNECTIONS, 'GET');
    const warm = await steady(url, path, views);
    console.log(line(`bare route, ${page} page body (ceiling)`, ceiling.fresh));
    console.log(line(`${label}, ${page} page`, result, ceiling.fresh));
    console.log(line(`  warm connections: bare route`, ceiling.warm));
    console.log(line(`  warm connections: ${label}`, warm, ceiling.warm));
  }
  server.kill('SIGTERM');
}

console.log(`pages: ${REQUESTS} GETs per page, ${CONNECTIONS} connections, 200 people (API tokens)\n`);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
if (databases.includes('sqlite')) {
  const path = join(mkdtempSync(join(tmpdir(), 'lyceum-bench-')), 'lyceum.sqlite');
  const database = openDatabase({ dialect: 'sqlite', path });
  await measure('SQLite', database, `sqlite:${path}`);
  await database.close();
}
if (databases.includes('postgres')) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const database = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    await measure('PostgreSQL', database, url.toString());
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
process.exit(0);
