import type { FastifyInstance } from 'fastify';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { samlBrowser, startTestIdp, type TestIdp, type Tweak } from '../../../../test/helpers/saml-idp.js';
import { loadConfig } from '../../config.js';

/**
 * Single sign-on against a real SAML identity provider (samlify, on 127.0.0.1): Lyceum is driven
 * through app.inject, the provider over HTTP, as a browser goes back and forth.
 */
const PUBLIC_URL = 'http://lyceum.test';
const ACS_URL = `${PUBLIC_URL}/api/v1/auth/saml/acs`;
const ENTITY_ID = `${PUBLIC_URL}/api/v1/auth/saml/metadata`;
let idp: TestIdp;
let t: TestApp;

function samlEnv(p: TestIdp, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AUTH_MODE: 'saml',
    PUBLIC_URL,
    SAML_IDP_SSO_URL: p.ssoUrl,
    SAML_IDP_ISSUER: p.entityId,
    SAML_IDP_CERT: p.cert,
    SAML_ADMIN_GROUPS: 'lyceum-admins, education-team',
    SAML_PROVIDER_NAME: 'Example SAML',
    ...overrides,
  };
}

beforeAll(async () => {
  idp = await startTestIdp();
  t = await createTestApp(samlEnv(idp));
  idp.trust((await t.app.inject({ method: 'GET', url: '/api/v1/auth/saml/metadata' })).body);
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const browser = () => samlBrowser(t.app, PUBLIC_URL, idp);
const me = (session: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { lyceum_session: session } });
const signInPageError = (location: unknown) => new URL(String(location), PUBLIC_URL).searchParams.get('error');
const audit = (action: string) => t.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).execute();
let people = 0;
const newEmail = (what: string) => `${what}.${++people}.${Date.now()}@example.com`;

describe('signing in through SAML', () => {
  it('tells the sign-in page to show "Sign in with …" and where it goes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/config' });
    expect(res.json()).toEqual({
      mode: 'saml',
      authMode: 'saml',
      signInLabel: 'Sign in with Example SAML',
      signInUrl: '/api/v1/auth/saml/start',
    });
  });

  it('publishes service provider metadata the identity provider can read: entity id, ACS URL, NameID email, signed assertions', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/saml/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/samlmetadata\+xml/);
    const samlify = await import('samlify');
    const sp = samlify.ServiceProvider({ metadata: res.body });
    expect(sp.entityMeta.getEntityID()).toBe(ENTITY_ID);
    expect(sp.entityMeta.getAssertionConsumerService('post')).toBe(ACS_URL);
    expect(sp.entityMeta.isWantAssertionsSigned()).toBe(true);
    expect(res.body).toContain('<NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>');
  });

  it('sends the browser to the identity provider with an AuthnRequest it accepts, remembered in the browser', async () => {
    const res = await browser().start('/workshops');
    expect(res.statusCode).toBe(302);
    const to = new URL(String(res.headers.location));
    expect(`${to.origin}${to.pathname}`).toBe(idp.ssoUrl);
    expect(to.searchParams.get('SAMLRequest')).toBeTruthy();
    const cookie = res.cookies.find((c) => c.name === 'lyceum_saml');
    expect(cookie).toMatchObject({ httpOnly: true, path: '/api/v1/auth/saml/acs' });
    await browser().atIdp(to.href, { email: newEmail('look') });
    const request = idp.requests.at(-1);
    expect(request).toMatchObject({ id: cookie?.value, issuer: ENTITY_ID, acsUrl: ACS_URL });
  });

  it('adds a new person on their first sign-in (JIT) and lands on the page asked for', async () => {
    const email = newEmail('jit');
    const { acs, session, csrf } = await browser().signIn(
      { email, attributes: { firstName: 'Jun', lastName: 'Newcomer', title: 'Analyst', department: 'Finance' } },
      '/workshops?tag=sql',
    );
    expect(acs.statusCode, acs.body).toBe(302);
    expect(acs.headers.location).toBe('/workshops?tag=sql');
    expect(acs.cookies.find((c) => c.name === 'lyceum_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(csrf).toBeTruthy();
    const person = (await me(session)).json();
    expect(person).toMatchObject({ email, name: 'Jun Newcomer', title: 'Analyst', team: 'Finance', role: 'member' });
    const [entry] = (await audit('sign_in.succeeded')).filter((e) => e.actor_id === person.id);
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({ method: 'saml', email, firstSignIn: true });
    expect(entry).toMatchObject({ ip: expect.any(String), request_id: expect.any(String) });
  });
});

