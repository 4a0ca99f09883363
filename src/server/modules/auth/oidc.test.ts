import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { oidcBrowser, type ProviderMisbehaviour, startTestProvider, type TestProvider } from '../../../../test/helpers/oidc-provider.js';
import { loadConfig } from '../../config.js';

/**
 * Single sign-on against a real OpenID Connect provider (oidc-provider, on 127.0.0.1): the app is
 * driven through app.inject, the provider over HTTP, as a browser would go back and forth.
 */
const PUBLIC_URL = 'http://lyceum.test';
let provider: TestProvider;
let t: TestApp;

function oidcEnv(p: TestProvider, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_MODE: 'oidc',
    PUBLIC_URL,
    OIDC_ISSUER: p.issuer,
    OIDC_CLIENT_ID: p.clientId,
    OIDC_CLIENT_SECRET: p.clientSecret,
    OIDC_ADMIN_GROUPS: 'lyceum-admins, education-team',
    OIDC_TITLE_CLAIM: 'title',
    OIDC_TEAM_CLAIM: 'team',
    OIDC_PROVIDER_NAME: 'Example SSO',
    // The test provider is on loopback, which Lyceum's outbound requests refuse unless allowed.
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8',
    ...overrides,
  };
}

beforeAll(async () => {
  provider = await startTestProvider(PUBLIC_URL);
  t = await createTestApp(oidcEnv(provider));
});
afterAll(async () => {
  await t?.close();
  await provider?.close();
});

let accounts = 0;
/** An account at the provider; returns its login. */
function account(claims: Record<string, unknown>): string {
  const login = `account-${++accounts}`;
  provider.accounts.set(login, claims);
  return login;
}

const me = (session: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { lyceum_session: session } });
const signInPageError = (location: unknown) => new URL(String(location), PUBLIC_URL).searchParams.get('error');
const audit = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();

