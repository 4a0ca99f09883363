import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { samlBrowser, startTestIdp, type TestIdp } from '../../../../test/helpers/saml-idp.js';

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
