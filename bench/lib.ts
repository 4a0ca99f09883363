import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { PostgresAdapter, sql } from 'kysely';
import type { Db } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/server/platform/ids.js';

export const ROOT = new URL('../', import.meta.url).pathname;

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
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
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
    instance.on('response', () => {
      finished = performance.now();
    });
  });
  const statusCodes: Record<string, number> = Object.fromEntries(
    Object.entries(result.statusCodeStats as Record<string, { count: number }>).map(([code, s]) => [code, s.count]),
  );
  const seconds = (finished - started) / 1000;
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

export function line(label: string, r: LoadResult, ceiling?: LoadResult): string {
  const ratio = ceiling ? `  ${((r.perSecond / ceiling.perSecond) * 100).toFixed(0)} % of the bare route` : '';
  return `${label.padEnd(34)} ${String(r.perSecond).padStart(6)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  codes ${JSON.stringify(r.statusCodes)}${ratio}`;
}
