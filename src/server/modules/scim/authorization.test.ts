import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { SCIM_ENV, SCIM_TOKEN, scimClient } from '../../../../test/helpers/scim.js';

/**
 * Who may call /scim/v2: the identity provider with the SCIM bearer token (SCIM_TOKEN or one made
 * with `lyceum scim-token create`), nobody else — not a member or an admin, by API token or browser.
 * These routes are not in the OpenAPI document (SCIM describes itself), so they are listed here.
 */
const { t, ada, max } = testAppWithPeople({ ada: { name: 'Ada Admin', role: 'admin' }, max: { name: 'Max Member' } }, { env: SCIM_ENV });
const scim = () => scimClient(t.app);

let memberReadToken: string;
beforeAll(async () => {
  const browser = await signInWithBrowser(t.app, max.email);
  memberReadToken = (await browser.post('/api/v1/me/tokens', { name: 'Read only', scope: 'read' })).json().token;
});

describe('SCIM: who may call it', () => {
  const routes: [string, string][] = [
    ['GET', '/ServiceProviderConfig'],
    ['GET', '/Schemas'],
    ['GET', '/Schemas/urn:ietf:params:scim:schemas:core:2.0:User'],
    ['GET', '/ResourceTypes'],
    ['GET', '/ResourceTypes/User'],
    ['GET', '/Users'],
    ['POST', '/Users'],
    ['GET', '/Users/some-id'],
    ['PUT', '/Users/some-id'],
    ['PATCH', '/Users/some-id'],
    ['DELETE', '/Users/some-id'],
    ['GET', '/Groups'],
    ['POST', '/Groups'],
    ['GET', '/Groups/some-id'],
    ['PUT', '/Groups/some-id'],
    ['PATCH', '/Groups/some-id'],
    ['DELETE', '/Groups/some-id'],
  ];

  it('covers every SCIM route the app serves; the token is asked plugin-wide, so a route added later is guarded too', async () => {
    for (const [method, url] of routes) {
      const pattern = url.replace('/some-id', '/:id').replace(/\/(Schemas|ResourceTypes)\/.+$/, '/$1/:id');
      expect(t.app.hasRoute({ method: method as 'GET', url: `/scim/v2${pattern}` }), `${method} ${pattern}`).toBe(true);
    }
    // Anything else under /scim/v2 (Bulk, Me, a typo) is refused before it is looked up.
    for (const url of ['/Bulk', '/Me', '/users', '/Users/some-id/extra']) {
      const res = await t.app.inject({ method: 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${max.token}` } });
      expect(res.statusCode, url).toBe(401);
      expect(res.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
  });

  it('refuses everyone without the SCIM token, in SCIM error format: nobody, a wrong token, member and admin API tokens and browsers', async () => {
    const browser = await signInWithBrowser(t.app, ada.email);
    const memberBrowser = await signInWithBrowser(t.app, max.email);
    const byBrowser =
      (client: typeof browser) =>
      (method: string, url: string): Promise<LightMyRequestResponse> => {
        const calls = client as unknown as Record<string, (u: string, b?: unknown) => Promise<LightMyRequestResponse>>;
        const fn = calls[method.toLowerCase()];
        return fn ? fn(`/scim/v2${url}`, method === 'GET' || method === 'DELETE' ? undefined : {}) : Promise.reject(new Error(method));
      };
    const callers: [string, (method: string, url: string) => Promise<LightMyRequestResponse>][] = [
      ['anonymous', (method, url) => t.app.inject({ method: method as 'GET', url: `/scim/v2${url}` }) as Promise<LightMyRequestResponse>],
      [
        'a longer wrong token (compared as hashes: no length error)',
        (method, url) =>
          t.app.inject({ method: method as 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${SCIM_TOKEN}x` } }),
      ],
      [
        'a wrong token of the same length',
        (method, url) =>
          t.app.inject({
            method: method as 'GET',
            url: `/scim/v2${url}`,
            headers: { authorization: `Bearer ${SCIM_TOKEN.slice(0, -1)}X` },
          }),
      ],
      [
        'the right token in another scheme',
        (method, url) =>
          t.app.inject({ method: method as 'GET', url: `/scim/v2${url}`, headers: { authorization: `Basic ${SCIM_TOKEN}` } }),
      ],
      [
        'a member API token',
        (method, url) =>
          t.app.inject({ method: method as 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${max.token}` } }),
      ],
      [
        'a read-only member API token',
        (method, url) =>
          t.app.inject({ method: method as 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${memberReadToken}` } }),
      ],
      [
        'an admin API token',
        (method, url) =>
          t.app.inject({ method: method as 'GET', url: `/scim/v2${url}`, headers: { authorization: `Bearer ${ada.token}` } }),
      ],
      ["a member's browser", byBrowser(memberBrowser)],
      ["an admin's browser", byBrowser(browser)],
    ];
    for (const [who, call] of callers) {
      for (const [method, url] of routes) {
        const res = await call(method, url);
        expect(res.statusCode, `${who} ${method} ${url}`).toBe(401);
        expect(res.headers['content-type'], `${who} ${method} ${url}`).toMatch(/^application\/scim\+json/);
        expect(res.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
      }
    }
  });

  it('serves the SCIM token on every route (nothing found is a SCIM 404, not the web app)', async () => {
    for (const [method, url] of routes) {
      const client = scimClient(t.app);
      const body = { Operations: [] };
      const send = {
        get: () => client.get(url),
        delete: () => client.delete(url),
        post: () => client.post(url, body),
        put: () => client.put(url, body),
        patch: () => client.patch(url, body),
      }[method.toLowerCase()] as () => Promise<LightMyRequestResponse>;
      const res = await send();
      expect(res.statusCode, `${method} ${url}`).not.toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    }
    const nothing = await scim().get('/Bulk');
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json()).toMatchObject({ status: '404' });
  });

  it('takes a token made with the CLI (stored hashed) until it is revoked', async () => {
    const { id, token } = await t.app.lyceum.container.scim.createToken();
    const stored = await t.database.db.selectFrom('scim_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await scimClient(t.app, token).get('/Users?count=1')).statusCode).toBe(200);
    expect(await t.app.lyceum.container.scim.revokeToken(id)).toBe(true);
    expect((await scimClient(t.app, token).get('/Users?count=1')).statusCode).toBe(401);
  });
});

describe('SCIM not set up (no SCIM_TOKEN, no token made with the CLI)', () => {
  let bare: TestApp;
  beforeAll(async () => {
    bare = await createTestApp();
  });
  afterAll(() => bare.close());

  it('answers 401 in SCIM format, not 404: the provider is told its token is wrong, not that the URL is', async () => {
    for (const token of [null, SCIM_TOKEN, '']) {
      const res = await scimClient(bare.app, token).get('/Users');
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.json()).toMatchObject({ schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '401' });
    }
    // A token made with the CLI turns it on.
    const { token } = await bare.app.lyceum.container.scim.createToken();
    expect((await scimClient(bare.app, token).get('/ServiceProviderConfig')).statusCode).toBe(200);
  });
});
