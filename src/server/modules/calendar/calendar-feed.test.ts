import { createHash } from 'node:crypto';
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import { loadConfig } from '../../config.js';
import * as hashedFeeds from '../../db/migrations/20261127T0110_hashed_calendar_feeds.js';

let t: TestApp;
let host: TestPerson;
let learner: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  learner = await buildPerson(t.database.db, { name: 'Lee Learner' });
});
afterAll(() => t.close());

// Computed here, not with Lyceum's own helper: the test says what "a hash" means.
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The secret part of a feed address. */
const secretOf = (url: string) => /\/calendar\/([^/]+)\.ics$/.exec(new URL(url).pathname)?.[1] ?? '';

/** A new feed address of the person's, made in a browser (the only place one is made). */
const newFeedUrl = async (p: TestPerson): Promise<string> =>
  (await (await signInWithBrowser(t.app, p.email)).post('/api/v1/me/calendar')).json().url;

describe('the feed address is a secret shown once', () => {
  it('is given when made; afterwards Lyceum says only that a feed exists, when it was made and how it ends', async () => {
    const me = await signInWithBrowser(t.app, learner.email);
    expect((await me.get('/api/v1/me/calendar')).json()).toEqual({ active: false, createdAt: null, hint: null });

    const made = await me.post('/api/v1/me/calendar');
    expect(made.statusCode).toBe(201);
    const { url, createdAt, hint } = made.json();
    expect(url).toMatch(/^https?:\/\/[^/]+\/calendar\/[\w-]{32,64}\.ics$/);
    expect(hint).toBe(secretOf(url).slice(-4));

    const shown = await me.get('/api/v1/me/calendar');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ active: true, createdAt, hint });
    expect(shown.body).not.toContain(secretOf(url));
  });

  it('keeps only a hash of the address in the database', async () => {
    const url = await newFeedUrl(host);
    const secret = secretOf(url);
    const rows = await t.database.db.selectFrom('calendar_feeds').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(rows.find((r) => r.person_id === host.id)?.token_hash).toBe(sha256(secret));
    expect((await t.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(200);
  });
});

describe('who may make a feed address', () => {
  it('is a person in a browser, never an API token: the address would outlive revoking the token', async () => {
    const owner = await buildPerson(t.database.db, { name: 'Tara Token' });
    const feedRow = () => t.database.db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', owner.id).executeTakeFirst();

    const refused = await as(t.app, owner.token).post('/api/v1/me/calendar');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/API token.*browser/s) });
    expect(refused.body).not.toMatch(/\/calendar\//);
    expect(await feedRow()).toBeUndefined();

    const browser = await signInWithBrowser(t.app, owner.email);
    const created = await browser.post('/api/v1/me/calendar');
    expect(created.statusCode).toBe(201);
    const { url } = created.json();
    const made = await feedRow();
    expect(made?.token_hash).toBe(sha256(secretOf(url)));

    // Nor may a token replace the address a browser made: the calendar app keeps its feed.
    const replacing = await as(t.app, owner.token).post('/api/v1/me/calendar');
    expect(replacing.statusCode).toBe(403);
    expect(replacing.json().error.code).toBe('forbidden');
    expect(await feedRow()).toEqual(made);
    expect((await t.app.inject({ method: 'GET', url: new URL(url).pathname })).statusCode).toBe(200);
  });

  it('is the same for an admin: a role gives no token the right to make one', async () => {
    const admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
    const refused = await as(t.app, admin.token).post('/api/v1/me/calendar');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    expect((await as(t.app, admin.token).get('/api/v1/me/calendar')).json().active).toBe(false);
    expect((await (await signInWithBrowser(t.app, admin.email)).post('/api/v1/me/calendar')).statusCode).toBe(201);
  });
});

