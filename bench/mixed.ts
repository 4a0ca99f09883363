// bench/mixed: a whole organisation at once. 20,000 people each register for one of 1,000 upcoming
// sessions (over 300 workshops; a few sessions hot, most not, the hot ones full with waitlists,
// some hybrid), while the same people search (a mix of more than 500 distinct queries: words,
// words typed letter by letter, tags, facet combinations) and open pages (a workshop, a session,
// the catalog of sessions). One search, one page view and one registration per person, all in one
// queue drained by 200 connections (split evenly across the instances), on SQLite (one instance)
// and PostgreSQL (one, then three instances), each on a fresh database with the same rows and the
// same queue. The same queue against a bare Fastify route gives this machine's ceiling.
// Afterwards the data is checked: seats per pool, waitlist places 1..n, the kept seat counters,
// one live registration per person and session, every 201 the clients got is in the table.
// BENCH_SCALE (or BENCH_PEOPLE) shrinks the run; BENCH_CONNECTIONS; BENCH_DATABASES=sqlite,postgres.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import pg from 'pg';
import { Pool } from 'undici';
import { migrateToLatest } from '../src/server/db/migrator.js';
import type { Database } from '../src/server/db/schema.js';
import { type DbHandle, openDatabase } from '../src/server/platform/db.js';
import { hashSecret, newId, newSecret } from '../src/server/platform/ids.js';
import { analyze, FIRST_PORT, start, waitFor } from './lib.js';

const PEOPLE_ENV = process.env.BENCH_PEOPLE ? Number(process.env.BENCH_PEOPLE) : undefined;
const SCALE = Number(process.env.BENCH_SCALE ?? (PEOPLE_ENV ? PEOPLE_ENV / 20_000 : 1));
const PEOPLE = PEOPLE_ENV ?? Math.round(20_000 * SCALE);
const SESSIONS = Math.max(30, Math.round(1_000 * SCALE));
const WORKSHOPS = Math.max(10, Math.round(300 * SCALE));
const HOSTS = Math.max(5, Math.round(150 * SCALE));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
/** Untimed page views per instance first, so no server is measured while its JIT still compiles. */
const WARM_UP = Math.min(2_000, PEOPLE);
const MIX_SIZE = 500;
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const DAY = 86_400_000;
let port = FIRST_PORT + 500;

type Kind = 'register' | 'search' | 'workshop' | 'session' | 'catalog';
const KINDS: Kind[] = ['register', 'search', 'workshop', 'session', 'catalog'];
type Pool_ = 'in_person' | 'online';

interface Job {
  kind: Kind;
  path: string;
  token: string;
  /** Registrations only: the JSON body, and who registers for what (to check the answer). */
  body?: string;
  person?: string;
  session?: string;
}

interface Fixture {
  people: Insertable<Database['people']>[];
  tokens: Insertable<Database['api_tokens']>[];
  workshops: Insertable<Database['workshops']>[];
  hosts: Insertable<Database['workshop_hosts']>[];
  tags: Insertable<Database['workshop_tags']>[];
  sessions: Insertable<Database['sessions']>[];
  jobs: Job[];
  queries: number;
}

interface Answered {
  id: string;
  session: string;
  person: string;
  status: string;
}

interface RunResult {
  seconds: number;
  latencies: Record<Kind, number[]>;
  codes: Record<Kind, Record<string, number>>;
  networkErrors: number;
  answered: Answered[];
}

// --- A fixed pseudo-random sequence: every configuration gets the same rows and the same queue.
let seed = 17;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const TOPICS = [
  'kubernetes',
  'terraform',
  'postgresql',
  'typescript',
  'react',
  'rust',
  'golang',
  'python',
  'kafka',
  'observability',
  'security',
  'accessibility',
  'design',
  'testing',
  'pricing',
  'negotiation',
  'leadership',
  'feedback',
  'hiring',
  'onboarding',
  'statistics',
  'forecasting',
  'experimentation',
  'analytics',
  'graphql',
  'caching',
  'networking',
  'linux',
  'docker',
  'incidents',
  'architecture',
  'migrations',
  'performance',
  'storytelling',
  'writing',
  'presenting',
  'budgeting',
  'roadmaps',
  'research',
  'interviews',
];
const OPENERS = ['Intro to', 'Hands-on', 'Advanced', 'Practical', 'A tour of', 'Deep dive:', 'Getting started with', 'Lessons from'];
const ENDINGS = ['for beginners', 'in production', 'at scale', 'for managers', 'without tears', 'patterns', 'clinic', 'workshop'];
const TAGS = [
  'engineering',
  'data',
  'frontend',
  'backend',
  'infrastructure',
  'cloud',
  'management',
  'career',
  'sales',
  'finance',
  'product',
  'ux',
  'security',
  'ml',
  'devops',
  'writing',
  'communication',
  'onboarding',
  'quality',
  'mobile',
  'platform',
  'analytics',
  'people',
  'strategy',
  'legal',
  'support',
  'marketing',
  'ops',
  'research',
  'wellbeing',
];
const FORMATS = ['talk', 'hands_on_lab', 'discussion', 'course', 'office_hours'] as const;
const MODES = ['in_person', 'online', 'hybrid'] as const;
const CITIES = ['Berlin', 'Lisbon', 'Toronto', 'Singapore'];
const SEATS = [8, 10, 12, 15, 20, 20, 25, 30, 30, 40, 50, 60, 80, 120];

