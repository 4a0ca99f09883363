// bench/catalog: discovery on an organization-sized catalog (`lyceum seed --scale org`: 20,000
// people, 5,000 workshops, 50,000 sessions, 1,000,000 registrations). Starts `lyceum serve` on
// SQLite and drives, with 50 connections for a fixed time each, the upcoming-sessions page, text
// searches, a tag + date filter, facets and a workshop page (a warm-up, then the measured seconds
// on the same connections: lib.ts steadyLoad); twice: with the search micro-cache
// (SEARCH_CACHE_MS default) and without it (every request computed). A bare Fastify route
// returning a search response of the same size gives this machine's ceiling. Prints req/s, p50,
// p99, the share of the ceiling, the server's peak RSS and the query plans; then the same on
// PostgreSQL (BENCH_DATABASES=sqlite skips it). BENCH_SECONDS shortens the runs while developing.
// BENCH_COMPRESSION=compare starts the servers with COMPRESS_RESPONSES=true and drives every query
// twice, back to back on the same server: without and with `Accept-Encoding: gzip, br`; it prints
// what compressing the answers costs in throughput.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { searchQuery } from '../src/contracts/index.js';
import type { Database } from '../src/server/db/schema.js';
import { searchRepository } from '../src/server/modules/catalog/search.repository.js';
import { SearchService } from '../src/server/modules/catalog/search.service.js';
import { SearchKeeper } from '../src/server/modules/catalog/search-keeper.js';
import { registrationsRepository } from '../src/server/modules/registrations/registrations.repository.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/server/platform/ids.js';
import { createTransactor } from '../src/server/platform/transaction.js';
import { FIRST_PORT, type LoadResult, pacedLoad, peakRssMb, start, steadyLoad, waitFor } from './lib.js';
import { orgPostgres, orgSqlite } from './org-database.js';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const CACHE_DIR = '/tmp/lyceum-bench-org';
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET = { p99Ms: 25, share: 0.4, rssMb: 300 };
/** Distinct searches in the mix (issue 17: at least 500). */
const MIX_SIZE = 500;
const COMPARE_COMPRESSION = process.env.BENCH_COMPRESSION === 'compare';
const ACCEPT_COMPRESSED = 'gzip, br';
/** Statements at least this slow get their whole plan printed (all plans go to a file). */
const SLOW_MS = 2;
let port = FIRST_PORT + 300;

interface Query {
  label: string;
  paths: string[];
  /** Search parameters, for rebuilding the statements behind it; none for the workshop page. */
  search?: Record<string, string>;
}

interface Fixture {
  token: string;
  queries: Query[];
}

const fmt = (n: number) => n.toLocaleString('en-US');
const check = (ok: boolean) => (ok ? '✓' : '✗');

/** An API token for one member, a common tag and published workshops to rotate over. */
async function fixture(database: DbHandle): Promise<Fixture> {
  const { db } = database;
  const person = await db.selectFrom('people').select('id').where('role', '=', 'member').orderBy('email').executeTakeFirstOrThrow();
  const token = newSecret('lyc');
  const now = nowIso();
  await db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      person_id: person.id,
      name: 'bench:catalog',
      token_hash: hashSecret(token),
      hint: token.slice(-4),
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  const common = await db
    .selectFrom('workshop_tags as t')
    .innerJoin('workshops as w', 'w.id', 't.workshop_id')
    .select(['t.tag', (eb) => eb.fn.countAll<number>().as('n')])
    .where('w.status', '=', 'published')
    .groupBy('t.tag')
    .orderBy('n', 'desc')
    .orderBy('t.tag')
    .executeTakeFirstOrThrow();
  const ids = await db.selectFrom('workshops').select('id').where('status', '=', 'published').orderBy('id').limit(1000).execute();
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const search = (label: string, params: Record<string, string>): Query => ({
    label,
    paths: [`/api/v1/search?${new URLSearchParams(params)}`],
    search: params,
  });
  return {
    token,
    queries: [
      search('(a) upcoming sessions page', { sort: 'soonest', limit: '20' }),
      search('(b) text search "kubernetes"', { q: 'kubernetes' }),
      search('(c) text search "intro to"', { q: 'intro to' }),
      search(`(d) tag "${common.tag}" + next 30 days`, { tag: common.tag, from, to }),
      search('(e) facets: lab + has seats', { format: 'hands_on_lab', hasSeats: 'true' }),
      { label: `(f) workshop page (${ids.length} ids)`, paths: ids.map((r) => `/api/v1/workshops/${r.id}`) },
      await searchMix(database),
    ],
  };
}

