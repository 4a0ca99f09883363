import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { workshopBody } from '../../../../test/helpers/factories.js';
import { loadConfig } from '../../config.js';

const { t, alice, bob } = testAppWithPeople({ alice: { name: 'Alice Archer' }, bob: { name: 'Bob Builder' } });

function signIn(app: FastifyInstance, email: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email }, headers });
}

/** Signs in and returns a client that sends the session cookie, and the CSRF header when asked. */
async function browser(email: string) {
  const res = await signIn(t.app, email);
  expect(res.statusCode).toBe(200);
  const session = res.cookies.find((c) => c.name === 'lyceum_session');
  const csrf = res.cookies.find((c) => c.name === 'lyceum_csrf');
  const cookies = { lyceum_session: session?.value ?? '', lyceum_csrf: csrf?.value ?? '' };
  const send = (method: 'GET' | 'POST', url: string, opts: { csrf?: string; body?: object } = {}) =>
    t.app.inject({
      method,
      url,
      cookies,
      ...(opts.csrf !== undefined ? { headers: { 'x-csrf-token': opts.csrf } } : {}),
      ...(opts.body ? { payload: opts.body } : {}),
    });
  return { res, session, csrf, send };
}

describe('signing in with a browser (demo mode)', () => {
  it('sets an httpOnly SameSite=Lax session cookie and a CSRF cookie the page can read', async () => {
    const { res, session, csrf, send } = await browser(alice.email.toUpperCase());
    expect(res.json()).toMatchObject({ id: alice.id, email: alice.email });
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).toBeTruthy();
    expect(csrf?.httpOnly).not.toBe(true);
    expect(csrf).toMatchObject({ sameSite: 'Lax', path: '/' });

    const me = await send('GET', '/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(alice.id);
  });

  it('refuses a change without the CSRF token, and creates nothing', async () => {
    const { csrf, send } = await browser(bob.email);
    const title = `Forged by a third-party page ${Date.now()}`;
    for (const token of [undefined, 'csrf_wrong', '']) {
      const res = await send('POST', '/api/v1/workshops', { csrf: token, body: workshopBody({ title }) });
      expectError(res, 403, 'csrf_failed');
    }
    const mine = (await as(t.app, bob.token).get(`/api/v1/workshops?hostId=${bob.id}`)).json();
    expect(mine.items).toEqual([]);

    const ok = await send('POST', '/api/v1/workshops', { csrf: csrf?.value, body: workshopBody({ title }) });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().title).toBe(title);
  });

  it('signs out: the old cookie no longer works', async () => {
    const { csrf, send } = await browser(alice.email);
    const out = await send('POST', '/api/v1/auth/sign-out', { csrf: csrf?.value });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'lyceum_session');
    expect(cleared?.value).toBe('');

    const after = await send('GET', '/api/v1/me');
    expectError(after, 401, 'unauthenticated');
  });

  it('refuses to sign out without the CSRF token (403 csrf_failed), and the session stays', async () => {
    const { csrf, send } = await browser(alice.email);
    const refused = await send('POST', '/api/v1/auth/sign-out');
    expectError(refused, 403, 'csrf_failed');
    expect((await send('GET', '/api/v1/me')).statusCode).toBe(200);
    expect((await send('POST', '/api/v1/auth/sign-out', { csrf: csrf?.value })).statusCode).toBe(204);
  });

  it('rejects an email that is not in the directory with 400', async () => {
    const res = await signIn(t.app, 'nobody@example.com');
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details[0].field).toBe('email');
    expect(res.cookies).toEqual([]);
  });

  it('lists the accounts one may sign in as, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/auth/dev/accounts?q=${encodeURIComponent(bob.email)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: bob.id, email: bob.email, name: 'Bob Builder', title: 'Software Engineer', team: 'Platform', role: 'member' },
    ]);
  });
});

/** A second app instance on the same database: its own rate-limit counters, the same people. */
async function freshApp(): Promise<FastifyInstance> {
  const app = await buildTestApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.database });
  await app.ready();
  return app;
}

/** "429 rate_limited": a refusal's status and error code in one string, to compare many at once. */
const statusAndCode = (res: LightMyRequestResponse) => `${res.statusCode} ${res.json().error?.code}`;

describe('sign-in rate limit', () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await freshApp();
  });
  afterAll(() => limited.close());

  it('answers 429 rate_limited after about 20 attempts in a minute', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 25; i++) answers.push(statusAndCode(await signIn(limited, `guess${i}@example.com`)));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill('400 validation_failed'));
    expect(answers.slice(20)).toEqual(Array(5).fill('429 rate_limited'));
    const res = await signIn(limited, 'one-more@example.com');
    expectError(res, 429, 'rate_limited');
    expect(res.json().error).toMatchObject({ code: 'rate_limited', requestId: expect.any(String) });
  });

  it('cannot be dodged by sending a made-up X-Forwarded-For header', async () => {
    const own = await freshApp();
    try {
      const answers: string[] = [];
      for (let i = 0; i < 25; i++) {
        answers.push(statusAndCode(await signIn(own, `guess${i}@example.com`, { 'x-forwarded-for': `203.0.113.${i + 1}` })));
      }
      expect(answers).toContain('429 rate_limited');
    } finally {
      await own.close();
    }
  });
});
