import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { PostgresAdapter, sql } from 'kysely';
import { Pool } from 'undici';
import type { Db } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/server/platform/ids.js';

export const ROOT = new URL('../', import.meta.url).pathname;
/**
 * Where the benchmarks' servers listen: below Linux's ephemeral range (32768–60999), where the
 * local end of one of the load's own connections (hundreds at a time) can hold a port first
 * (bench:mixed once failed with EADDRINUSE on 43502).
 */
export const FIRST_PORT = 23_000;

/**
 * Statistics for the planner, as autovacuum keeps them on a database in use: one seeded a moment
 * ago has none yet, and PostgreSQL would plan the bench's queries for empty tables. SQLite plans
 * without them (Lyceum runs no ANALYZE there), so it is left as it is.
 */
export async function analyze(db: Db): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze`.execute(db);
}

/** A child node process; with BENCH_PROFILE=<dir>, each `lyceum serve` writes a CPU profile there when it exits. */
export function start(args: string[], env: Record<string, string>): ChildProcess {
  const profile =
    process.env.BENCH_PROFILE && args.includes('bin/lyceum.js') ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  return spawn(process.execPath, [...profile, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer`);
}

/** Peak resident memory of a process so far, from /proc (Linux). */
export function peakRssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** CPU seconds a process has used so far (user and system, from /proc: ticks of 1/100 s). */
export function cpuSeconds(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** n people with one API token each, inserted in batches; returns the tokens in order. */
export async function createPeople(db: Db, n: number): Promise<{ ids: string[]; tokens: string[] }> {
  const ids: string[] = [];
  const tokens: string[] = [];
  const now = nowIso();
  for (let start = 0; start < n; start += 500) {
    const people = [];
    const rows = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const id = newId();
      const token = newSecret('lyc');
      ids.push(id);
      tokens.push(token);
      people.push({
        id,
        email: `bench${i}.${id.slice(-8)}@example.com`,
        name: `Bench ${i}`,
        title: null,
        team: null,
        location: null,
        time_zone: 'UTC',
        manager_id: null,
        role: 'member' as const,
        created_at: now,
        updated_at: now,
      });
      rows.push({
        id: newId(),
        person_id: id,
        name: 'bench',
        token_hash: hashSecret(token),
        hint: token.slice(-4),
        created_at: now,
        last_used_at: null,
        revoked_at: null,
      });
    }
    await db.insertInto('people').values(people).execute();
    await db.insertInto('api_tokens').values(rows).execute();
  }
  return { ids, tokens };
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  /** From the first request to the last answer (burst). */
  seconds?: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

/** BENCH_TIMELINE=1: each burst also prints its answers by half-second (when they came, how long they took). */
const TIMELINE = process.env.BENCH_TIMELINE === '1';

function printTimeline(url: string, answers: { at: number; ms: number }[]): void {
  const slots = new Map<number, number[]>();
  for (const a of answers) {
    const slot = Math.floor(a.at / 500);
    const slotAnswers = slots.get(slot) ?? [];
    slotAnswers.push(a.ms);
    slots.set(slot, slotAnswers);
  }
  console.log(`  timeline of ${url} (answers arriving in each half-second: count, p50, p99, max ms)`);
  for (const [slot, ms] of [...slots.entries()].sort(([a], [b]) => a - b)) {
    const sorted = ms.sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    console.log(`    ${(slot / 2).toFixed(1)} s  ${sorted.length}  ${at(0.5)}  ${at(0.99)}  ${at(1)}`);
  }
}

/**
 * One request per token (POST with `{}` unless told otherwise), `connections` at a time, with
 * autocannon; `headers` go with every request (a calendar app's If-None-Match).
 */
export async function burst(
  url: string,
  /** One path, or the path of the i-th request. */
  path: string | ((i: number) => string),
  tokens: string[],
  connections: number,
  method: 'GET' | 'POST' = 'POST',
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  let next = 0;
  const answers: { at: number; ms: number }[] = [];
  const started = performance.now();
  // Timed here, first request to last response: autocannon notices the end only at its next
  // one-second tick, which would make short runs look up to a second longer.
  let finished = started;
  const result: any = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        amount: tokens.length,
        requests: [
          {
            method,
            path: typeof path === 'string' ? path : path(0),
            setupRequest: (request: any) => {
              const i = next++;
              const authorization = `Bearer ${tokens[i % tokens.length]}`;
              const sent = { ...request.headers, ...headers, authorization };
              const at = typeof path === 'string' ? path : path(i);
              return method === 'POST'
                ? { ...request, path: at, headers: { ...sent, 'content-type': 'application/json' }, body: '{}' }
                : { ...request, path: at, headers: sent };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      finished = performance.now();
      if (TIMELINE) answers.push({ at: finished - started, ms: responseTime });
    });
  });
  if (TIMELINE) printTimeline(url, answers);
  const statusCodes: Record<string, number> = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, s]) => [code, s.count]),
  );
  const seconds = (finished - started) / 1000;
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / seconds),
    seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