/**
 * At least MIX_SIZE distinct searches, as people make them: title words, the same words typed
 * letter by letter, two-word queries, tags alone and with a format, mode, seats, a sort or a date
 * range. Cycled through in a fixed shuffled order, so the answer cache can hide little.
 */
async function searchMix(database: DbHandle): Promise<Query> {
  const { db } = database;
  const titles = await db.selectFrom('workshops').select('title').where('status', '=', 'published').orderBy('id').execute();
  const counts = new Map<string, number>();
  for (const { title } of titles) {
    for (const word of title.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      if (word.length >= 4) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const words = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).map(([w]) => w);
  const tags = (
    await db
      .selectFrom('workshop_tags as t')
      .innerJoin('workshops as w', 'w.id', 't.workshop_id')
      .select(['t.tag', (eb) => eb.fn.countAll<number>().as('n')])
      .where('w.status', '=', 'published')
      .groupBy('t.tag')
      .orderBy('n', 'desc')
      .orderBy('t.tag')
      .limit(40)
      .execute()
  ).map((r) => r.tag);
  const params: Record<string, string>[] = [];
  // Typed letter by letter: every prefix of 40 common words.
  for (const word of words.slice(0, 40)) for (let n = 1; n <= word.length; n++) params.push({ q: word.slice(0, n) });
  for (const word of words.slice(40, 160)) params.push({ q: word });
  for (let i = 0; i < 60; i++) params.push({ q: `${words[i]} ${words[(i * 7 + 3) % 80]}` });
  const formats = ['talk', 'hands_on_lab', 'discussion', 'course', 'office_hours'];
  const modes = ['in_person', 'online', 'hybrid'];
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  tags.forEach((tag, i) => {
    params.push({ tag });
    params.push({ tag, format: formats[i % formats.length] as string });
    params.push({ tag, mode: modes[i % modes.length] as string, hasSeats: 'true' });
    params.push({ tag, sort: i % 2 ? 'popular' : 'newest' });
    params.push({ tag, to });
    params.push({ q: words[i] as string, tag });
  });
  for (const format of formats) for (const mode of modes) params.push({ format, mode });
  const paths = [...new Set(params.map((p) => `/api/v1/search?${new URLSearchParams(p)}`))];
  // A fixed shuffle: prefixes of one word do not come one after another.
  for (let i = paths.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    [paths[i], paths[j]] = [paths[j] as string, paths[i] as string];
  }
  if (paths.length < MIX_SIZE) throw new Error(`only ${paths.length} distinct searches for the mix`);
  return { label: `(g) mix of ${fmt(paths.length)} distinct searches`, paths };
}

/** CPU time (clock ticks) a process has used, from /proc (Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
}

/**
 * Waits until the server is idle: requests still in flight when a run ends keep it busy (the
 * work cannot be cancelled), and would otherwise be measured as part of the next run.
 */
async function settle(pid: number | undefined, databaseBusy?: () => Promise<boolean>): Promise<void> {
  if (pid === undefined) return;
  for (let i = 0; i < 480; i++) {
    const before = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (cpuTicks(pid) - before <= 2 && !(await databaseBusy?.())) return;
  }
}

/** The server's PostgreSQL connections carry this name, so the benchmark can tell when they are idle. */
const APPLICATION_NAME = 'lyceum-bench-catalog';

/** Whether the server still has statements running in PostgreSQL (its work outlives a run, like SQLite's). */
function postgresBusy(url: string): () => Promise<boolean> {
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        "select count(*)::int as n from pg_stat_activity where application_name = $1 and state = 'active'",
        [APPLICATION_NAME],
      );
      return (rows[0]?.n ?? 0) > 0;
    } finally {
      await client.end();
    }
  };
}

