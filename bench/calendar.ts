// bench/calendar: personal calendar feeds of 500 sessions each, as calendar apps poll them, against
// `lyceum serve` on SQLite and PostgreSQL (one instance each), beside a bare Fastify route
// answering the same feed and a 304 (the ceiling of the same run). Printed per database:
//   - a rebuild after a change: single requests, each after a change to the feed (p50, p99);
//   - cold: every request a different person's feed, more feeds than an instance keeps rendered,
//     so each one is read and rendered anew;
//   - unconditional: one feed asked for again and again without validators (kept rendered);
//   - conditional: If-None-Match of the current version, answered 304.
// And once: ical-generator's own rendering of the same 500 events beside Lyceum's (its folding).
// BENCH_REQUESTS per series (default 5,000), 50 connections; BENCH_DATABASES=sqlite,postgres.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ical, { ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import pg from 'pg';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { renderCalendar } from '../src/server/modules/calendar/calendar.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret, nowIso } from '../src/server/platform/ids.js';
import { analyze, burst, createPeople, FIRST_PORT, type LoadResult, line, start, waitFor } from './lib.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONNECTIONS = 50;
const SESSIONS = 500;
/** More feeds of 500 sessions than the 32 MB an instance keeps rendered: a round over them always misses. */
const PEOPLE = 200;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
let port = FIRST_PORT + 500;