describe('who signs in through SAML', () => {
  it('links an existing person by email and updates their name, title and team from the attributes', async () => {
    const existing = await buildPerson(t.database.db, { name: 'Old Name', team: 'Old Team' });
    const { session } = await browser().signIn({
      email: existing.email.toUpperCase(),
      attributes: { name: 'New Name', title: 'Lead', department: 'New Team' },
    });
    expect((await me(session)).json()).toMatchObject({ id: existing.id, name: 'New Name', title: 'Lead', team: 'New Team' });
    const rows = await t.database.db.selectFrom('people').select('id').where('email', '=', existing.email).execute();
    expect(rows).toHaveLength(1);
  });

  it('leaves title and team as they are when the provider leaves those attributes out', async () => {
    const existing = await buildPerson(t.database.db, { name: 'Kept Fields', team: 'Platform' });
    await t.database.db.updateTable('people').set({ title: 'Engineer' }).where('id', '=', existing.id).execute();
    const { session } = await browser().signIn({ email: existing.email });
    expect((await me(session)).json()).toMatchObject({ id: existing.id, name: 'Kept Fields', title: 'Engineer', team: 'Platform' });
  });

  it("reads Microsoft Entra ID's claim URIs, with a persistent NameID", async () => {
    const email = newEmail('entra');
    const { session } = await browser().signIn({
      nameId: 'b1f0c7a2-persistent-id',
      attributes: {
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress': email,
        'http://schemas.microsoft.com/identity/claims/displayname': 'Erin Entra',
        'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/department': 'Legal',
        'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups': ['staff', 'lyceum-admins'],
      },
    });
    expect((await me(session)).json()).toMatchObject({ email, name: 'Erin Entra', team: 'Legal', role: 'admin' });
  });

  it('makes members of an admin group admins, and takes it back when they leave the group', async () => {
    const email = newEmail('group');
    const first = await browser().signIn({ email, attributes: { name: 'Gail Group', groups: ['staff', 'education-team'] } });
    expect((await me(first.session)).json().role).toBe('admin');
    const row = await t.database.db.selectFrom('people').select(['role', 'role_source']).where('email', '=', email).executeTakeFirst();
    expect(row).toEqual({ role: 'admin', role_source: 'directory' });

    const later = await browser().signIn({ email, attributes: { name: 'Gail Group', groups: 'staff' } });
    const person = (await me(later.session)).json();
    expect(person.role).toBe('member');
    const changed = (await audit('person.role_changed')).filter((e) => e.target_id === person.id);
    expect(changed.map((e) => JSON.parse(e.details ?? '{}'))).toEqual([{ from: 'admin', to: 'member', source: 'directory' }]);
  });

  it('leaves an admin made by hand an admin outside the admin groups', async () => {
    const manual = await buildPerson(t.database.db, { name: 'Manny Manual', role: 'admin' });
    const { session } = await browser().signIn({ email: manual.email, attributes: { groups: ['staff'] } });
    expect((await me(session)).json()).toMatchObject({ id: manual.id, role: 'admin' });
  });

  it('refuses a deactivated person', async () => {
    const leaver = await buildPerson(t.database.db, { name: 'Lee Leaver' });
    await t.database.db.updateTable('people').set({ active: 0 }).where('id', '=', leaver.id).execute();
    const { acs, session } = await browser().signIn({ email: leaver.email });
    expect(signInPageError(acs.headers.location)).toBe('account_inactive');
    expect(session).toBe('');
    const failed = (await audit('sign_in.failed')).find((e) => e.actor_label === leaver.email);
    expect(JSON.parse(failed?.details ?? '{}')).toEqual({ method: 'saml', code: 'account_inactive' });
  });

  it('refuses a response without an email (no attribute, a NameID that is not an email address)', async () => {
    const { acs, session } = await browser().signIn({ nameId: 'opaque-id-123', attributes: { name: 'No Mail' } });
    expect(signInPageError(acs.headers.location)).toBe('email_missing');
    expect(session).toBe('');
    expect(await t.database.db.selectFrom('people').select('id').where('name', '=', 'No Mail').execute()).toEqual([]);
  });

  it('keeps `next` to same-site paths', async () => {
    const email = newEmail('next');
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const { acs } = await browser().signIn({ email }, next);
      expect(acs.headers.location, next).toBe('/');
    }
  });
});

