// The org-sized databases bench/dashboard runs on (`lyceum seed --scale org`): a SQLite file kept
// between runs (made again in a new week or when the generator's sources change), and a fresh
// PostgreSQL schema per run, dropped afterwards.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { orgClock } from '../src/seed/org/org-clock.js';
import { nowIso } from '../src/server/platform/ids.js';
import { ROOT } from './lib.js';

/**
 * The generator's sources (the org seed and what it shares; not its tests). The comment phrases it
 * borrows from the demo only change words, never a figure, so they do not count.
 */
function generatorVersion(): string {
  const hash = createHash('sha256');
  for (const dir of ['src/seed/org', 'src/seed/shared'].map((d) => join(ROOT, d))) {
    for (const file of readdirSync(dir).sort()) if (!file.endsWith('.test.ts')) hash.update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 12);
}

/** `lyceum seed --scale org` against a database; returns its summary line and the wall time in seconds. */
async function seed(databaseUrl: string): Promise<{ summary: string; seconds: number }> {
  const started = performance.now();
  // From the sources the cache is keyed by (not a dist/ that may be older than them).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'seed', '--scale', 'org'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`lyceum seed --scale org failed (exit ${code})`);
  return { summary: out.trim(), seconds: (performance.now() - started) / 1000 };
}

/** The cached SQLite file: reused when seeded this week by these sources, else seeded again. */
export async function orgSqlite(dir: string): Promise<string> {
  const path = join(dir, 'lyceum.sqlite');
  const meta = join(dir, 'seeded.json');
  const week = new Date(orgClock(new Date()).anchorMs).toISOString().slice(0, 10);
  const version = generatorVersion();
  const seeded = existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')) as { week: string; version: string; seconds: number }) : null;
  if (seeded && seeded.week === week && seeded.version === version && existsSync(path)) {
    console.log(`SQLite: reusing ${path} (seeded this week in ${seeded.seconds.toFixed(0)} s)`);
    return path;
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`, meta]) rmSync(file, { force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`SQLite: seeding ${path} with lyceum seed --scale org`);
  const { summary, seconds } = await seed(`sqlite:${path}`);
  console.log(`  ${summary}\n  seed took ${seconds.toFixed(1)} s (wall, including start-up and migrations)`);
  writeFileSync(meta, JSON.stringify({ week, version, seconds, seededAt: nowIso() }));
  return path;
}

/** A new schema seeded at org scale; `drop` removes it. Null when PostgreSQL cannot be reached. */
export async function orgPostgres(adminUrl: string, applicationName: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`\nPostgreSQL at ${adminUrl} not reachable (${(error as Error).message}); skipped`);
    return null;
  }
  const schema = `bench_dashboard_${randomBytes(4).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  const url = new URL(adminUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  url.searchParams.set('application_name', applicationName);
  const drop = async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  };
  try {
    console.log(`\nPostgreSQL: seeding schema ${schema} with lyceum seed --scale org`);
    const { summary, seconds } = await seed(url.toString());
    console.log(`  ${summary}\n  seed took ${seconds.toFixed(1)} s (wall, including start-up and migrations)`);
  } catch (error) {
    await drop();
    throw error;
  }
  return { url: url.toString(), drop };
}