describe('signing in through OpenID Connect', () => {
  it('tells the sign-in page to show "Sign in with …" and where it goes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.json()).toEqual({
      mode: 'oidc',
      authMode: 'oidc',
      signInLabel: 'Sign in with Example SSO',
      signInUrl: '/api/v1/auth/oidc/start',
    });
  });

  it('sends the browser to the provider with the code flow, PKCE S256, state and nonce', async () => {
    const res = await oidcBrowser(t.app, PUBLIC_URL).start('/workshops');
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(to.origin).toBe(provider.issuer);
    const q = to.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    expect(q.get('client_id')).toBe(provider.clientId);
    expect(q.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
    expect(q.get('scope')?.split(' ').sort()).toEqual(['email', 'openid', 'profile']);
    const cookie = res.cookies.find((c) => c.name === 'lyceum_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc/callback' });
    // Sealed: neither the PKCE verifier nor the page to return to can be read from it.
    expect(cookie?.value).not.toContain('workshops');
  });

  it('adds a new person on their first sign-in (JIT) and lands on the page asked for', async () => {
    const email = `jit.${Date.now()}@example.com`;
    const login = account({ email, email_verified: true, name: 'Jun Newcomer', title: 'Analyst', team: 'Finance' });
    const { callback, session, csrf } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login, '/workshops?tag=sql');
    expect(callback.statusCode).toBe(302);
    expect(callback.headers.location).toBe('/workshops?tag=sql');
    expect(callback.cookies.find((c) => c.name === 'lyceum_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf).toBeTruthy();
    const person = (await me(session)).json();
    expect(person).toMatchObject({ email, name: 'Jun Newcomer', title: 'Analyst', team: 'Finance', role: 'member' });
    const [entry] = (await audit('sign_in.succeeded')).filter((e) => e.actor_id === person.id);
    expect(entry).toMatchObject({ ip: expect.any(String), request_id: expect.any(String) });
  });

  it('links an existing person by email and updates their name, title and team from the claims', async () => {
    const existing = await buildPerson(t.database.db, { name: 'Old Name', team: 'Old Team' });
    const login = account({ email: existing.email.toUpperCase(), email_verified: true, name: 'New Name', title: 'Lead', team: 'New Team' });
    const { session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    const person = (await me(session)).json();
    expect(person).toMatchObject({ id: existing.id, name: 'New Name', title: 'Lead', team: 'New Team' });
    const count = await t.database.db.selectFrom('people').select('id').where('email', '=', existing.email).execute();
    expect(count).toHaveLength(1);
  });

  it('makes members of an admin group admins, and takes it back when they leave the group', async () => {
    const email = `group.${Date.now()}@example.com`;
    const login = account({ email, email_verified: true, name: 'Gail Group', groups: ['staff', 'education-team'] });
    const first = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    expect((await me(first.session)).json().role).toBe('admin');
    const row = await t.database.db.selectFrom('people').select(['role', 'role_source']).where('email', '=', email).executeTakeFirst();
    expect(row).toEqual({ role: 'admin', role_source: 'directory' });

    provider.accounts.set(login, { email, email_verified: true, name: 'Gail Group', groups: ['staff'] });
    const later = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    expect((await me(later.session)).json().role).toBe('member');
    const person = (await me(later.session)).json();
    const created = (await audit('person.created')).find((e) => e.target_id === person.id);
    expect(JSON.parse(created?.details ?? '{}')).toMatchObject({ role: 'admin' });
    const changed = (await audit('person.role_changed')).filter((e) => e.target_id === person.id);
    expect(changed.map((e) => JSON.parse(e.details ?? '{}'))).toEqual([{ from: 'admin', to: 'member', source: 'directory' }]);
  });

  it('leaves an admin made by hand an admin outside the admin groups', async () => {
    const manual = await buildPerson(t.database.db, { name: 'Manny Manual', role: 'admin' });
    const login = account({ email: manual.email, email_verified: true, name: 'Manny Manual', groups: [] });
    const { session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    expect((await me(session)).json()).toMatchObject({ id: manual.id, role: 'admin' });
  });

  it.each([
    ['no email claim', { name: 'No Mail', email_verified: true }, 'email_missing'],
    ['an unverified email', { email: 'unverified@example.com', email_verified: false, name: 'Una Verified' }, 'email_unverified'],
  ])('refuses %s with a clear sign-in page, no session and no person', async (_case, claims, code) => {
    const { callback, session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(account(claims));
    expect(callback.statusCode).toBe(302);
    expect(signInPageError(callback.headers.location)).toBe(code);
    expect(session).toBe('');
    expect(await t.database.db.selectFrom('people').select('id').where('name', '=', claims.name).execute()).toEqual([]);
    expect((await audit('sign_in.failed')).map((e) => JSON.parse(e.details ?? '{}').code)).toContain(code);
  });

  it('refuses a deactivated person', async () => {
    const leaver = await buildPerson(t.database.db, { name: 'Lee Leaver' });
    await t.database.db.updateTable('people').set({ active: 0 }).where('id', '=', leaver.id).execute();
    const { callback, session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(account({ email: leaver.email, email_verified: true }));
    expect(signInPageError(callback.headers.location)).toBe('account_inactive');
    expect(session).toBe('');
    const failed = (await audit('sign_in.failed')).find((e) => e.actor_label === leaver.email);
    expect(failed).toMatchObject({ ip: expect.any(String), request_id: expect.any(String) });
  });

  it('refuses to link an existing person through an unverified email, and changes nothing of theirs', async () => {
    const existing = await buildPerson(t.database.db, { name: 'Vera Verified', team: 'Payments' });
    const login = account({ email: existing.email, email_verified: false, name: 'Someone Else', team: 'Elsewhere' });
    const { callback, session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    expect(signInPageError(callback.headers.location)).toBe('email_unverified');
    expect(session).toBe('');
    const row = await t.database.db.selectFrom('people').select(['name', 'team']).where('id', '=', existing.id).executeTakeFirst();
    expect(row).toEqual({ name: 'Vera Verified', team: 'Payments' });
    const failed = (await audit('sign_in.failed')).find((e) => e.actor_label === existing.email);
    expect(JSON.parse(failed?.details ?? '{}')).toEqual({ method: 'oidc', code: 'email_unverified' });
  });

  it('sends a person who cancels at the provider (error=access_denied) to the sign-in page with oidc_denied', async () => {
    const browser = oidcBrowser(t.app, PUBLIC_URL);
    const started = await browser.start('/workshops');
    const state = started.cookies.find((c) => c.name === 'lyceum_oidc')?.value;
    const login = account({ email: `cancel.${Date.now()}@example.com`, email_verified: true, name: 'Cass Cancel' });
    const back = await browser.loginAtProvider(String(started.headers.location), login, { cancel: true });
    expect(new URL(back, PUBLIC_URL).searchParams.get('error')).toBe('access_denied');
    const res = await browser.callback(back, state);
    expect(res.statusCode).toBe(302);
    expect(signInPageError(res.headers.location)).toBe('oidc_denied');
    expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
    expect(await t.database.db.selectFrom('people').select('id').where('name', '=', 'Cass Cancel').execute()).toEqual([]);
  });

  it('refuses a replayed callback (same code and state), even with its cookie', async () => {
    const browser = oidcBrowser(t.app, PUBLIC_URL);
    const started = await browser.start();
    const state = started.cookies.find((c) => c.name === 'lyceum_oidc')?.value;
    const login = account({ email: `replay.${Date.now()}@example.com`, email_verified: true, name: 'Rita Replay' });
    const back = await browser.loginAtProvider(String(started.headers.location), login);
    const first = await browser.callback(back, state);
    expect(first.cookies.map((c) => c.name)).toContain('lyceum_session');
    const again = await browser.callback(back, state);
    expect(signInPageError(again.headers.location)).toBe('oidc_failed');
    expect(again.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
  });

  it("refuses a callback whose state is not the browser's own (login CSRF) and one without the cookie", async () => {
    const victim = oidcBrowser(t.app, PUBLIC_URL);
    const victimStart = await victim.start();
    const attacker = oidcBrowser(t.app, PUBLIC_URL);
    const attackerStart = await attacker.start();
    const login = account({ email: `csrf.${Date.now()}@example.com`, email_verified: true, name: 'Mal Attacker' });
    const attackersCallback = await attacker.loginAtProvider(String(attackerStart.headers.location), login);
    const victimCookie = victimStart.cookies.find((c) => c.name === 'lyceum_oidc')?.value;
    for (const cookie of [victimCookie, undefined, 'forged.cookie.value']) {
      const res = await victim.callback(attackersCallback, cookie);
      expect(res.statusCode).toBe(302);
      expect(signInPageError(res.headers.location)).toBe('oidc_failed');
      expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
      expect(res.body).not.toMatch(/at .*\.js/);
    }
  });

  it('keeps `next` to same-site paths', async () => {
    const login = account({ email: `next.${Date.now()}@example.com`, email_verified: true, name: 'Nick Next' });
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { callback } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login, next);
      expect(callback.headers.location, next).toBe('/');
    }
  });

  it('answers 404 to the demo sign-in routes', async () => {
    const person = await buildPerson(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: person.email } });
    expect(res.statusCode).toBe(404);
    expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/dev/accounts' })).statusCode).toBe(404);
  });

  it('signs out of Lyceum and then of the provider (RP-initiated logout, naming the ID token of the sign-in)', async () => {
    const login = account({ email: `bye.${Date.now()}@example.com`, email_verified: true, name: 'Bea Bye' });
    const browser = oidcBrowser(t.app, PUBLIC_URL);
    const { session, csrf } = await browser.signIn(login);
    // Kept with the session, sealed: a copy of the database does not hold the token itself.
    const personId = (await me(session)).json().id;
    const sessions = () => t.database.db.selectFrom('login_sessions').select('id_token').where('person_id', '=', personId).execute();
    const [kept] = await sessions();
    expect(kept?.id_token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(kept?.id_token?.startsWith('eyJ')).toBe(false);
    // Signed in at the provider too: going there again asks nothing.
    expect(await browser.promptAtProvider(String((await browser.start()).headers.location))).toBe('nothing');
    const signOut = (cookies: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', cookies, headers: { 'x-csrf-token': csrf } });
    const res = await signOut({ lyceum_session: session, lyceum_csrf: csrf });
    expect(res.statusCode).toBe(200);
    const to = new URL(res.json().redirectTo);
    expect(`${to.origin}${to.pathname}`).toBe(`${provider.issuer}/session/end`);
    expect(to.searchParams.get('client_id')).toBe(provider.clientId);
    expect(to.searchParams.get('post_logout_redirect_uri')).toBe(`${PUBLIC_URL}/sign-in`);
    // The ID token of this sign-in: a JWT for Lyceum, naming the person who signs out.
    const hint = to.searchParams.get('id_token_hint') ?? '';
    const payload = JSON.parse(Buffer.from(hint.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(payload).toMatchObject({ iss: provider.issuer, aud: provider.clientId, sub: login });
    expectError(await me(session), 401, 'unauthenticated');
    expect(kept?.id_token).not.toContain(hint.split('.')[1]);
    // Gone with the session.
    expect(await sessions()).toEqual([]);

    // The provider's own end-session endpoint takes it: after "Yes, sign me out" it sends the browser back to Lyceum…
    expect(await browser.signOutAtProvider(to.href)).toMatch(new RegExp(`^${PUBLIC_URL}/sign-in`));
    // …and the provider's session is over: the next sign-in asks for the login again.
    expect(await browser.promptAtProvider(String((await browser.start()).headers.location))).toBe('login');

    // Signing out without a session still ends at the provider, asked by client id alone.
    const anonymous = await signOut({});
    expect(new URL(anonymous.json().redirectTo).searchParams.get('id_token_hint')).toBeNull();
  });

  it('never writes the ID token in the log', async () => {
    const lines: string[] = [];
    const login = account({ email: `quiet.${Date.now()}@example.com`, email_verified: true, name: 'Quinn Quiet' });
    const database = await createTestDatabase();
    const config = loadConfig({
      DATABASE_URL: database.url.startsWith('sqlite') ? 'sqlite::memory:' : database.url,
      ...oidcEnv(provider),
      LOG_LEVEL: 'trace',
    });
    const app = await buildTestApp({ config, database, logStream: { write: (line: string) => lines.push(line) } });
    const logged = { app, close: () => app.close().then(() => database.close()) };
    try {
      const { session, csrf } = await oidcBrowser(logged.app, PUBLIC_URL).signIn(login);
      const res = await logged.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-out',
        cookies: { lyceum_session: session, lyceum_csrf: csrf },
        headers: { 'x-csrf-token': csrf },
      });
      const hint = new URL(res.json().redirectTo).searchParams.get('id_token_hint') ?? '';
      expect(hint.length).toBeGreaterThan(100);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.filter((l) => l.includes(hint.split('.')[2] ?? hint))).toEqual([]);
    } finally {
      await logged.close();
    }
  });

  it('answers the same to everyone, signed in or not: the routes are public', async () => {
    const admin = await buildPerson(t.database.db, { role: 'admin' });
    const member = await buildPerson(t.database.db);
    for (const token of [null, member.token, admin.token]) {
      expect((await as(t.app, token).get('/api/v1/auth/config')).json().mode).toBe('oidc');
      const started = await as(t.app, token).get('/api/v1/auth/oidc/start');
      expect(started.statusCode).toBe(302);
      expect(String(started.headers.location)).toMatch(new RegExp(`^${provider.issuer}/`));
    }
  });
});

describe('a provider whose answer is wrong', () => {
  afterEach(() => {
    for (const key of Object.keys(provider.misbehave)) delete provider.misbehave[key as keyof ProviderMisbehaviour];
  });

  it.each<[string, ProviderMisbehaviour, string, RegExp]>([
    ['an ID token signed by another key (bad signature)', { foreignKey: true }, 'oidc_failed', /signature/i],
    ['an expired ID token', { clockBehindSeconds: 3 * 3600 }, 'oidc_failed', /"exp"|expir/i],
    ['an ID token from another issuer', { wrongIssuer: 'https://impostor.example.com' }, 'oidc_failed', /"iss"|issuer/i],
    ['an ID token with another nonce', { nonce: 'not-the-nonce-lyceum-sent' }, 'oidc_failed', /nonce/i],
    ['a failing token endpoint (503)', { tokenStatus: 503 }, 'oidc_unavailable', /503|status/i],
  ])('refuses %s: the sign-in page says why, no session, no person, no stack trace', async (_case, misbehaviour, code, reason) => {
    Object.assign(provider.misbehave, misbehaviour);
    const name = `Refused ${accounts + 1}`;
    const email = `refused.${accounts + 1}.${Date.now()}@example.com`;
    const { callback, session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(account({ email, email_verified: true, name }), '/workshops');
    expect(callback.statusCode).toBe(302);
    expect(signInPageError(callback.headers.location)).toBe(code);
    expect(new URL(String(callback.headers.location), PUBLIC_URL).pathname).toBe('/sign-in');
    expect(callback.body).toBe('');
    expect(session).toBe('');
    expect(await t.database.db.selectFrom('people').select('id').where('email', '=', email).execute()).toEqual([]);
    const failed = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sign_in.failed')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    expect(JSON.parse(failed?.details ?? '{}')).toEqual({ method: 'oidc', code });
    expect(failed?.summary).toMatch(reason);
  });

  it('signs in again once the provider behaves', async () => {
    const login = account({ email: `again.${Date.now()}@example.com`, email_verified: true, name: 'Andy Again' });
    const { session } = await oidcBrowser(t.app, PUBLIC_URL).signIn(login);
    expect((await me(session)).json().name).toBe('Andy Again');
  });
});

describe('a client secret the provider does not know', () => {
  let misconfigured: TestApp;
  beforeAll(async () => {
    misconfigured = await createTestApp(oidcEnv(provider, { OIDC_CLIENT_SECRET: 'a-secret-the-provider-never-issued-0123456789' }));
  });
  afterAll(() => misconfigured?.close());

  it('ends on the sign-in page as unavailable, and the audit log says which settings to check', async () => {
    const login = account({ email: `secret.${Date.now()}@example.com`, email_verified: true, name: 'Sam Secret' });
    const { callback, session } = await oidcBrowser(misconfigured.app, PUBLIC_URL).signIn(login);
    expect(signInPageError(callback.headers.location)).toBe('oidc_unavailable');
    expect(session).toBe('');
    const [failed] = await misconfigured.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign_in.failed').execute();
    expect(failed?.summary).toMatch(/invalid_client.*check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(failed?.summary).not.toContain('a-secret-the-provider-never-issued');
  });
});

describe('a provider that is not the configured issuer', () => {
  let impostor: Server;
  let wrong: TestApp;
  beforeAll(async () => {
    // Serves the real provider's metadata (which names the real issuer) from another address.
    const metadata = await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).text();
    impostor = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(metadata));
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
    wrong = await createTestApp(oidcEnv(provider, { OIDC_ISSUER: issuer }));
  });
  afterAll(async () => {
    await wrong?.close();
    await new Promise((resolve) => impostor?.close(resolve));
  });

  it('is refused at discovery: the sign-in page says the provider is unavailable, never a stack trace', async () => {
    const res = await wrong.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect(res.statusCode).toBe(302);
    expect(signInPageError(res.headers.location)).toBe('oidc_unavailable');
    const [entry] = await wrong.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'sign_in.failed').execute();
    expect(entry?.summary).toMatch(/could not be used/);
  });
});

describe('demo mode', () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
  });
  afterAll(() => dev?.close());

  it('says so, and answers 404 to the single sign-on routes', async () => {
    expect((await dev.app.inject({ method: 'GET', url: '/api/v1/auth/config' })).json()).toEqual({
      mode: 'dev',
      authMode: 'dev',
      signInLabel: null,
      signInUrl: null,
    });
    for (const url of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
      expectError(await dev.app.inject({ method: 'GET', url }), 404, 'not_found');
    }
  });
});