describe('responses Lyceum refuses', () => {
  const minutes = (n: number) => new Date(Date.now() + n * 60_000);
  const cases: [string, Tweak, RegExp][] = [
    ['signed by a key Lyceum does not know', { otherKey: true }, /signature/i],
    ['changed after it was signed', { tamper: (xml) => xml.replaceAll(/tamper\.[\w.]+@example\.com/g, 'ceo@example.com') }, /signature/i],
    ['signed around an unsigned assertion', { unsignedAssertion: true }, /signature/i],
    ['not signed at all', { unsigned: true }, /signature/i],
    ['meant for another service provider (audience)', { audience: 'https://other.example.com/saml' }, /audience/i],
    ['delivered to another recipient', { recipient: 'https://other.example.com/acs' }, /recipient/i],
    ['addressed to another destination', { destination: 'https://other.example.com/acs' }, /destination/i],
    ['expired', { notBefore: minutes(-20), notOnOrAfter: minutes(-10) }, /expired|no valid subject confirmation/i],
    ['not yet valid', { notBefore: minutes(10), notOnOrAfter: minutes(20) }, /not yet valid|no valid subject confirmation/i],
    ['an answer to a request Lyceum never made', { inResponseTo: '_forged-request-id' }, /InResponseTo/],
    ['unsolicited (identity-provider initiated)', { inResponseTo: '' }, /InResponseTo/],
    ['issued by another identity provider', { issuer: 'https://impostor.example.com' }, /issued by https:\/\/impostor\.example\.com/],
  ];

  it.each(cases)('refuses a response %s: the sign-in page says why, no session, no person, audited', async (_case, tweak, reason) => {
    const email = newEmail('tamper');
    const { acs, session } = await browser().signIn({ email, attributes: { name: 'Mallory' } }, '/', tweak);
    expect(acs.statusCode).toBe(302);
    expect(signInPageError(acs.headers.location)).toBe('saml_failed');
    expect(session).toBe('');
    expect(acs.body).not.toMatch(/at .*\.js/);
    expect(await t.database.db.selectFrom('people').select('id').where('email', 'in', [email, 'ceo@example.com']).execute()).toEqual([]);
    const [latest] = (await audit('sign_in.failed')).sort((a, b) => String(b.at).localeCompare(String(a.at)));
    expect(JSON.parse(latest?.details ?? '{}')).toEqual({ method: 'saml', code: 'saml_failed' });
    expect(latest?.summary).toMatch(reason);
  });

  it('says so when the identity provider itself refused (e.g. the person is not assigned to Lyceum)', async () => {
    const { acs, session } = await browser().signIn({ email: newEmail('denied') }, '/', {
      status: 'urn:oasis:names:tc:SAML:2.0:status:Requester',
    });
    expect(signInPageError(acs.headers.location)).toBe('saml_denied');
    expect(session).toBe('');
    const [latest] = (await audit('sign_in.failed')).sort((a, b) => String(b.at).localeCompare(String(a.at)));
    expect(JSON.parse(latest?.details ?? '{}')).toEqual({ method: 'saml', code: 'saml_denied' });
  });

  it('refuses the same response posted twice (replayed)', async () => {
    const b = browser();
    const first = await b.signIn({ email: newEmail('replay') });
    expect(first.session).not.toBe('');
    const again = await b.post(first.form, first.requestCookie);
    expect(signInPageError(again.headers.location)).toBe('saml_failed');
    expect(again.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
  });

  it('refuses an assertion taken before, even inside an answer to a new request', async () => {
    const assertionId = `_assertion-${Date.now()}`;
    const email = newEmail('again');
    const first = await browser().signIn({ email }, '/', { assertionId });
    expect(first.session).not.toBe('');
    const second = await browser().signIn({ email }, '/', { assertionId });
    expect(signInPageError(second.acs.headers.location)).toBe('saml_failed');
    expect(second.session).toBe('');
    const [latest] = (await audit('sign_in.failed')).sort((a, b) => String(b.at).localeCompare(String(a.at)));
    expect(latest?.summary).toMatch(/used already \(replayed\)/);
  });

  it("refuses a response posted to a browser that did not start that sign-in (login CSRF), or without the browser's cookie", async () => {
    const victim = browser();
    const victimStart = await victim.start();
    const victimCookie = victimStart.cookies.find((c) => c.name === 'lyceum_saml')?.value;
    const attacker = browser();
    const attackerStart = await attacker.start();
    for (const cookie of [victimCookie, undefined]) {
      const form = await attacker.atIdp(String(attackerStart.headers.location), { email: newEmail('attacker') });
      const res = await victim.post(form, cookie);
      expect(signInPageError(res.headers.location)).toBe('saml_failed');
      expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
    }
  });

  it('refuses a post without a SAMLResponse', async () => {
    const res = await browser().post({ path: '/api/v1/auth/saml/acs', fields: {} }, 'whatever');
    expect(signInPageError(res.headers.location)).toBe('saml_failed');
  });
});

describe('around the sign-in', () => {
  it("takes the provider's post although the browser is signed in already and sends no CSRF token (the response is its own proof)", async () => {
    const someone = await browser().signIn({ email: newEmail('first') });
    const b = browser();
    const started = await b.start();
    const email = newEmail('second');
    const form = await b.atIdp(String(started.headers.location), { email });
    const cookie = started.cookies.find((c) => c.name === 'lyceum_saml')?.value;
    const res = await b.post(form, cookie, { lyceum_session: someone.session, lyceum_csrf: someone.csrf });
    expect(res.statusCode).toBe(302);
    const session = res.cookies.find((c) => c.name === 'lyceum_session')?.value ?? '';
    expect((await me(session)).json().email).toBe(email);
  });

  it('answers 404 to the demo sign-in routes', async () => {
    const person = await buildPerson(t.database.db);
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: person.email } });
    expectError(res, 404, 'not_found');
    expect(res.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/dev/accounts' }), 404, 'not_found');
  });

  it('answers 404 to the OpenID Connect routes', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' }), 404, 'not_found');
  });

  it('signs out of Lyceum (the identity provider session is left alone)', async () => {
    const { session, csrf } = await browser().signIn({ email: newEmail('bye') });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { lyceum_session: session, lyceum_csrf: csrf },
      headers: { 'x-csrf-token': csrf },
    });
    expect(res.statusCode).toBe(204);
    expectError(await me(session), 401, 'unauthenticated');
  });

  it('forgets requests and assertions once they can no longer be used', async () => {
    const past = new Date(Date.now() - 60_000).toISOString();
    await t.database.db.insertInto('saml_requests').values({ id: '_old-request', created_at: past, expires_at: past }).execute();
    await t.database.db.insertInto('saml_assertions').values({ id: 'old assertion', expires_at: past }).execute();
    expect(await t.app.jobs['purge-saml-state']?.()).toBeGreaterThanOrEqual(2);
    expect(await t.database.db.selectFrom('saml_requests').select('id').where('id', '=', '_old-request').execute()).toEqual([]);
    expect(await t.database.db.selectFrom('saml_assertions').select('id').where('id', '=', 'old assertion').execute()).toEqual([]);
  });

  it('answers the same to everyone, signed in or not: the routes are public', async () => {
    const admin = await buildPerson(t.database.db, { role: 'admin' });
    const member = await buildPerson(t.database.db);
    for (const token of [null, member.token, admin.token]) {
      expect((await as(t.app, token).get('/api/v1/auth/config')).json().mode).toBe('saml');
      expect((await as(t.app, token).get('/api/v1/auth/saml/metadata')).statusCode).toBe(200);
      const started = await as(t.app, token).get('/api/v1/auth/saml/start');
      expect(started.statusCode).toBe(302);
      expect(String(started.headers.location).startsWith(idp.ssoUrl)).toBe(true);
      // A credential does not stand in for the signed response: the ACS refuses it like anyone's.
      const posted = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/saml/acs',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: 'SAMLResponse=bm90IFNBTUw%3D',
      });
      expect(posted.statusCode).toBe(302);
      expect(signInPageError(posted.headers.location)).toBe('saml_failed');
    }
  });
});