/** A warm-up, then SECONDS measured on the same connections (lib.ts steadyLoad: why), then the server left to settle. */
async function drive(
  url: string,
  paths: string[],
  token: string,
  pid?: number,
  databaseBusy?: () => Promise<boolean>,
  acceptEncoding?: string,
): Promise<LoadResult & { bytesPerAnswer: number }> {
  const result = await steadyLoad({
    url,
    paths,
    headers: { authorization: `Bearer ${token}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    connections: CONNECTIONS,
    warmUpSeconds: WARM_UP_SECONDS,
    seconds: SECONDS,
  });
  await settle(pid, databaseBusy);
  return result;
}

function serve(databaseUrl: string, cacheMs?: number): { child: ChildProcess; url: string } {
  const p = port++;
  const child = start(['bin/lyceum.js', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    // Empty means unset: the server's default.
    SEARCH_CACHE_MS: cacheMs === undefined ? '' : String(cacheMs),
    COMPRESS_RESPONSES: COMPARE_COMPRESSION ? 'true' : '',
  });
  child.stdout?.resume();
  return { child, url: `http://127.0.0.1:${p}` };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** One request per query: the answer's size and shape, and the first search answer for the bare route. */
async function samples(databaseUrl: string, f: Fixture): Promise<string> {
  const { child, url } = serve(databaseUrl);
  try {
    await waitFor(`${url}/readyz`);
    let first = '';
    for (const q of f.queries) {
      const started = performance.now();
      const res = await fetch(`${url}${q.paths[0]}`, { headers: { authorization: `Bearer ${f.token}` } });
      const text = await res.text();
      const ms = performance.now() - started;
      const body = JSON.parse(text) as { items?: unknown[]; total?: number };
      first ||= text;
      const shape = body.items ? `${body.items.length} items of ${fmt(body.total ?? 0)} results` : 'a workshop';
      console.log(
        `  ${q.label.padEnd(38)} ${res.status}, ${shape}, ${(text.length / 1024).toFixed(1)} KB, first request ${ms.toFixed(0)} ms`,
      );
    }
    return first;
  } finally {
    await stop(child);
  }
}

async function ceiling(sample: string): Promise<LoadResult> {
  const file = join(CACHE_DIR, 'search-sample.json');
  writeFileSync(file, sample);
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-json-server.ts', String(p), file], {});
  child.stdout?.resume();
  try {
    const url = `http://127.0.0.1:${p}`;
    await waitFor(`${url}/`);
    return await drive(url, ['/api/v1/search'], 'x', child.pid);
  } finally {
    await stop(child);
  }
}

/** What a row is checked against: the cached targets (TARGET), or issue 17's for uncached search. */
interface RowTarget {
  p99Ms: number;
  share: number;
}

function row(label: string, r: LoadResult, bare: LoadResult, target: RowTarget = TARGET): string {
  const share = r.perSecond / bare.perSecond;
  const codes =
    Object.keys(r.statusCodes).join('/') === '200' && r.errors === 0 ? '' : `  codes ${JSON.stringify(r.statusCodes)} errors ${r.errors}`;
  if (r.requests === 0) {
    return `  ${label.padEnd(38)}       0 req/s  no answer completed within ${SECONDS} s with ${CONNECTIONS} requests in flight   p99 ✗  share ✗${codes}`;
  }
  return (
    `  ${label.padEnd(38)} ${fmt(r.perSecond).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  ` +
    `${(share * 100).toFixed(0).padStart(3)} % of ceiling   p99 ${check(r.p99 <= target.p99Ms)}  share ${check(share >= target.share)}${codes}`
  );
}

/** What answering compressed cost, measured back to back on one server. */
function compressionCost(plain: LoadResult & { bytesPerAnswer: number }, compressed: LoadResult & { bytesPerAnswer: number }): string {
  const change = plain.perSecond > 0 ? ((compressed.perSecond - plain.perSecond) / plain.perSecond) * 100 : 0;
  const kb = (bytes: number) => (bytes / 1024).toFixed(1);
  return (
    `      compression: ${change >= 0 ? '+' : ''}${change.toFixed(1)} % req/s, p99 ${plain.p99} → ${compressed.p99} ms, ` +
    `${kb(plain.bytesPerAnswer)} → ${kb(compressed.bytesPerAnswer)} KB per answer ${check(change >= -10)}`
  );
}

/**
 * The uncached mix again, with requests arriving at a steady rate instead of 50 connections
 * always waiting (lib.ts pacedLoad): at half the target rate and at the target rate itself
 * (issue 17: the share of the ceiling), how long one search takes to answer at that load.
 */
async function paced(
  url: string,
  q: Query,
  token: string,
  bare: LoadResult,
  target: RowTarget,
  pid?: number,
  databaseBusy?: () => Promise<boolean>,
): Promise<void> {
  for (const part of [0.5, 1]) {
    const rate = Math.round(bare.perSecond * target.share * part);
    const r = await pacedLoad({
      url,
      paths: q.paths,
      headers: { authorization: `Bearer ${token}` },
      rate,
      seconds: SECONDS,
      connections: CONNECTIONS,
    });
    await settle(pid, databaseBusy);
    const codes =
      Object.keys(r.statusCodes).join('/') === '200' && r.errors === 0 ? '' : `  codes ${JSON.stringify(r.statusCodes)} errors ${r.errors}`;
    console.log(
      `    ↳ arriving at ${fmt(rate)} req/s (${(target.share * part * 100).toFixed(1)} % of ceiling): ` +
        `answered ${fmt(r.perSecond)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  p99 ${check(r.p99 <= target.p99Ms)}${codes}`,
    );
  }
}

/** Both cache modes against one database, each on a fresh server. */
async function load(name: string, databaseUrl: string, f: Fixture, bare: LoadResult, databaseBusy?: () => Promise<boolean>): Promise<void> {
  for (const cacheMs of [undefined, 0]) {
    const mode =
      cacheMs === undefined
        ? 'search cache on (SEARCH_CACHE_MS default, 2000 ms)'
        : 'search cache off (SEARCH_CACHE_MS=0: every request computed)';
    console.log(`\n${name} · ${mode}`);
    // Issue 17's targets for a search computed anew; the cached ones otherwise.
    const target: RowTarget = cacheMs === 0 ? { p99Ms: 50, share: name === 'SQLite' ? 0.25 : 0.15 } : TARGET;
    console.log(
      `  targets${cacheMs === 0 ? ' (issue 17, uncached search)' : ''}: p99 ≤ ${target.p99Ms} ms, ≥ ${target.share * 100} % of the ceiling ` +
        `(${fmt(Math.round(bare.perSecond * target.share))} of ${fmt(bare.perSecond)} req/s), peak RSS ≤ ${TARGET.rssMb} MB`,
    );
    const { child, url } = serve(databaseUrl, cacheMs);
    try {
      await waitFor(`${url}/readyz`);
      for (const q of f.queries) {
        const plain = await drive(url, q.paths, f.token, child.pid, databaseBusy);
        console.log(row(q.label, plain, bare, target));
        if (cacheMs === 0 && q === f.queries.at(-1)) await paced(url, q, f.token, bare, target, child.pid, databaseBusy);
        if (!COMPARE_COMPRESSION) continue;
        const compressed = await drive(url, q.paths, f.token, child.pid, databaseBusy, ACCEPT_COMPRESSED);
        console.log(row(`  ↳ Accept-Encoding: ${ACCEPT_COMPRESSED}`, compressed, bare, target));
        console.log(compressionCost(plain, compressed));
      }
      const rss = peakRssMb(child.pid);
      console.log(`  server peak RSS ${rss} MB ${check(rss <= TARGET.rssMb)}`);
    } finally {
      await stop(child);
    }
  }
}

// ---- Query plans: the statements behind each search, captured from the real repository code ----

interface Statement {
  sql: string;
  parameters: readonly unknown[];
}

interface Explainer {
  db: Kysely<Database>;
  sink: Statement[];
  /** Median milliseconds of three runs, and the plan's lines. */
  explain(s: Statement): Promise<{ ms: number; plan: string[] }>;
  close(): Promise<void>;
}

const FACETS: Record<string, string> = { tag: 'tags', slug: 'channels', format: 'formats', mode: 'modes', location: 'locations' };

function label(sql: string): string {
  const facet = /^select "\w+"\."(\w+)" as "value"/.exec(sql)?.[1];
  if (facet) return `facet: ${FACETS[facet] ?? facet}`;
  if (sql.includes('group by "t"."tag"')) return 'facet: tags';
  if (sql.includes('group by "c"."slug"')) return 'facet: channels';
  if (sql.includes('group by "w"."format"')) return 'facet: formats';
  if (sql.includes('group by "s"."mode"')) return 'facet: modes + locations';
  if (sql.startsWith('select count(*)')) return 'total';
  if (sql.includes('"x"."next_starts_at"') || sql.includes('"x".*')) return 'page of results';
  if (sql.includes('snippet(') || sql.includes('ts_headline')) return 'highlights';
  if (sql.includes('from "workshop_tags" where')) return 'tags of the page';
  if (sql.includes('from "workshop_hosts" as "h"')) return 'hosts of the page';
  if (sql.includes('"c"."slug", "c"."name" from "workshop_channels"')) return 'channels of the page';
  if (sql.startsWith('select "sessions".*')) return 'next sessions of the page';
  if (sql.includes('from "registrations"')) return 'seat counts of the page';
  if (sql.includes('from "search_changes"')) return 'changes since the last read';
  return sql.slice(0, 60);
}

function indexesOf(plan: string[]): string {
  const used = new Set<string>();
  for (const line of plan) {
    // SQLite: SEARCH uses an index for a range or a key; SCAN reads all of a table or index.
    for (const m of line.matchAll(/SEARCH \w+.* USING (?:COVERING )?INDEX (\w+)/g)) used.add(m[1] as string);
    for (const m of line.matchAll(/SCAN \w+.* USING (?:COVERING )?INDEX (\w+)/g)) used.add(`${m[1]} (FULL SCAN)`);
    for (const m of line.matchAll(/SEARCH (\w+)(?: AS \w+)? USING (?:INTEGER )?PRIMARY KEY/g)) used.add(`${m[1]} (primary key)`);
    for (const m of line.matchAll(/SCAN (\w+)(?: AS (\w+))?$/gm)) used.add(`FULL SCAN ${m[1]}`);
    if (/AUTOMATIC (?:PARTIAL )?COVERING INDEX/.test(line)) used.add('automatic index (built per query)');
    if (/VIRTUAL TABLE INDEX/.test(line)) used.add('workshop_search (FTS5)');
    if (/USE TEMP B-TREE/.test(line)) used.add('temp b-tree');
    for (const m of line.matchAll(/Index (?:Only )?Scan (?:Backward )?using (\S+)/g)) used.add(m[1] as string);
    for (const m of line.matchAll(/Bitmap Index Scan on (\S+)/g)) used.add(m[1] as string);
    for (const m of line.matchAll(/Seq Scan on (\S+)/g)) used.add(`SEQ SCAN ${m[1]}`);
  }
  return [...used].join(', ') || '(none)';
}

function median3(run: () => void): number {
  const times = [0, 1, 2].map(() => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[1] as number;
}

function sqliteExplainer(path: string): Explainer {
  const sink: Statement[] = [];
  const raw = new SQLite(path, { fileMustExist: true });
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: raw }),
    log: (event) => {
      if (event.level === 'query') sink.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return {
    db,
    sink,
    explain: async ({ sql, parameters }) => {
      const statement = raw.prepare(sql);
      statement.all(...parameters);
      const ms = median3(() => statement.all(...parameters));
      const rows = raw.prepare(`explain query plan ${sql}`).all(...parameters) as { id: number; parent: number; detail: string }[];
      const depth = new Map<number, number>([[0, -1]]);
      const plan = rows.map((r) => {
        const d = (depth.get(r.parent) ?? -1) + 1;
        depth.set(r.id, d);
        return `${'  '.repeat(d)}${r.detail}`;
      });
      return { ms, plan };
    },
    close: () => db.destroy(),
  };
}

function postgresExplainer(url: string): Explainer {
  const sink: Statement[] = [];
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') sink.push({ sql: event.query.sql, parameters: event.query.parameters });
    },
  });
  return {
    db,
    sink,
    explain: async ({ sql, parameters }) => {
      const values = [...parameters];
      await pool.query(sql, values);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const started = performance.now();
        await pool.query(sql, values);
        times.push(performance.now() - started);
      }
      const result = await pool.query(`explain (analyze, costs off) ${sql}`, values);
      const plan = result.rows.map((r: Record<string, string>) => r['QUERY PLAN'] as string);
      return { ms: times.sort((a, b) => a - b)[1] as number, plan };
    },
    close: () => db.destroy(),
  };
}

