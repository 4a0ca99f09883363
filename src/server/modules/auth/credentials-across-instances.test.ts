import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { type TwoInstances, twoInstances, within } from '../../../../test/helpers/instances.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import type { DbHandle } from '../../platform/db.js';
import { authRepository } from './auth.repository.js';

/**
 * Authentication answers valid tokens and sessions from each instance's memory (AUTH_CACHE_MS),
 * and a change — a token revoked, a person deactivated or demoted, a sign-out, plain SQL — reaches
 * every instance through change signals (LISTEN/NOTIFY on PostgreSQL) within the documented delay.
 * The cross-instance tests run with a cache lifetime of a minute and a deadline of 3 s, so only
 * the signal, never the lifetime running out, can make them pass.
 */
const SIGNAL_DEADLINE_MS = 3_000;
const LONG_CACHE = { AUTH_CACHE_MS: '60000' };

interface Browser {
  cookies: Record<string, string>;
  csrf: string;
}

async function signIn(app: FastifyInstance, email: string): Promise<Browser> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email }, remoteAddress: '10.251.0.1' });
  expect(res.statusCode).toBe(200);
  const cookie = (name: string) => res.cookies.find((c) => c.name === name)?.value ?? '';
  return { cookies: { lyceum_session: cookie('lyceum_session'), lyceum_csrf: cookie('lyceum_csrf') }, csrf: cookie('lyceum_csrf') };
}

const meWithCookie = (app: FastifyInstance, browser: Browser) => app.inject({ method: 'GET', url: '/api/v1/me', cookies: browser.cookies });
const meWithToken = (app: FastifyInstance, token: string) => as(app, token).get('/api/v1/me');

