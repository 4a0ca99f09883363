// bench/dashboard: the education team's overview (issue 14) on the org-sized data set (`lyceum seed
// --scale org`: 20,000 people, 50,000 sessions, 1,000,000 registrations, with checklists and
// feedback). Starts `lyceum serve` (no answer cache: every request is computed) and asks, as an
// admin with an API token, for the last 365 days: unfiltered, for the largest team, and for a
// manager's whole organisation. Each at a few concurrencies (1: one person at the page; 4: the
// whole education team at once) for a fixed time, in a closed loop of its own (answers still
// running at the end are waited for and counted); prints req/s and p50/p95/p99 from every
// answer's latency, against a bare Fastify route returning the same answer (the ceiling), driven
// the same way in the same run. Then on PostgreSQL (BENCH_DATABASES=sqlite skips it).
// BENCH_SECONDS shortens the runs; BENCH_CONCURRENCY="1,4" chooses the loads; BENCH_PATH
// measures another GET route (while developing) with the same query string; BENCH_FROM_SOURCE=1
// serves from src/ through tsx. The database is seeded from src/ (the cache is keyed by it).
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { analyticsApi } from '../src/contracts/analytics.endpoints.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/server/platform/ids.js';
import { FIRST_PORT, peakRssMb, start, waitFor } from './lib.js';
import { orgPostgres, orgSqlite } from './org-database.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = Math.min(3, SECONDS);
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,4').split(',').map(Number);
const CACHE_DIR = '/tmp/lyceum-bench-dashboard';
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const PATH = process.env.BENCH_PATH ?? analyticsApi.overview.path;
const TARGET_P95_MS = 300;
/** BENCH_FROM_SOURCE=1 serves from src/ through tsx instead of the built dist/ (no build needed). */
const FROM_SOURCE = process.env.BENCH_FROM_SOURCE === '1';
const APPLICATION_NAME = 'lyceum-bench-dashboard';
let port = FIRST_PORT + 500;

interface Query {
  label: string;
  path: string;
}

interface Run {
  concurrency: number;
  answers: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  codes: Record<string, number>;
  errors: number;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An admin's API token; the largest team; a manager whose organisation is closest to 10 % of everyone. */
async function fixture(database: DbHandle): Promise<{ token: string; queries: Query[] }> {
  const { db } = database;
  const admin = await db.selectFrom('people').select('id').where('role', '=', 'admin').orderBy('email').executeTakeFirstOrThrow();
  const token = newSecret('lyc');
  const now = nowIso();
  await db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      person_id: admin.id,
      name: 'bench:dashboard',
      token_hash: hashSecret(token),
      hint: token.slice(-4),
      created_at: now,
      last_used_at: null,
      revoked_at: null,
      expires_at: null,
    })
    .execute();
  const team = await db
    .selectFrom('people')
    .select(['team', (eb) => eb.fn.countAll<number>().as('n')])
    .where('team', 'is not', null)
    .groupBy('team')
    .orderBy('n', 'desc')
    .orderBy('team')
    .executeTakeFirstOrThrow();
  const people = await db.selectFrom('people').select(['id', 'manager_id']).execute();
  const reports = new Map<string, string[]>();
  for (const p of people) if (p.manager_id) reports.set(p.manager_id, [...(reports.get(p.manager_id) ?? []), p.id]);
  const size = (id: string): number => 1 + (reports.get(id) ?? []).reduce((n, r) => n + size(r), 0);
  const wanted = people.length / 10;
  const manager = [...reports.keys()]
    .map((id) => ({ id, n: size(id) }))
    .sort((a, b) => Math.abs(a.n - wanted) - Math.abs(b.n - wanted) || a.id.localeCompare(b.id))[0];
  const today = Date.now();
  const period = { from: day(today - 365 * 86_400_000), to: day(today) };
  const path = (extra: Record<string, string> = {}) => `${PATH}?${new URLSearchParams({ ...period, ...extra })}`;
  const queries: Query[] = [
    { label: 'unfiltered', path: path() },
    { label: `team "${team.team}" (${fmt(Number(team.n))} people)`, path: path({ team: String(team.team) }) },
  ];
  if (manager) queries.push({ label: `manager's organisation (${fmt(manager.n)} people)`, path: path({ manager: manager.id }) });
  return { token, queries };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * `concurrency` clients in a closed loop (send, wait for the answer, send again) for `seconds`.
 * A request still running at the end is waited for and counted: the overview can take longer than
 * a run, and dropping slow answers would make it look faster. req/s = answers ÷ wall time.
 */
