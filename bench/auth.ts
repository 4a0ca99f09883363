// bench/auth: what authenticating costs and how fast a revocation reaches another instance.
// 1. GET /api/v1/me (authentication, then one read of the person) with API tokens, 50 connections,
//    on SQLite and on PostgreSQL, with the credential cache (AUTH_CACHE_MS=5000) and without it (0),
//    beside a bare Fastify route answering the same JSON (the ceiling of this machine, same run).
// 2. Two instances on one PostgreSQL database: a token used on B is revoked on A; how long until B
//    refuses it (B polls every 2 ms), over BENCH_REVOCATIONS revocations, with a 60 s cache so only
//    the change signal (LISTEN/NOTIFY) can make B refuse it.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { createPeople, FIRST_PORT, type LoadResult, line, start, waitFor } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const PEOPLE = 1_000;
// Token creation is limited to 20 a minute per address (auth.routes.ts).
const REVOCATIONS = Math.min(20, Number(process.env.BENCH_REVOCATIONS ?? 20));
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Away from the other benches' ports (they may run on a shared machine).
let port = FIRST_PORT + 1_000 + Math.floor(Math.random() * 8_000);

/** GETs `path` with the tokens in turn for `seconds` (after a 2 s warm-up that is not counted). */
async function load(url: string, path: string, tokens: string[], seconds: number): Promise<LoadResult> {
  const run = (duration: number) =>
    new Promise<any>((resolve, reject) => {
      let next = 0;
      autocannon(
        {
          url,
          connections: CONNECTIONS,
          duration,
          requests: [
            {
              method: 'GET',
              path,
              setupRequest: (request: any) => ({
                ...request,
                headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
              }),
            },
          ],
        },
        (error, done) => (error ? reject(error) : resolve(done)),
      );
    });
  await run(2);
  const r = await run(seconds);
  return {
    requests: r.requests.total,
    perSecond: Math.round(r.requests.total / seconds),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats as Record<string, { count: number }>).map(([c, s]) => [c, s.count])),
  };
}

function serve(env: Record<string, string>) {
  const p = port++;
  const child = start(['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
  return { url: `http://127.0.0.1:${p}`, child };
}

async function ceiling(tokens: string[]): Promise<LoadResult> {
  const file = join(mkdtempSync(join(tmpdir(), 'lyceum-bench-auth-')), 'me.json');
  writeFileSync(
    file,
    JSON.stringify({ id: 'x', name: 'Bench 1', email: 'bench1@example.com', role: 'member', timeZone: 'UTC', title: null, team: null }),
  );
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-json-server.ts', String(p), file], {});
  await waitFor(`http://127.0.0.1:${p}/`);
  const r = await load(`http://127.0.0.1:${p}`, '/api/v1/me', tokens, SECONDS);
  child.kill('SIGKILL');
  return r;
}

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const schema = `bench_auth_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

async function withPeople(database: DbHandle): Promise<string[]> {
  await migrateToLatest(database.db);
  return (await createPeople(database.db, PEOPLE)).tokens;
}

async function throughput(label: string, databaseUrl: string, tokens: string[], bare: LoadResult) {
  for (const cache of ['5000', '0']) {
    const server = serve({ DATABASE_URL: databaseUrl, AUTH_CACHE_MS: cache });
    await waitFor(`${server.url}/readyz`);
    const r = await load(server.url, '/api/v1/me', tokens, SECONDS);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    console.log(line(`${label} AUTH_CACHE_MS=${cache}`, r, bare));
  }
}

async function revocationDelay(databaseUrl: string): Promise<number[]> {
  const env = { DATABASE_URL: databaseUrl, AUTH_CACHE_MS: '60000' };
  const a = serve(env);
  const b = serve(env);
  try {
    return await revocations(a.url, b.url, databaseUrl);
  } finally {
    for (const s of [a, b]) s.child.kill('SIGTERM');
    await Promise.all([a, b].map((s) => new Promise((resolve) => s.child.once('exit', resolve))));
  }
}

async function revocations(aUrl: string, bUrl: string, databaseUrl: string): Promise<number[]> {
  const a = { url: aUrl };
  const b = { url: bUrl };
  await Promise.all([waitFor(`${a.url}/readyz`), waitFor(`${b.url}/readyz`)]);
  const database = openDatabase({ dialect: 'postgres', url: databaseUrl });
  const email = (await database.db.selectFrom('people').select('email').limit(1).executeTakeFirstOrThrow()).email;
  await database.close();
  const signIn = await fetch(`${a.url}/api/v1/auth/dev/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0] as string);
  const csrf = cookies.find((c) => c.startsWith('lyceum_csrf='))?.split('=')[1] ?? '';
  const browser = { cookie: cookies.join('; '), 'x-csrf-token': csrf, 'content-type': 'application/json' };
  const delays: number[] = [];
  for (let i = 0; i < REVOCATIONS; i++) {
    const made = (await (
      await fetch(`${a.url}/api/v1/me/tokens`, { method: 'POST', headers: browser, body: JSON.stringify({ name: `r${i}` }) })
    ).json()) as { id: string; token: string };
    const me = () => fetch(`${b.url}/api/v1/me`, { headers: { authorization: `Bearer ${made.token}` } }).then((r) => r.status);
    if ((await me()) !== 200 || (await me()) !== 200) throw new Error('token not accepted on B');
    const revoked = await fetch(`${a.url}/api/v1/me/tokens/${made.id}`, {
      method: 'DELETE',
      headers: { cookie: browser.cookie, 'x-csrf-token': csrf },
    });
    if (revoked.status !== 204) throw new Error(`revocation answered ${revoked.status}`);
    const from = performance.now();
    while ((await me()) !== 401) {
      if (performance.now() - from > 10_000) throw new Error('B still accepts the token after 10 s');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    delays.push(performance.now() - from);
  }
  return delays.sort((x, y) => x - y);
}

const sqlitePath = join(mkdtempSync(join(tmpdir(), 'lyceum-bench-auth-')), 'auth.sqlite');
const sqlite = openDatabase({ dialect: 'sqlite', path: sqlitePath });
const sqliteTokens = await withPeople(sqlite);
await sqlite.close();
const postgres = await freshPostgres();
const pgDatabase = openDatabase({ dialect: 'postgres', url: postgres.url });
const pgTokens = await withPeople(pgDatabase);
await pgDatabase.close();

try {
  console.log(`GET /api/v1/me with ${PEOPLE} API tokens in turn, ${CONNECTIONS} connections, ${SECONDS} s each`);
  const bare = await ceiling(sqliteTokens);
  console.log(line('bare route (ceiling)', bare));
  await throughput('SQLite', `sqlite:${sqlitePath}`, sqliteTokens, bare);
  await throughput('PostgreSQL x1', postgres.url, pgTokens, bare);
  const delays = await revocationDelay(postgres.url);
  const at = (q: number) => (delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] as number).toFixed(1);
  console.log(
    `revoked on A → refused on B (PostgreSQL, 2 instances, AUTH_CACHE_MS=60000): ${delays.length} revocations, ` +
      `p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${(delays.at(-1) as number).toFixed(1)} ms (B polled every 2 ms)`,
  );
} finally {
  await postgres.drop();
}