describe('two instances on one database', () => {
  let second: FastifyInstance;
  beforeAll(async () => {
    const url = (t.database as typeof t.database & { url?: string }).url ?? '';
    const config = loadConfig({ DATABASE_URL: url.startsWith('sqlite') ? 'sqlite::memory:' : url, LOG_LEVEL: 'silent', ...samlEnv(idp) });
    second = await buildTestApp({ config, database: t.database });
    await second.ready();
  });
  afterAll(() => second?.close());

  it('finish on one instance a sign-in started on the other, and refuse there the response already taken', async () => {
    const here = samlBrowser(t.app, PUBLIC_URL, idp);
    const started = await here.start('/calendar');
    const cookie = started.cookies.find((c) => c.name === 'lyceum_saml')?.value;
    const form = await here.atIdp(String(started.headers.location), { email: newEmail('roaming') });
    const there = await samlBrowser(second, PUBLIC_URL, idp).post(form, cookie);
    expect(there.headers.location).toBe('/calendar');
    expect(there.cookies.map((c) => c.name)).toContain('lyceum_session');
    const replayed = await here.post(form, cookie);
    expect(signInPageError(replayed.headers.location)).toBe('saml_failed');
    expect(replayed.cookies.find((c) => c.name === 'lyceum_session')).toBeUndefined();
  });
});