async function drive(url: string, path: string, token: string, concurrency: number, seconds: number): Promise<Run> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL(`${url}${path}`);
  const latencies: number[] = [];
  const codes: Record<string, number> = {};
  let errors = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const request = http.get(target, { agent, headers: { authorization: `Bearer ${token}` } }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - started);
          codes[String(response.statusCode)] = (codes[String(response.statusCode)] ?? 0) + 1;
          resolve();
        });
      });
      request.on('error', () => {
        errors++;
        resolve();
      });
    });
  const started = performance.now();
  const endsAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < endsAt) await once();
    }),
  );
  const wall = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    concurrency,
    answers: latencies.length,
    perSecond: Math.round((latencies.length / wall) * 100) / 100,
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    codes,
    errors,
  };
}

/** Waits until the server has no CPU work left from the last run (answers in flight cannot be cancelled). */
async function settle(pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  const ticks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
  };
  for (let i = 0; i < 480; i++) {
    const before = ticks();
    await new Promise((r) => setTimeout(r, 250));
    if (ticks() - before <= 2) return;
  }
}

/** Waits for the server, which migrates first: new indexes on a cached million-row database take a while. */
async function ready(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    if (child.exitCode !== null) throw new Error(`lyceum serve exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 5 minutes`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function line(label: string, r: Run, ceiling?: Run): string {
  const codes = Object.keys(r.codes).join('/') === '200' && r.errors === 0 ? '' : `  codes ${JSON.stringify(r.codes)} errors ${r.errors}`;
  const percent = ceiling && ceiling.perSecond > 0 ? (r.perSecond / ceiling.perSecond) * 100 : null;
  const share = percent === null ? '' : `  ${percent.toFixed(percent < 1 ? 3 : 1).padStart(5)} % of ceiling`;
  const target = ceiling ? `  p95 ${r.p95 <= TARGET_P95_MS ? '✓' : '✗'}` : '';
  return (
    `  ${label.padEnd(44)} c=${r.concurrency}  ${String(r.perSecond).padStart(8)} req/s  ` +
    `p50 ${String(r.p50).padStart(6)} ms  p95 ${String(r.p95).padStart(6)} ms  p99 ${String(r.p99).padStart(6)} ms  ` +
    `(${fmt(r.answers)} answers)${share}${target}${codes}`
  );
}

/** The bare route answering the same JSON, at each concurrency: this machine's ceiling. */
async function ceiling(sample: string): Promise<Map<number, Run>> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, 'overview-sample.json');
  writeFileSync(file, sample);
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-json-server.ts', String(p), file], {});
  child.stdout?.resume();
  const runs = new Map<number, Run>();
  try {
    const url = `http://127.0.0.1:${p}`;
    await waitFor(`${url}/`);
    console.log(`\nceiling: bare Fastify route returning the same ${(sample.length / 1024).toFixed(1)} KB answer`);
    for (const c of CONCURRENCY) {
      await drive(url, PATH, 'x', c, WARM_UP_SECONDS);
      const r = await drive(url, PATH, 'x', c, SECONDS);
      runs.set(c, r);
      console.log(line('bare route', r));
      await settle(child.pid);
    }
  } finally {
    await stop(child);
  }
  return runs;
}