/** Everyone, their tokens, the catalog and the queue, made once and inserted into every database. */
function fixture(): Fixture {
  const now = Date.now();
  const at = (ms: number) => new Date(ms).toISOString();
  const people: Fixture['people'] = [];
  const tokens: Fixture['tokens'] = [];
  const secrets: string[] = [];
  for (let i = 0; i < PEOPLE + HOSTS; i++) {
    const id = newId();
    const secret = newSecret('lyc');
    secrets.push(secret);
    people.push({
      id,
      email: `mixed${i}.${id.slice(-8)}@example.com`,
      name: `Mixed ${i}`,
      title: null,
      team: null,
      location: null,
      time_zone: 'UTC',
      manager_id: null,
      role: 'member',
      created_at: at(now - 90 * DAY),
      updated_at: at(now - 90 * DAY),
    });
    tokens.push({
      id: newId(),
      person_id: id,
      name: 'bench:mixed',
      token_hash: hashSecret(secret),
      hint: secret.slice(-4),
      created_at: at(now - 90 * DAY),
      last_used_at: null,
      revoked_at: null,
    });
  }
  const hostIds = people.slice(PEOPLE).map((p) => p.id);

  const workshops: Fixture['workshops'] = [];
  const hosts: Fixture['hosts'] = [];
  const tags: Fixture['tags'] = [];
  for (let i = 0; i < WORKSHOPS; i++) {
    const id = newId();
    const topic = TOPICS[i % TOPICS.length] as string;
    const other = pick(TOPICS);
    const title = `${pick(OPENERS)} ${topic} ${random() < 0.4 ? `and ${other} ` : ''}${pick(ENDINGS)}`;
    const host = hostIds[i % hostIds.length] as string;
    workshops.push({
      id,
      title,
      summary: `What ${topic} means for your team, with examples from ${other}.`,
      description: `We look at ${topic} together: ${pick(TOPICS)}, ${pick(TOPICS)} and ${other}, with time for questions.`,
      audience: null,
      objectives: '[]',
      prerequisites: null,
      format: pick(FORMATS),
      duration_minutes: 60,
      materials: '[]',
      status: 'published',
      created_by: host,
      created_at: at(now - 60 * DAY),
      updated_at: at(now - 30 * DAY),
      published_at: at(now - 30 * DAY),
      is_series: 0,
      language: 'en',
      popularity: 0,
    });
    hosts.push({ workshop_id: id, person_id: host, role: 'owner', added_at: at(now - 60 * DAY) });
    for (const tag of new Set([TAGS[i % TAGS.length] as string, pick(TAGS), pick(TAGS)].slice(0, 1 + Math.floor(random() * 3)))) {
      tags.push({ workshop_id: id, tag });
    }
  }

  const sessions: Fixture['sessions'] = [];
  for (let i = 0; i < SESSIONS; i++) {
    const workshop = workshops[i % WORKSHOPS] as Fixture['workshops'][number];
    const mode = random() < 0.15 ? 'hybrid' : random() < 0.45 ? 'online' : 'in_person';
    const startsAt = Math.ceil((now + (2 + random() * 58) * DAY) / 3_600_000) * 3_600_000;
    const city = pick(CITIES);
    sessions.push({
      id: newId(),
      workshop_id: workshop.id as string,
      starts_at: at(startsAt),
      ends_at: at(startsAt + 3_600_000),
      time_zone: 'UTC',
      mode,
      location: mode === 'online' ? null : `${city} · Room ${1 + Math.floor(random() * 6)}`,
      video_url: mode === 'in_person' ? null : `https://meet.example.com/${i}`,
      // A few online talks without a limit; the rest from a small room to a hall.
      seats: mode === 'online' && random() < 0.1 ? null : pick(SEATS),
      online_seats: mode === 'hybrid' ? pick(SEATS) : null,
      registration_opens_at: null,
      registration_closes_at: null,
      check_in_code: null,
      status: 'scheduled',
      cancelled_at: null,
      created_at: at(now - 30 * DAY),
      updated_at: at(now - 30 * DAY),
    });
  }

  // Demand follows a Zipf curve over a shuffled order: a few sessions draw thousands, most a handful.
  const byDemand = shuffle(sessions.map((_, i) => i));
  const weights = byDemand.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => {
    cumulative[i] = (sum + w) / total;
    return sum + w;
  }, 0);
  const demanded = () => {
    const r = random();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < r) lo = mid + 1;
      else hi = mid;
    }
    return sessions[byDemand[lo] as number] as Fixture['sessions'][number];
  };

  const queries = queryMix(workshops);
  const workshopIds = workshops.map((w) => w.id as string);
  const jobs: Job[] = [];
  for (const person of shuffle(people.slice(0, PEOPLE).map((_, i) => i))) {
    const token = secrets[person] as string;
    const session = demanded();
    const viewed = (jobs.length / 3) % 3;
    jobs.push({ kind: 'search', path: queries[(jobs.length / 3) % queries.length] as string, token });
    jobs.push(
      viewed === 0
        ? { kind: 'workshop', path: `/api/v1/workshops/${random() < 0.5 ? session.workshop_id : pick(workshopIds)}`, token }
        : viewed === 1
          ? { kind: 'session', path: `/api/v1/sessions/${session.id}`, token }
          : { kind: 'catalog', path: `/api/v1/sessions?limit=20${random() < 0.3 ? `&tag=${pick(TAGS)}` : ''}`, token },
    );
    const mode: Pool_ | undefined = session.mode === 'hybrid' ? (random() < 0.6 ? 'in_person' : 'online') : undefined;
    jobs.push({
      kind: 'register',
      path: `/api/v1/sessions/${session.id}/registrations`,
      token,
      body: JSON.stringify(mode ? { mode } : {}),
      person: people[person]?.id as string,
      session: session.id as string,
    });
  }
  return { people, tokens, workshops, hosts, tags, sessions, jobs, queries: queries.length };
}