/**
 * `connections` clients in a closed loop for `warmUpSeconds`, then `seconds` measured on the same
 * connections: only answers arriving in the measured window count, and their latencies are the
 * figures. The window opens after the warm-up, once every connection has had an answer.
 * Why not two autocannon runs: each opens its connections afresh, and a Node process already busy
 * accepts one new connection per turn of its event loop (libuv/libuv#3696), so the last of 50
 * waits seconds for its first answer. A plain `node:http` server spending 2 ms per request shows
 * it: p99 1.1 s from a fresh run. Clients keep their connections (browsers, a load balancer's
 * pool), so the ramp is not what a search costs.
 */
export async function steadyLoad(options: {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  /** Bearer tokens taken in turn, one per request (many people viewing); none: `headers` alone. */
  tokens?: string[];
  connections: number;
  warmUpSeconds: number;
  seconds: number;
}): Promise<LoadResult & { bytesPerAnswer: number }> {
  const { paths, warmUpSeconds, seconds } = options;
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let bytes = 0;
  let errors = 0;
  let windowStart = Number.POSITIVE_INFINITY;
  let windowEnd = Number.POSITIVE_INFINITY;
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        // Stopped by the window below; this is only a bound.
        duration: warmUpSeconds + seconds + 60,
        // Slow answers are answers: count them (up to 60 s) rather than give up at autocannon's 10 s.
        timeout: 60,
        headers: options.headers,
        requests: [
          {
            method: 'GET',
            setupRequest: (request: any) => {
              const i = next++;
              const token = options.tokens?.[i % options.tokens.length];
              const headers = token ? { ...request.headers, authorization: `Bearer ${token}` } : request.headers;
              return { ...request, path: paths[i % paths.length], headers };
            },
          },
        ],
      },
      (error) => (error ? reject(error) : resolve()),
    );
    const warmUpEnd = performance.now() + warmUpSeconds * 1000;
    const answered = new Set<unknown>();
    instance.on('response', (client: unknown, status: number, resBytes: number, responseTime: number) => {
      const now = performance.now();
      // The window opens once the warm-up is over and every connection has had an answer.
      if (windowStart === Number.POSITIVE_INFINITY) {
        answered.add(client);
        if (now < warmUpEnd || answered.size < options.connections) return;
        windowStart = now;
        windowEnd = now + seconds * 1000;
        return;
      }
      if (now > windowEnd) {
        instance.stop();
        return;
      }
      latencies.push(responseTime);
      statusCodes[status] = (statusCodes[status] ?? 0) + 1;
      bytes += resBytes;
    });
    instance.on('reqError', () => {
      if (performance.now() >= windowStart && performance.now() <= windowEnd) errors++;
    });
  });
  return { ...summary(latencies, statusCodes, errors, seconds), bytesPerAnswer: latencies.length > 0 ? bytes / latencies.length : 0 };
}

export function line(label: string, r: LoadResult, ceiling?: LoadResult): string {
  const ratio = ceiling ? `  ${((r.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the bare route` : '';
  return `${label.padEnd(34)} ${String(r.perSecond).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  codes ${JSON.stringify(r.statusCodes)}${ratio}`;
}

/**
 * Requests arriving at a steady `rate` per second for `seconds` (an open loop, as people arrive:
 * each request is sent at its planned moment, whether or not earlier ones have been answered),
 * over at most `connections` kept connections. A closed loop (steadyLoad) measures how much the
 * server can do, and its latency is mostly the queue that 50 connections build; this measures how
 * long a request takes at a given load. Latency counts from the planned moment, so a request that
 * waited for a free connection is not flattered (no coordinated omission). A second of warm-up
 * at the same rate comes first, unmeasured.
 */
export async function pacedLoad(options: {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  rate: number;
  seconds: number;
  connections: number;
}): Promise<LoadResult> {
  const pool = new Pool(options.url, { connections: options.connections, pipelining: 1 });
  const warmUp = Math.round(options.rate);
  const total = warmUp + Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  const send = async (i: number, planned: number) => {
    try {
      const res = await pool.request({ path: options.paths[i % options.paths.length] as string, method: 'GET', headers: options.headers });
      await res.body.dump();
      if (i < warmUp) return;
      latencies.push(performance.now() - planned);
      statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
    } catch {
      if (i >= warmUp) errors++;
    }
  };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  let next = 0;
  while (next < total) {
    // Everything planned up to now goes out; then wait for the next planned moment (timers are ~1 ms coarse).
    const now = performance.now();
    while (next < total && started + (next * 1000) / options.rate <= now) {
      inFlight.push(send(next, started + (next * 1000) / options.rate));
      next++;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(inFlight);
  const seconds = (performance.now() - started) / 1000 - 1;
  await pool.close();
  return summary(latencies, statusCodes, errors, seconds);
}

/** The figures of a measured window: answers (their latencies, in ms), status codes, errors and its length. */
function summary(latencies: number[], statusCodes: Record<string, number>, errors: number, seconds: number): LoadResult {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  const ok = Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith('2') ? n + count : n), 0);
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50: at(0.5),
    p99: at(0.99),
    non2xx: latencies.length - ok,
    errors,
    statusCodes,
  };
}