/** 100 published workshops of five sessions each over the next 60 days; every person holds a seat in all. */
async function feeds(database: DbHandle): Promise<{ paths: string[]; ids: string[] }> {
  const db = database.db;
  const { ids } = await createPeople(db, PEOPLE + 1);
  const hostId = ids.pop() as string;
  const now = nowIso();
  const sessions: string[] = [];
  for (let w = 0; w < SESSIONS / 5; w++) {
    const id = newId();
    await db
      .insertInto('workshops')
      .values({
        id,
        title: `Workshop ${w}: ${'a practical look at something useful '.slice(0, 20 + (w % 17))}`,
        summary: 'What you will learn, in two sentences that run long enough to fold in a calendar file like a real summary does.',
        description: '',
        audience: null,
        objectives: '[]',
        prerequisites: null,
        format: 'talk',
        duration_minutes: 60,
        materials: '[]',
        status: 'published',
        created_by: hostId,
        created_at: now,
        updated_at: now,
        published_at: now,
      })
      .execute();
    await db.insertInto('workshop_hosts').values({ workshop_id: id, person_id: hostId, role: 'owner', added_at: now }).execute();
    const rows = Array.from({ length: 5 }, (_, i) => {
      // From three days ahead: no reminder (48 hours before) is due while the bench runs.
      const startsAt = Date.now() + ((w * 5 + i) % 60) * 86_400_000 + (w % 8) * 3_600_000 + 3 * 86_400_000;
      const sessionId = newId();
      sessions.push(sessionId);
      return {
        id: sessionId,
        workshop_id: id,
        starts_at: new Date(startsAt).toISOString(),
        ends_at: new Date(startsAt + 3_600_000).toISOString(),
        time_zone: 'UTC',
        mode: (i % 2 ? 'online' : 'in_person') as 'online' | 'in_person',
        location: i % 2 ? null : `Amsterdam · Room ${w % 12}`,
        video_url: i % 2 ? `https://meet.example.com/${id}-${i}` : null,
        seats: null,
        online_seats: null,
        registration_opens_at: null,
        registration_closes_at: null,
        check_in_code: null,
        status: 'scheduled' as const,
        cancelled_at: null,
        created_at: now,
        updated_at: now,
      };
    });
    await db.insertInto('sessions').values(rows).execute();
  }
  for (const personId of ids) {
    await db
      .insertInto('registrations')
      .values(
        sessions.map((sessionId, i) => ({
          id: newId(),
          session_id: sessionId,
          person_id: personId,
          mode: i % 2 ? ('online' as const) : ('in_person' as const),
          status: 'enrolled' as const,
          position: null,
          offer_expires_at: null,
          late_cancellation: 0,
          walk_in: 0,
          series_key: null,
          checked_in_at: null,
          cancelled_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  // The feeds are made after the seats, as a person subscribes to what they hold.
  const paths: string[] = [];
  for (const personId of ids) {
    const token = newSecret('cal');
    await db
      .insertInto('calendar_feeds')
      .values({ person_id: personId, token_hash: hashSecret(token), hint: token.slice(-4), created_at: now })
      .execute();
    paths.push(`/calendar/${token}.ics`);
  }
  return { paths, ids };
}

async function ceilingFor(body: string, path: string): Promise<{ full: LoadResult; notModified: LoadResult }> {
  const file = join(mkdtempSync(join(tmpdir(), 'lyceum-calendar-')), 'feed.ics');
  writeFileSync(file, body);
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-file-server.ts', String(p), file, 'text/calendar; charset=utf-8'], {});
  await waitFor(`http://127.0.0.1:${p}/`);
  const url = `http://127.0.0.1:${p}`;
  const tokens = Array.from({ length: REQUESTS }, (_, i) => `t${i}`);
  await burst(url, path, tokens.slice(0, 1000), CONNECTIONS, 'GET');
  const full = await burst(url, path, tokens, CONNECTIONS, 'GET');
  const notModified = await burst(url, path, tokens, CONNECTIONS, 'GET', { 'if-none-match': 'W/"bare"' });
  child.kill('SIGKILL');
  return { full, notModified };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number;

/** Single requests for one feed, each after a change to it (a session of it moved by a minute). */
async function rebuilds(database: DbHandle, url: string, path: string, personId: string): Promise<number[]> {
  const times: number[] = [];
  const session = await database.db
    .selectFrom('registrations')
    .select('session_id')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 40; i++) {
    const moved = new Date(Date.now() + 3 * 86_400_000 + i * 60_000);
    await database.db
      .updateTable('sessions')
      .set({ starts_at: moved.toISOString(), ends_at: new Date(moved.getTime() + 3_600_000).toISOString() })
      .where('id', '=', session.session_id)
      .execute();
    const started = performance.now();
    const res = await fetch(`${url}${path}`);
    await res.text();
    if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function measure(label: string, database: DbHandle, databaseUrl: string) {
  await migrateToLatest(database.db);
  const setupStarted = performance.now();
  const { paths, ids } = await feeds(database);
  await analyze(database.db);
  console.log(`${label}: ${PEOPLE} feeds of ${SESSIONS} sessions made in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`);
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
  const one = paths[0] as string;
  const first = await fetch(`${url}${one}`);
  const body = await first.text();
  const etag = first.headers.get('etag') as string;
  const events = body.split('BEGIN:VEVENT').length - 1;
  if (events !== SESSIONS) throw new Error(`the feed holds ${events} events, not ${SESSIONS}`);

  const ceiling = await ceilingFor(body, one);
  const built = await rebuilds(database, url, one, ids[0] as string);
  const tokens = Array.from({ length: REQUESTS }, (_, i) => `t${i}`);
  // Cold: a round over all feeds, more than are kept rendered.
  await burst(url, (i) => paths[i % paths.length] as string, tokens.slice(0, PEOPLE), CONNECTIONS, 'GET');
  const cold = await burst(url, (i) => paths[i % paths.length] as string, tokens.slice(0, Math.min(REQUESTS, 2000)), CONNECTIONS, 'GET');
  await fetch(`${url}${one}`).then((r) => r.text());
  const current = (await fetch(`${url}${one}`)).headers.get('etag') as string;
  // Not fetch(): with If-None-Match it adds Cache-Control: no-cache (a reload), which rightly gets a 200.
  const check = await new Promise<number>((resolve, reject) =>
    http.get(`${url}${one}`, { headers: { 'if-none-match': current } }, (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject),
  );
  if (check !== 304) throw new Error(`a conditional request with the current ETag answered ${check}`);
  const again = await burst(url, one, tokens, CONNECTIONS, 'GET');
  const conditional = await burst(url, one, tokens, CONNECTIONS, 'GET', { 'if-none-match': current });
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));

  console.log(`  feed: ${events} events, ${(body.length / 1024).toFixed(0)} KB, ETag ${etag}`);
  console.log(
    `  rebuilt after each change (35 single requests): p50 ${percentile(built, 0.5).toFixed(1)} ms  p99 ${percentile(built, 0.99).toFixed(1)} ms`,
  );
  console.log(line('bare route, the same feed (ceiling)', ceiling.full));
  console.log(line(`${label}, cold (${PEOPLE} feeds in turn)`, cold, ceiling.full));
  console.log(line(`${label}, unconditional (kept)`, again, ceiling.full));
  console.log(line('bare route, 304 (ceiling)', ceiling.notModified));
  console.log(line(`${label}, conditional (304)`, conditional, ceiling.notModified));
  console.log('');
}

/** ical-generator's own text for 500 events beside Lyceum's rendering of them (the same bytes). */
function renderingCost() {
  const options = {
    name: 'Lyceum',
    prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  };
  const stamp = new Date();
  const events: ICalEventData[] = Array.from({ length: SESSIONS }, (_, i) => ({
    id: `session-${i}@lyceum.example.com`,
    sequence: 1,
    start: new Date(Date.now() + i * 3_600_000),
    end: new Date(Date.now() + i * 3_600_000 + 3_600_000),
    stamp,
    summary: `Workshop ${i}: a practical look`,
    description: `What you will learn, in two sentences that run long enough to fold.\n\nIn Lyceum: https://lyceum.example.com/workshops/${i}?session=${i}`,
    location: 'Amsterdam · Room 4',
    url: `https://lyceum.example.com/workshops/${i}?session=${i}`,
    organizer: { name: 'Lyceum', email: 'lyceum@example.com' },
  }));
  const time = (fn: () => string, rounds: number) => {
    fn();
    const started = performance.now();
    for (let i = 0; i < rounds; i++) fn();
    return (performance.now() - started) / rounds;
  };
  const library = time(() => {
    const calendar = ical(options);
    for (const e of events) calendar.createEvent(e);
    return calendar.toString();
  }, 5);
  const lyceum = time(() => renderCalendar(options, events), 20);
  console.log(
    `rendering ${SESSIONS} events: ical-generator's toString ${library.toFixed(1)} ms, Lyceum's (the same bytes) ${lyceum.toFixed(1)} ms\n`,
  );
}

console.log(`calendar: ${REQUESTS} GETs per series, ${CONNECTIONS} connections, feeds of ${SESSIONS} sessions\n`);
renderingCost();
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