describe('signed AuthnRequests (SAML_SP_PRIVATE_KEY and SAML_SP_CERT)', () => {
  let strict: TestIdp;
  let signing: TestApp;
  beforeAll(async () => {
    strict = await startTestIdp({ signedRequests: true });
    const sp = await generate([{ name: 'commonName', value: 'lyceum.test' }], { keySize: 2048, algorithm: 'sha256' });
    signing = await createTestApp(samlEnv(strict, { SAML_SP_PRIVATE_KEY: sp.private, SAML_SP_CERT: sp.cert }));
    strict.trust((await signing.app.inject({ method: 'GET', url: '/api/v1/auth/saml/metadata' })).body);
  });
  afterAll(async () => {
    await signing?.close();
    await strict?.close();
  });

  it('publishes the signing certificate and signs requests, which a provider that insists on it accepts', async () => {
    const metadata = (await signing.app.inject({ method: 'GET', url: '/api/v1/auth/saml/metadata' })).body;
    expect(metadata).toMatch(/AuthnRequestsSigned="true"/);
    expect(metadata).toMatch(/<KeyDescriptor use="signing">/);
    const b = samlBrowser(signing.app, PUBLIC_URL, strict);
    const started = await b.start();
    const to = new URL(String(started.headers.location));
    expect(to.searchParams.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    expect(to.searchParams.get('Signature')).toBeTruthy();
    const email = newEmail('signed');
    const { session } = await b.signIn({ email });
    expect((await signing.app.inject({ method: 'GET', url: '/api/v1/me', cookies: { lyceum_session: session } })).json().email).toBe(email);
  });

  it('is refused by that provider when the request was changed on the way', async () => {
    const started = await samlBrowser(signing.app, PUBLIC_URL, strict).start();
    const other = await samlBrowser(signing.app, PUBLIC_URL, strict).start();
    const forged = new URL(String(started.headers.location));
    // Another request's body under this request's signature.
    forged.searchParams.set('SAMLRequest', new URL(String(other.headers.location)).searchParams.get('SAMLRequest') ?? '');
    await expect(samlBrowser(signing.app, PUBLIC_URL, strict).atIdp(forged.href, { email: newEmail('forged') })).rejects.toThrow(
      /answered 400: .*SIGNATURE/i,
    );
  });
});

describe('SAML routes in the other modes', () => {
  let dev: TestApp;
  beforeAll(async () => {
    dev = await createTestApp();
  });
  afterAll(() => dev?.close());

  it('answer 404 in demo mode', async () => {
    for (const url of ['/api/v1/auth/saml/metadata', '/api/v1/auth/saml/start']) {
      expectError(await dev.app.inject({ method: 'GET', url }), 404, 'not_found');
    }
    expectError(await dev.app.inject({ method: 'POST', url: '/api/v1/auth/saml/acs', payload: {} }), 404, 'not_found');
  });
});