async function plans(name: string, explainer: Explainer, f: Fixture): Promise<void> {
  const tx = createTransactor(explainer.db);
  const keeper = new SearchKeeper(tx, searchRepository, name === 'PostgreSQL');
  const service = new SearchService(tx, searchRepository, registrationsRepository, keeper);
  // The memory index is read once (statements not shown); each search then reads the change log and the page's counts.
  await keeper.current();
  const file = join(CACHE_DIR, `plans-${name.toLowerCase()}.txt`);
  const all: string[] = [];
  console.log(`\n${name} · query plans of the statements behind (a)–(e): median of 3 runs, indexes used; full plan when ≥ ${SLOW_MS} ms`);
  for (const q of f.queries) {
    if (!q.search) continue;
    explainer.sink.length = 0;
    await service.run(searchQuery.parse(q.search));
    const statements = [...explainer.sink];
    const lines: string[] = [];
    let total = 0;
    all.push(`==== ${q.label}`);
    for (const s of statements) {
      const { ms, plan } = await explainer.explain(s);
      total += ms;
      lines.push(`    ${ms.toFixed(1).padStart(6)} ms  ${label(s.sql).padEnd(26)} ${indexesOf(plan)}`);
      if (ms >= SLOW_MS) for (const line of plan) lines.push(`              │ ${line}`);
      all.push(`-- ${label(s.sql)}: ${ms.toFixed(2)} ms`, s.sql, `-- parameters: ${JSON.stringify(s.parameters)}`, ...plan, '');
    }
    console.log(`  ${q.label}: ${statements.length} statements, ${total.toFixed(0)} ms in all, run one after another`);
    for (const line of lines) console.log(line);
  }
  writeFileSync(file, all.join('\n'));
  console.log(`  (every statement with its parameters and plan: ${file})`);
  await explainer.close();
}