/** One server on the database: a first (cold) answer per query, then every query at every concurrency. */
async function measure(name: string, databaseUrl: string, f: { token: string; queries: Query[] }, bare?: Map<number, Run>) {
  const p = port++;
  const child = start(FROM_SOURCE ? ['--import', 'tsx', 'src/cli/main.ts', 'serve'] : ['bin/lyceum.js', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  child.stdout?.resume();
  const url = `http://127.0.0.1:${p}`;
  try {
    await ready(`${url}/readyz`, child);
    console.log(`\n${name} · one request each (cold), GET ${PATH}`);
    let sample = '';
    for (const q of f.queries) {
      const started = performance.now();
      const res = await fetch(`${url}${q.path}`, { headers: { authorization: `Bearer ${f.token}` } });
      const text = await res.text();
      const ms = performance.now() - started;
      sample ||= text;
      console.log(`  ${q.label.padEnd(44)} ${res.status}, ${(text.length / 1024).toFixed(1)} KB, ${ms.toFixed(0)} ms  ${glimpse(text)}`);
      if (res.status !== 200) throw new Error(`${q.path} answered ${res.status}: ${text.slice(0, 300)}`);
    }
    const ceilingRuns = bare ?? (await ceiling(sample));
    console.log(
      `\n${name} · no answer cache; ${SECONDS} s per line (a ${WARM_UP_SECONDS} s warm-up per query first); target p95 ≤ ${TARGET_P95_MS} ms`,
    );
    for (const q of f.queries) {
      for (const [i, c] of CONCURRENCY.entries()) {
        // Once per query: afterwards the code and the pages it reads are warm (a slow overview
        // would otherwise spend minutes warming up at every concurrency).
        if (i === 0) {
          await drive(url, q.path, f.token, c, WARM_UP_SECONDS);
          await settle(child.pid);
        }
        const r = await drive(url, q.path, f.token, c, SECONDS);
        console.log(line(q.label, r, ceilingRuns.get(c)));
        await settle(child.pid);
      }
    }
    for (const c of CONCURRENCY) {
      const b = ceilingRuns.get(c);
      if (b) console.log(line('(ceiling) bare route, same answer', b));
    }
    console.log(`  server peak RSS ${peakRssMb(child.pid)} MB`);
    return ceilingRuns;
  } finally {
    await stop(child);
  }
}

/** A few figures of the answer, to see at a glance that the data tells something. */
function glimpse(text: string): string {
  try {
    const body = JSON.parse(text) as { kpis?: Record<string, { value: number | null }>; checklistEffect?: { difference: number | null } };
    if (!body.kpis) return '';
    const k = (name: string) => body.kpis?.[name]?.value;
    const r = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? 'null' : Number(n.toFixed(digits)));
    return (
      `sessionsHeld ${k('sessionsHeld')}, uniqueLearners ${k('uniqueLearners')}, averageRating ${r(k('averageRating'))}, ` +
      `responseRate ${r(k('responseRate'))}, checklistAdoption ${r(k('checklistAdoption'))}, checklist difference ${r(body.checklistEffect?.difference)}`
    );
  } catch {
    return '';
  }
}

async function withFixture(openUrl: Parameters<typeof openDatabase>[0]) {
  const database = openDatabase(openUrl);
  try {
    return await fixture(database);
  } finally {
    await database.close();
  }
}

const started = performance.now();
console.log(
  `dashboard benchmark: GET ${PATH} for the last 365 days as an admin, concurrency ${CONCURRENCY.join(' and ')}, ` +
    `on the org-sized data set (20,000 people, 50,000 sessions, 1,000,000 registrations, checklists, feedback)\n`,
);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
let bare: Map<number, Run> | undefined;
if (databases.includes('sqlite')) {
  const path = await orgSqlite(CACHE_DIR);
  const f = await withFixture({ dialect: 'sqlite', path });
  bare = await measure('SQLite', `sqlite:${path}`, f);
}
if (databases.includes('postgres')) {
  const schema = await orgPostgres(PG_URL, APPLICATION_NAME);
  if (schema) {
    try {
      const f = await withFixture({ dialect: 'postgres', url: schema.url });
      await measure('PostgreSQL', schema.url, f, bare);
    } finally {
      await schema.drop();
    }
  }
}
console.log(`\nbenchmark took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
process.exit(0);