describe('authentication on one instance', () => {
  let t: TestApp;
  let alice: TestPerson;
  let admin: TestPerson;
  beforeAll(async () => {
    t = await createTestApp(LONG_CACHE);
    alice = await buildPerson(t.database.db, { name: 'Alice Archer' });
    admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  });
  afterAll(() => t.close());
  afterEach(() => vi.restoreAllMocks());

  it('reads a valid token and a session from the database once, then answers them from memory', async () => {
    const tokenReads = vi.spyOn(authRepository, 'findPersonByTokenHash');
    const sessionReads = vi.spyOn(authRepository, 'findPersonBySessionHash');
    const browser = await signIn(t.app, alice.email);
    for (let i = 0; i < 3; i++) {
      expect((await meWithToken(t.app, alice.token)).statusCode).toBe(200);
      expect((await meWithCookie(t.app, browser)).statusCode).toBe(200);
    }
    expect(tokenReads).toHaveBeenCalledTimes(1);
    expect(sessionReads).toHaveBeenCalledTimes(1);
    // A refusal is never kept: an unknown token is read again every time.
    for (let i = 0; i < 2; i++) expect((await meWithToken(t.app, 'lyc_nope')).statusCode).toBe(401);
    expect(tokenReads).toHaveBeenCalledTimes(3);
  });

  it('refuses a revoked token, an ended session and a deactivated person at once', async () => {
    const bob = await buildPerson(t.database.db, { name: 'Bob Builder' });
    const browser = await signIn(t.app, bob.email);
    const made = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      cookies: browser.cookies,
      headers: { 'x-csrf-token': browser.csrf },
      payload: { name: 'script' },
    });
    const { id, token } = made.json();
    expect((await meWithToken(t.app, token)).statusCode).toBe(200);
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${id}`,
      cookies: browser.cookies,
      headers: { 'x-csrf-token': browser.csrf },
    });
    expect(revoked.statusCode).toBe(204);
    expect((await meWithToken(t.app, token)).statusCode).toBe(401);

    expect((await meWithToken(t.app, bob.token)).statusCode).toBe(200);
    expect((await meWithCookie(t.app, browser)).statusCode).toBe(200);
    const deactivated = await as(t.app, admin.token).post(`/api/v1/admin/people/${bob.id}/deactivate`);
    expect(deactivated.statusCode).toBe(200);
    expect((await meWithToken(t.app, bob.token)).statusCode).toBe(401);
    expect((await meWithCookie(t.app, browser)).statusCode).toBe(401);

    const signedIn = await signIn(t.app, alice.email);
    expect((await meWithCookie(t.app, signedIn)).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: signedIn.cookies,
      headers: { 'x-csrf-token': signedIn.csrf },
    });
    expect((await meWithCookie(t.app, signedIn)).statusCode).toBe(401);
  });

  it('reads the database on every request with AUTH_CACHE_MS=0', async () => {
    const off = await createTestApp({ AUTH_CACHE_MS: '0' });
    try {
      const carol = await buildPerson(off.database.db, { name: 'Carol' });
      const tokenReads = vi.spyOn(authRepository, 'findPersonByTokenHash');
      for (let i = 0; i < 3; i++) expect((await meWithToken(off.app, carol.token)).statusCode).toBe(200);
      expect(tokenReads).toHaveBeenCalledTimes(3);
    } finally {
      await off.close();
    }
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('authentication on two instances of one PostgreSQL database', () => {
  let two: TwoInstances;
  let database: DbHandle & { url: string };
  let a: FastifyInstance;
  let b: FastifyInstance;
  let admin: TestPerson;
  const credentialReads = () => two.queriesOfB.filter((q) => /"(api_tokens|login_sessions)"/.test(q)).length;

  beforeAll(async () => {
    two = await twoInstances(LONG_CACHE);
    ({ database, a, b } = two);
    admin = await buildPerson(database.db, { name: 'Ada Admin', role: 'admin' });
  });
  afterAll(() => two?.close());

  it('B answers a valid token and session without reading the database once it has read them', async () => {
    const dan = await buildPerson(database.db, { name: 'Dan' });
    const browser = await signIn(a, dan.email);
    expect((await meWithToken(b, dan.token)).statusCode).toBe(200);
    expect((await meWithCookie(b, browser)).statusCode).toBe(200);
    const before = credentialReads();
    expect(before).toBeGreaterThanOrEqual(2);
    for (let i = 0; i < 5; i++) {
      expect((await meWithToken(b, dan.token)).json().name).toBe('Dan');
      expect((await meWithCookie(b, browser)).statusCode).toBe(200);
    }
    expect(credentialReads()).toBe(before);
  });

  it("B answers a calendar app's conditional request from memory; a change or a new address made on A reaches it within the signal delay", async () => {
    const cal = await buildPerson(database.db, { name: 'Cal' });
    const browser = await signIn(a, cal.email);
    const makeFeed = async () =>
      new URL(
        (
          await a.inject({
            method: 'POST',
            url: '/api/v1/me/calendar',
            cookies: browser.cookies,
            headers: { 'x-csrf-token': browser.csrf },
          })
        ).json().url,
      ).pathname;
    const path = await makeFeed();
    const ask = (at: string, etag?: string) => b.inject({ method: 'GET', url: at, headers: etag ? { 'if-none-match': etag } : {} });
    const etag = (await ask(path)).headers.etag as string;
    expect((await ask(path, etag)).statusCode).toBe(304);
    const feedReads = () => two.queriesOfB.filter((q) => /"calendar_feeds"/.test(q)).length;
    const before = feedReads();
    for (let i = 0; i < 5; i++) expect((await ask(path, etag)).statusCode).toBe(304);
    expect(feedReads()).toBe(before);

    // A seat taken on A (a trigger logs it, another tells every instance): B answers the new feed.
    const sessionId = await publishedSession(a, admin.token);
    expect((await as(a, cal.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).statusCode).toBe(201);
    await within(SIGNAL_DEADLINE_MS, async () => (await ask(path, etag)).statusCode === 200);

    // A new address made on A: the old one is unknown on B.
    await makeFeed();
    await within(SIGNAL_DEADLINE_MS, async () => (await ask(path)).statusCode === 404);
  });

  it('a token revoked on A is refused by B within the signal delay', async () => {
    const erin = await buildPerson(database.db, { name: 'Erin' });
    const browser = await signIn(a, erin.email);
    const { id, token } = (
      await a.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        cookies: browser.cookies,
        headers: { 'x-csrf-token': browser.csrf },
        payload: { name: 'script' },
      })
    ).json();
    expect((await meWithToken(b, token)).statusCode).toBe(200);
    expect((await meWithToken(b, token)).statusCode).toBe(200);
    const revoked = await a.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${id}`,
      cookies: browser.cookies,
      headers: { 'x-csrf-token': browser.csrf },
    });
    expect(revoked.statusCode).toBe(204);
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithToken(b, token)).statusCode === 401);
    // Erin's other token still works: only what changed is refused.
    expect((await meWithToken(b, erin.token)).statusCode).toBe(200);
  });

  it('a person deactivated on A is refused by B, token and session, within the signal delay', async () => {
    const finn = await buildPerson(database.db, { name: 'Finn' });
    const browser = await signIn(a, finn.email);
    expect((await meWithToken(b, finn.token)).statusCode).toBe(200);
    expect((await meWithCookie(b, browser)).statusCode).toBe(200);
    expect((await as(a, admin.token).post(`/api/v1/admin/people/${finn.id}/deactivate`)).statusCode).toBe(200);
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithToken(b, finn.token)).statusCode === 401);
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithCookie(b, browser)).statusCode === 401);
  });

  it('an admin made a member on A loses admin rights on B; a sign-out on A ends the session on B', async () => {
    const gil = await buildPerson(database.db, { name: 'Gil', role: 'admin' });
    const browser = await signIn(a, gil.email);
    expect((await as(b, gil.token).get('/api/v1/admin/people')).statusCode).toBe(200);
    expect((await meWithCookie(b, browser)).statusCode).toBe(200);
    expect((await as(a, admin.token).patch(`/api/v1/admin/people/${gil.id}`, { role: 'member' })).statusCode).toBe(200);
    await within(SIGNAL_DEADLINE_MS, async () => (await as(b, gil.token).get('/api/v1/admin/people')).statusCode === 403);

    await a.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies: browser.cookies, headers: { 'x-csrf-token': browser.csrf } });
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithCookie(b, browser)).statusCode === 401);
  });

  it('a token revoked with plain SQL (no service involved) is refused on both within the signal delay: the trigger tells them', async () => {
    const hal = await buildPerson(database.db, { name: 'Hal' });
    expect((await meWithToken(a, hal.token)).statusCode).toBe(200);
    expect((await meWithToken(b, hal.token)).statusCode).toBe(200);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('update api_tokens set revoked_at = now() where person_id = $1', [hal.id]);
    } finally {
      await client.end();
    }
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithToken(a, hal.token)).statusCode === 401);
    await within(SIGNAL_DEADLINE_MS, async () => (await meWithToken(b, hal.token)).statusCode === 401);
  });

  it('B starts afresh after its listening connection was lost (notifications may have been missed meanwhile)', async () => {
    const ivy = await buildPerson(database.db, { name: 'Ivy' });
    expect((await meWithToken(b, ivy.token)).statusCode).toBe(200);
    const signals = b.lyceum.container.signals;
    const pid = signals.status().pid;
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await within(10_000, async () => signals.status().listening && signals.status().pid !== pid);
    const before = credentialReads();
    expect((await meWithToken(b, ivy.token)).statusCode).toBe(200);
    expect(credentialReads()).toBe(before + 1);
  });
});