describe('logs', () => {
  it('never contain a feed address, found or not, however it is spelled', async () => {
    const lines: string[] = [];
    const logged = await buildTestApp({
      config: loadConfig({ LOG_LEVEL: 'info' }),
      database: t.database,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      await logged.ready();
      await publishedSession(t.app, host.token);
      const url = await newFeedUrl(host);
      const secret = secretOf(url);
      const path = new URL(url).pathname;
      const unknown = `cal_${'x'.repeat(43)}`;
      const madeBeforeHashing = 'Qwertyuiopasdfghjklzxcvbnm012345';
      const encoded = [...secret].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
      // A refusal also says why, by its code.
      const answers: Record<string, number | [number, string]> = {
        [path]: 200,
        [`${path}?x=1`]: 200,
        // The router decodes these into the feed route, so they serve the feed.
        [`/%63alendar/${secret}.ics`]: 200,
        [`/calendar/${secret}%2Eics`]: 200,
        [`/%63alendar/${secret}%2eics?x=1`]: 200,
        [`/calendar/${encoded}.ics`]: 200,
        // These reach no feed, yet carry the secret (or an unknown or malformed one) into the URL.
        [`/calendar/${unknown}.ics`]: [404, 'not_found'],
        [`/%63alendar/${unknown}.ics`]: [404, 'not_found'],
        [`/calendar/${madeBeforeHashing}.ics`]: [404, 'not_found'],
        [`/calendar/${secret}`]: [400, 'validation_failed'],
        [`//calendar/${secret}.ics`]: [404, 'not_found'],
        [`/calendar//${secret}.ics`]: [404, 'not_found'],
        [`/%2563alendar/${secret}.ics`]: [404, 'not_found'],
        [`/calendar%2F${secret}.ics`]: [404, 'not_found'],
        [`/CALENDAR/${madeBeforeHashing}.ics`]: [404, 'not_found'],
        [`/api/v1/nowhere?next=%2Fcalendar%2F${secret}.ics`]: [401, 'unauthenticated'],
      };
      for (const [requested, expected] of Object.entries(answers)) {
        const [status, code] = typeof expected === 'number' ? [expected] : expected;
        const res = await logged.inject({ method: 'GET', url: requested });
        expect(res.statusCode, requested).toBe(status);
        if (code) expect(res.json().error.code, requested).toBe(code);
      }

      const log = lines.join('');
      expect(log).toContain('"url":"/calendar/[redacted].ics"');
      expect(log).toContain('"url":"/calendar/[redacted].ics?x=1"');
      for (const s of [secret, unknown, madeBeforeHashing, encoded]) expect(log).not.toContain(s);
      for (const part of [secret.slice(4, 16), secret.slice(-12), madeBeforeHashing.slice(0, 12)]) expect(log).not.toContain(part);
      // Every request was logged, each with a URL.
      const urls = lines.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'incoming request');
      expect(urls).toHaveLength(Object.keys(answers).length);
    } finally {
      await logged.close();
    }
  });

  it('never contain one sent over a socket with dot segments, which no client library would normalise', async () => {
    const lines: string[] = [];
    const logged = await buildTestApp({
      config: loadConfig({ LOG_LEVEL: 'info' }),
      database: t.database,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const address = await logged.listen({ host: '127.0.0.1', port: 0 });
      const secret = secretOf(await newFeedUrl(host));
      for (const raw of [`/x/../calendar/${secret}.ics`, `/calendar/./${secret}.ics`, `/./%63alendar/${secret}.ics`]) {
        const status = await new Promise<number>((resolve, reject) => {
          const { port } = new URL(address);
          http.get({ host: '127.0.0.1', port, path: raw }, (res) => resolve(res.resume().statusCode ?? 0)).on('error', reject);
        });
        expect(status, raw).toBeGreaterThanOrEqual(200);
      }
      const log = lines.join('');
      expect(log).toContain('"url":"/calendar/[redacted].ics"');
      expect(log).not.toContain(secret.slice(4, 16));
    } finally {
      await logged.close();
    }
  });
});

describe('addresses made before hashing', () => {
  it('keep working: the migration hashes them in place', async () => {
    const database = await createTestDatabase();
    try {
      const person = await buildPerson(database.db, { name: 'Early Subscriber' });
      // The table as it was before the migration, holding an address the old code made.
      await hashedFeeds.down(database.db);
      const plain = 'Abcdefghijklmnopqrstuvwxyz012345';
      const createdAt = '2026-01-05T10:00:00.000Z';
      await sql`insert into calendar_feeds (person_id, token, created_at) values (${person.id}, ${plain}, ${createdAt})`.execute(
        database.db,
      );

      await hashedFeeds.up(database.db);

      const row = await database.db.selectFrom('calendar_feeds').selectAll().where('person_id', '=', person.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ person_id: person.id, token_hash: sha256(plain), hint: '2345', created_at: createdAt });
      const app = await buildTestApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database });
      try {
        const feed = await app.inject({ method: 'GET', url: `/calendar/${plain}.ics` });
        expect(feed.statusCode).toBe(200);
        expect(feed.body).toContain('BEGIN:VCALENDAR');
        expect((await as(app, person.token).get('/api/v1/me/calendar')).json()).toEqual({ active: true, createdAt, hint: '2345' });
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });
});