// ---- The run ----

async function onSqlite(): Promise<void> {
  const path = await orgSqlite(CACHE_DIR);
  const database = openDatabase({ dialect: 'sqlite', path });
  const f = await fixture(database);
  await database.close();
  const url = `sqlite:${path}`;
  console.log('\nSQLite · one request each (cold):');
  const sample = await samples(url, f);
  const bare = await ceiling(sample);
  console.log(
    `\nceiling: bare Fastify route returning a fixed ${(sample.length / 1024).toFixed(1)} KB search response: ` +
      `${fmt(bare.perSecond)} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms (p99 ${check(bare.p99 <= TARGET.p99Ms)})`,
  );
  const needed = Math.round((CONNECTIONS / TARGET.p99Ms) * 1000);
  console.log(
    `  (${CONNECTIONS} connections in a closed loop: latency ≈ ${CONNECTIONS} ÷ throughput, so p99 ≤ ${TARGET.p99Ms} ms needs well over ` +
      `${fmt(needed)} req/s with little spread${bare.perSecond < needed ? ': more than the bare route itself manages here' : ''})`,
  );
  await load('SQLite', url, f, bare);
  await plans('SQLite', sqliteExplainer(path), f);
  firstCeiling = { bare, sample };
}

let firstCeiling: { bare: LoadResult; sample: string } | undefined;