/**
 * At least MIX_SIZE distinct searches as people make them: topic words, the same words typed letter
 * by letter, two-word queries, tags alone and with a format, mode, free seats, a sort or a date
 * range, facets alone. In a shuffled order, so neighbours in the queue rarely ask the same thing.
 */
function queryMix(workshops: Fixture['workshops']): string[] {
  const params: Record<string, string>[] = [];
  const words = [...new Set(workshops.flatMap((w) => (w.title as string).toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  for (const word of TOPICS) for (let n = 1; n <= word.length; n++) params.push({ q: word.slice(0, n) });
  for (const word of words) params.push({ q: word });
  for (let i = 0; i < 80; i++) params.push({ q: `${TOPICS[i % TOPICS.length]} ${TOPICS[(i * 7 + 3) % TOPICS.length]}` });
  const to = new Date(Date.now() + 14 * DAY).toISOString();
  TAGS.forEach((tag, i) => {
    params.push({ tag });
    params.push({ tag, format: FORMATS[i % FORMATS.length] as string });
    params.push({ tag, mode: MODES[i % MODES.length] as string, hasSeats: 'true' });
    params.push({ tag, sort: i % 2 ? 'popular' : 'newest' });
    params.push({ tag, to });
    params.push({ q: TOPICS[i % TOPICS.length] as string, tag });
  });
  for (const format of FORMATS) for (const mode of MODES) params.push({ format, mode });
  for (const city of CITIES) for (const tag of TAGS.slice(0, 8)) params.push({ location: city, tag });
  const paths = shuffle([...new Set(params.map((p) => `/api/v1/search?${new URLSearchParams(p)}`))]);
  if (paths.length < MIX_SIZE) throw new Error(`only ${paths.length} distinct searches for the mix`);
  return paths;
}

async function insertAll(db: Kysely<Database>, f: Fixture): Promise<void> {
  const batches = async <T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await insert(rows.slice(i, i + 500));
  };
  await batches(f.people, (b) => db.insertInto('people').values(b).execute());
  await batches(f.tokens, (b) => db.insertInto('api_tokens').values(b).execute());
  await batches(f.workshops, (b) => db.insertInto('workshops').values(b).execute());
  await batches(f.hosts, (b) => db.insertInto('workshop_hosts').values(b).execute());
  await batches(f.tags, (b) => db.insertInto('workshop_tags').values(b).execute());
  await batches(f.sessions, (b) => db.insertInto('sessions').values(b).execute());
}

const emptyByKind = <T>(make: () => T) => Object.fromEntries(KINDS.map((k) => [k, make()])) as Record<Kind, T>;

/**
 * Drains `jobs` with `connections` requests in flight, spread evenly over `urls` (worker i always
 * talks to instance i mod n). `bare` sends every job to the bare route instead, as a POST.
 */
async function drive(urls: string[], jobs: Job[], connections: number, bare = false): Promise<RunResult> {
  const pools = urls.map((u) => new Pool(u, { connections: Math.ceil(connections / urls.length), pipelining: 1 }));
  const latencies = emptyByKind<number[]>(() => []);
  const codes = emptyByKind<Record<string, number>>(() => ({}));
  const answered: Answered[] = [];
  let networkErrors = 0;
  let next = 0;
  const worker = async (w: number) => {
    const pool = pools[w % pools.length] as Pool;
    for (let i = next++; i < jobs.length; i = next++) {
      const job = jobs[i] as Job;
      const post = bare || job.kind === 'register';
      const began = performance.now();
      try {
        const res = await pool.request({
          method: post ? 'POST' : 'GET',
          path: bare ? '/api/v1/sessions/x/registrations' : job.path,
          headers: post
            ? { authorization: `Bearer ${job.token}`, 'content-type': 'application/json' }
            : { authorization: `Bearer ${job.token}` },
          body: post ? (bare ? '{}' : job.body) : undefined,
          headersTimeout: 120_000,
          bodyTimeout: 120_000,
        });
        if (job.kind === 'register' && res.statusCode === 201 && !bare) {
          const body = (await res.body.json()) as { id: string; status: string };
          answered.push({ id: body.id, status: body.status, session: job.session as string, person: job.person as string });
        } else {
          await res.body.arrayBuffer();
        }
        latencies[job.kind].push(performance.now() - began);
        codes[job.kind][res.statusCode] = (codes[job.kind][res.statusCode] ?? 0) + 1;
      } catch {
        networkErrors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(pools.map((p) => p.close()));
  return { seconds, latencies, codes, networkErrors, answered };
}

/** Reads the outcome back and counts what breaks a rule; each broken rule is listed once with its count. */
async function invariants(db: Kysely<Database>, answered: Answered[]): Promise<{ violations: number; notes: string[] }> {
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'mode', 'seats', 'online_seats', 'in_person_taken', 'online_taken', 'in_person_waiting', 'online_waiting'])
    .execute();
  const rows = await db.selectFrom('registrations').select(['id', 'session_id', 'person_id', 'mode', 'status', 'position']).execute();
  const found = { overCapacity: 0, waitlistGaps: 0, counterDrift: 0, waitingBesideFreeSeat: 0, twoLive: 0, missingAnswered: 0 };
  const pools = new Map<string, { holding: number; waiting: number[] }>();
  const live = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.session_id}/${r.mode}`;
    const pool = pools.get(key) ?? { holding: 0, waiting: [] };
    if (r.status === 'enrolled' || r.status === 'offered' || r.status === 'attended') pool.holding++;
    if (r.status === 'waitlisted') pool.waiting.push(Number(r.position));
    pools.set(key, pool);
    if (r.status !== 'cancelled') live.set(`${r.session_id}/${r.person_id}`, (live.get(`${r.session_id}/${r.person_id}`) ?? 0) + 1);
  }
  for (const s of sessions) {
    for (const mode of ['in_person', 'online'] as const) {
      const pool = pools.get(`${s.id}/${mode}`) ?? { holding: 0, waiting: [] };
      const capacity = s.mode === 'hybrid' && mode === 'online' ? s.online_seats : s.seats;
      if (capacity !== null && pool.holding > capacity) found.overCapacity++;
      const places = pool.waiting.sort((a, b) => a - b);
      if (!places.every((p, i) => p === i + 1)) found.waitlistGaps++;
      const kept = Number(mode === 'in_person' ? s.in_person_taken : s.online_taken);
      const keptWaiting = Number(mode === 'in_person' ? s.in_person_waiting : s.online_waiting);
      if (kept !== pool.holding || keptWaiting !== places.length) found.counterDrift++;
      if (places.length > 0 && (capacity === null || pool.holding < capacity)) found.waitingBesideFreeSeat++;
    }
  }
  for (const n of live.values()) if (n > 1) found.twoLive++;
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const a of answered) {
    const row = byId.get(a.id);
    if (!row || row.session_id !== a.session || row.person_id !== a.person) found.missingAnswered++;
  }
  const notes = Object.entries(found)
    .filter(([, n]) => n > 0)
    .map(([rule, n]) => `${rule} ${n}`);
  // Not a broken rule by itself (a request cut off after its commit), but worth seeing.
  const unanswered = rows.length - answered.length;
  if (unanswered !== 0) notes.push(`rows without a 201 answer: ${unanswered}`);
  return { violations: Object.values(found).reduce((a, b) => a + b, 0), notes };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

interface Row {
  label: string;
  run: RunResult;
  violations?: number;
  notes?: string[];
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (values: number[]) => `${fmt(percentile(values, 50))}/${fmt(percentile(values, 99))}`;
const total = (run: RunResult) => KINDS.reduce((n, k) => n + run.latencies[k].length, 0);
const count = (run: RunResult, test: (code: number) => boolean) =>
  KINDS.reduce((n, k) => n + Object.entries(run.codes[k]).reduce((m, [code, c]) => m + (test(Number(code)) ? c : 0), 0), 0);

function printTable(rows: Row[], ceiling: RunResult): void {
  const head = [
    'configuration',
    'req/s',
    'reg/s',
    'of ceiling',
    'register p50/p99',
    'search',
    'workshop',
    'session',
    'catalog',
    '4xx',
    '5xx',
    'failed',
    'violations',
  ];
  const cells = [
    [
      'bare route (ceiling)',
      fmt(total(ceiling) / ceiling.seconds),
      '',
      '100 %',
      ms(Object.values(ceiling.latencies).flat()),
      '',
      '',
      '',
      '',
      '',
      '',
      String(ceiling.networkErrors),
      '',
    ],
    ...rows.map(({ label, run, violations }) => {
      const perSecond = total(run) / run.seconds;
      return [
        label,
        fmt(perSecond),
        fmt(run.latencies.register.length / run.seconds),
        `${((perSecond / (total(ceiling) / ceiling.seconds)) * 100).toFixed(1)} %`,
        ...KINDS.map((k) => ms(run.latencies[k])),
        String(count(run, (c) => c >= 400 && c < 500)),
        String(count(run, (c) => c >= 500)),
        String(run.networkErrors),
        String(violations ?? ''),
      ];
    }),
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i] as number) : v.padStart(widths[i] as number))).join('  ');
  console.log(`\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}`);
  for (const c of cells) console.log(line(c));
  console.log('(latencies in ms, p50/p99 per kind; failed: no HTTP answer; violations: broken data rules after the run)');
}

function describe(label: string, run: RunResult, checked: { violations: number; notes: string[] }): void {
  const outcome = run.answered.reduce<Record<string, number>>((all, a) => {
    all[a.status] = (all[a.status] ?? 0) + 1;
    return all;
  }, {});
  const codes = KINDS.map((k) => `${k} ${JSON.stringify(run.codes[k])}`).join(', ');
  console.log(`  ${label}: ${fmt(total(run))} answers in ${run.seconds.toFixed(1)} s; registered ${JSON.stringify(outcome)}`);
  console.log(`    status codes: ${codes}`);
  console.log(
    `    invariants: ${checked.violations === 0 ? 'all hold' : `${checked.violations} VIOLATED`}${checked.notes.length ? ` (${checked.notes.join('; ')})` : ''}`,
  );
}

function serve(databaseUrl: string): { kill: () => Promise<void>; url: string } {
  const p = port++;
  // BENCH_NODE_ARGS (e.g. --cpu-prof) go to each server's node, for profiling.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = start([...nodeArgs, 'bin/lyceum.js', 'serve'], {
    PORT: String(p),
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
  });
  child.stdout?.resume();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    url: `http://127.0.0.1:${p}`,
    kill: async () => {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** Page views only, a slice of the queue's per instance, untimed. */
async function warmUp(urls: string[], f: Fixture): Promise<void> {
  const views = f.jobs.filter((j) => j.kind === 'workshop' || j.kind === 'session' || j.kind === 'catalog').slice(0, WARM_UP);
  await drive(urls, Array.from({ length: urls.length }, () => views).flat(), Math.min(CONNECTIONS, 60));
}

async function measure(label: string, database: DbHandle, databaseUrl: string, instances: number, f: Fixture): Promise<Row> {
  await migrateToLatest(database.db);
  await insertAll(database.db, f);
  await analyze(database.db);
  const servers = Array.from({ length: instances }, () => serve(databaseUrl));
  const urls = servers.map((s) => s.url);
  await Promise.all(urls.map((u) => waitFor(`${u}/readyz`)));
  await warmUp(urls, f);
  const run = await drive(urls, f.jobs, CONNECTIONS);
  await Promise.all(servers.map((s) => s.kill()));
  const checked = await invariants(database.db, run.answered);
  describe(label, run, checked);
  return { label, run, violations: checked.violations, notes: checked.notes };
}

async function onSqlite(f: Fixture): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'lyceum-bench-mixed-'));
  const path = join(dir, 'lyceum.sqlite');
  const database = openDatabase({ dialect: 'sqlite', path });
  try {
    return await measure('SQLite × 1', database, `sqlite:${path}`, 1, f);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(f: Fixture, instances: number): Promise<Row | undefined> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL at ${PG_URL} not reachable (${(error as Error).message}); skipped`);
    return undefined;
  }
  const schema = `bench_mixed_${randomBytes(4).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  const url = new URL(PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const database = openDatabase({ dialect: 'postgres', url: url.toString() });
  try {
    return await measure(`PostgreSQL × ${instances}`, database, url.toString(), instances, f);
  } finally {
    await database.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

async function bareCeiling(f: Fixture): Promise<RunResult> {
  const p = port++;
  const child = start(['--import', 'tsx', 'bench/bare-server.ts', String(p)], {});
  child.stdout?.resume();
  await waitFor(`http://127.0.0.1:${p}/`);
  const url = `http://127.0.0.1:${p}`;
  await drive([url], f.jobs.slice(0, WARM_UP), CONNECTIONS, true);
  const run = await drive([url], f.jobs, CONNECTIONS, true);
  child.kill('SIGKILL');
  return run;
}

const f = fixture();
const hot = Object.entries(
  f.jobs
    .filter((j) => j.kind === 'register')
    .reduce<Record<string, number>>((all, j) => {
      all[j.session as string] = (all[j.session as string] ?? 0) + 1;
      return all;
    }, {}),
).sort(([, a], [, b]) => b - a);
console.log(
  `mixed load: ${fmt(PEOPLE)} people, each one search, one page view and one registration (${fmt(f.jobs.length)} requests); ` +
    `${fmt(SESSIONS)} sessions over ${fmt(WORKSHOPS)} workshops (${f.sessions.filter((s) => s.mode === 'hybrid').length} hybrid); ` +
    `${f.queries} distinct searches; ${CONNECTIONS} connections split across the instances`,
);
console.log(
  `  demand: busiest sessions ${hot
    .slice(0, 5)
    .map(([, n]) => n)
    .join(', ')} registrations; ${hot.filter(([, n]) => n <= 10).length + (SESSIONS - hot.length)} sessions with 10 or fewer`,
);
const ceiling = await bareCeiling(f);
const rows: Row[] = [];
if (DATABASES.includes('sqlite')) rows.push(await onSqlite(f));
if (DATABASES.includes('postgres')) {
  for (const n of [1, 3]) {
    const row = await onPostgres(f, n);
    if (row) rows.push(row);
  }
}
printTable(rows, ceiling);

const sqlite = rows.find((r) => r.label.startsWith('SQLite'));
const pg3 = rows.find((r) => r.label === 'PostgreSQL × 3');
const violations = rows.reduce((n, r) => n + (r.violations ?? 0), 0);
const fiveXx = rows.reduce((n, r) => n + count(r.run, (c) => c >= 500), 0);
const failed = rows.reduce((n, r) => n + r.run.networkErrors, 0);
const check = (ok: boolean) => (ok ? '✓' : '✗');
if (sqlite && pg3) {
  const ratio = total(pg3.run) / pg3.run.seconds / (total(sqlite.run) / sqlite.run.seconds);
  console.log(`target: PostgreSQL × 3 at least as fast as SQLite × 1 in total: ${ratio.toFixed(2)}× ${check(ratio >= 1)}`);
}
console.log(
  `target: 0 invariant violations: ${violations} ${check(violations === 0)}; 0 5xx: ${fiveXx} ${check(fiveXx === 0)}; unanswered requests: ${failed}`,
);
process.exit(violations === 0 && fiveXx === 0 && failed === 0 ? 0 : 1);