async function onPostgres(): Promise<void> {
  const schema = await orgPostgres(PG_URL, APPLICATION_NAME);
  if (!schema) return;
  const { url } = schema;
  try {
    const database = openDatabase({ dialect: 'postgres', url });
    const f = await fixture(database);
    await database.close();
    console.log('\nPostgreSQL · one request each (cold):');
    const sample = await samples(url, f);
    // Measured again beside these runs: the machine's speed wanders by a third within one run.
    const bare = await ceiling(sample);
    console.log(`\nceiling: bare Fastify route, fixed ${(sample.length / 1024).toFixed(1)} KB response: ${fmt(bare.perSecond)} req/s`);
    await load('PostgreSQL', url, f, bare, postgresBusy(PG_URL));
    await plans('PostgreSQL', postgresExplainer(url), f);
  } finally {
    await schema.drop();
  }
}

const started = performance.now();
console.log(
  `catalog benchmark: ${CONNECTIONS} connections, ${SECONDS} s per query after a ${WARM_UP_SECONDS} s warm-up, ` +
    'on the org-sized data set (20,000 people, 5,000 workshops, 50,000 sessions, 1,000,000 registrations)\n',
);
const databases = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
if (databases.includes('sqlite')) await onSqlite();
if (databases.includes('postgres')) await onPostgres();
if (firstCeiling) {
  // This machine's speed wanders (other tenants): the same ceiling again says how far, so a share can be read with it.
  const again = await ceiling(firstCeiling.sample);
  console.log(
    `\nceiling again at the end of the run: ${fmt(again.perSecond)} req/s (SQLite's, at the start: ${fmt(firstCeiling.bare.perSecond)}; ` +
      "each database's shares are of the ceiling measured before its runs)",
  );
}
console.log(`\nbenchmark took ${((performance.now() - started) / 60_000).toFixed(1)} min`);
process.exit(0);
