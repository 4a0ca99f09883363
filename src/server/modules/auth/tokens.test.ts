import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { changeWithPlainSql } from '../../../../test/helpers/credentials.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { workshopBody } from '../../../../test/helpers/factories.js';
import { hashSecret, newId, newSecret, nowIso } from '../../platform/ids.js';

const { t, alice, bob } = testAppWithPeople({ alice: { name: 'Alice Archer' }, bob: { name: 'Bob Builder' } });

const DAY_MS = 86_400_000;

/** A new token of Alice's, made in her browser. */
async function newToken(body: object): Promise<{ id: string; token: string; scope: string; expiresAt: string | null }> {
  const res = await (await signInWithBrowser(t.app, alice.email)).post('/api/v1/me/tokens', { name: 'script', ...body });
  expect(res.statusCode).toBe(201);
  return res.json();
}

const daysFromNow = (iso: string) => (Date.parse(iso) - Date.now()) / DAY_MS;

describe('creating API tokens', () => {
  it('shows a new token once, with write scope and a 90-day life unless chosen otherwise; the list gives a hint', async () => {
    const me = await signInWithBrowser(t.app, alice.email);
    const created = await me.post('/api/v1/me/tokens', { name: 'CI pipeline' });
    expect(created.statusCode).toBe(201);
    const { token, id, hint, name, scope, expiresAt } = created.json();
    expect(name).toBe('CI pipeline');
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(hint).toBe(token.slice(-4));
    expect(scope).toBe('write');
    expect(daysFromNow(expiresAt)).toBeCloseTo(90, 1);

    const list = await me.get('/api/v1/me/tokens');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toContainEqual(expect.objectContaining({ id, name: 'CI pipeline', hint, scope: 'write', expiresAt }));
    expect(list.body).not.toContain(token);
    expect(list.json().items.every((i: object) => !('token' in i))).toBe(true);
  });

  it.each([
    [{ scope: 'read', expiresInDays: 30 }, 'read', 30],
    [{ scope: 'write', expiresInDays: 365 }, 'write', 365],
    [{ scope: 'read', expiresInDays: null }, 'read', null],
  ])('takes the chosen scope and lifetime %o', async (body, scope, days) => {
    const created = await newToken(body);
    expect(created.scope).toBe(scope);
    if (days === null) expect(created.expiresAt).toBeNull();
    else expect(daysFromNow(created.expiresAt ?? '')).toBeCloseTo(days, 1);
    const listed = (await (await signInWithBrowser(t.app, alice.email)).get('/api/v1/me/tokens'))
      .json()
      .items.find((i: { id: string }) => i.id === created.id);
    expect(listed).toMatchObject({ scope, expiresAt: created.expiresAt });
  });

  it.each([
    [{ expiresInDays: 7 }, 'expiresInDays', /30, 90 or 365/],
    [{ expiresInDays: '90' }, 'expiresInDays', /30, 90 or 365/],
    [{ scope: 'admin' }, 'scope', /read.*write/],
    [{ name: '  ' }, 'name', /./],
  ])('refuses %o with 400 naming the field', async (body, field, message) => {
    const res = await (await signInWithBrowser(t.app, alice.email)).post('/api/v1/me/tokens', { name: 'script', ...body });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details).toContainEqual({ field, message: expect.stringMatching(message) });
  });

  it('refuses to let an API token create tokens (403), whatever its scope', async () => {
    const read = await newToken({ scope: 'read' });
    for (const token of [alice.token, (await newToken({ scope: 'write' })).token, read.token]) {
      const res = await as(t.app, token).post('/api/v1/me/tokens', { name: 'minted by a script' });
      expectError(res, 403, 'forbidden');
    }
    const denied = await as(t.app, alice.token).post('/api/v1/me/tokens', { name: 'minted by a script' });
    expect(denied.json().error.message).toMatch(/browser|lyceum token create/);
    const names = (await as(t.app, alice.token).get('/api/v1/me/tokens')).json().items.map((i: { name: string }) => i.name);
    expect(names).not.toContain('minted by a script');
  });

  it('stores tokens only as hashes', async () => {
    const { token, id } = await newToken({});
    const rows = await t.database.db.selectFrom('api_tokens').selectAll().execute();
    expect(rows.map((r) => r.id)).toContain(id);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
  });
});

describe('using API tokens', () => {
  it("records each token's last use when the buffered uses are written, never moving a later one back", async () => {
    const tokens = [await newToken({}), await newToken({}), await newToken({})];
    const [first, second, third] = tokens as [(typeof tokens)[0], (typeof tokens)[0], (typeof tokens)[0]];
    const before = Date.now();
    for (const { token } of tokens) expect((await as(t.app, token).get('/api/v1/me')).statusCode).toBe(200);
    // Meanwhile another instance has recorded a later use of the third token.
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await t.database.db.updateTable('api_tokens').set({ last_used_at: later }).where('id', '=', third.id).execute();
    const listed = async () =>
      new Map(
        (await as(t.app, alice.token).get('/api/v1/me/tokens'))
          .json()
          .items.map((i: { id: string; lastUsedAt: string | null }) => [i.id, i.lastUsedAt]),
      );
    expect((await listed()).get(first.id)).toBeNull();

    expect(await t.app.jobs['record-token-use']?.()).toBeGreaterThanOrEqual(3);
    const after = await listed();
    for (const { id } of [first, second]) {
      const at = Date.parse(String(after.get(id)));
      expect(at).toBeGreaterThanOrEqual(before - 1);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
    expect(after.get(third.id)).toBe(later);
  });

  it('authenticates as a Bearer token until revoked', async () => {
    const { token, id } = await newToken({});
    const me = await as(t.app, token).get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(alice.id);

    expect((await as(t.app, alice.token).delete(`/api/v1/me/tokens/${id}`)).statusCode).toBe(204);
    const revoked = await as(t.app, token).get('/api/v1/me');
    expectError(revoked, 401, 'unauthenticated');
    expect((await as(t.app, alice.token).get('/api/v1/me/tokens')).json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expectError(await as(t.app, alice.token).delete(`/api/v1/me/tokens/${id}`), 404, 'not_found');
  });

  it("cannot revoke someone else's token (404), which keeps working", async () => {
    const res = await as(t.app, alice.token).delete(
      `/api/v1/me/tokens/${(await as(t.app, bob.token).get('/api/v1/me/tokens')).json().items[0].id}`,
    );
    expectError(res, 404, 'not_found');
    expect((await as(t.app, bob.token).get('/api/v1/me')).json().id).toBe(bob.id);
  });

  it('lets a read token look (200) but answers 403 to every change, which does not happen', async () => {
    const workshop = (await as(t.app, alice.token).post('/api/v1/workshops', workshopBody({ title: 'Before' }))).json();
    const spare = await newToken({});
    const { token } = await newToken({ scope: 'read' });
    const reader = as(t.app, token);

    for (const url of ['/api/v1/me', `/api/v1/workshops/${workshop.id}`, '/api/v1/workshops', '/api/v1/me/tokens', '/api/v1/me/calendar']) {
      expect((await reader.get(url)).statusCode, url).toBe(200);
    }
    const changes = [
      () => reader.post('/api/v1/workshops', workshopBody({ title: 'Made by a read token' })),
      () => reader.patch(`/api/v1/workshops/${workshop.id}`, { title: 'After' }),
      () => reader.put(`/api/v1/workshops/${workshop.id}/interest`, {}),
      () => reader.post('/api/v1/me/calendar'),
      () => reader.delete(`/api/v1/me/tokens/${spare.id}`),
    ];
    for (const change of changes) {
      const res = await change();
      expectError(res, 403, 'forbidden');
      expect(res.json().error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/read-only/) });
    }
    expect((await reader.get(`/api/v1/workshops/${workshop.id}`)).json().title).toBe('Before');
    expect((await reader.get('/api/v1/me/tokens')).json().items.map((i: { id: string }) => i.id)).toContain(spare.id);
    expect((await reader.get('/api/v1/me/calendar')).json().active).toBe(false);
  });

  it('stays read-only however the path is spelled: the router decodes /%61pi/v1/… into the API', async () => {
    const { token } = await newToken({ scope: 'read' });
    const headers = { authorization: `Bearer ${token}` };
    const title = 'Made by a read token through an encoded path';
    for (const url of ['/%61pi/v1/workshops', '/api/%761/workshops', '/%2561pi/v1/workshops']) {
      const res = await t.app.inject({ method: 'POST', url, headers, payload: workshopBody({ title }) });
      expect(res.statusCode, url).not.toBe(201);
      const code = String(res.headers['content-type']).startsWith('application/json') ? res.json().error.code : res.body;
      expect(['403 forbidden', '404 not_found'], url).toContain(`${res.statusCode} ${code}`);
    }
    const decoded = await t.app.inject({ method: 'POST', url: '/%61pi/v1/workshops', headers, payload: workshopBody({ title }) });
    expect(decoded.json().error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/read-only/) });
    expect(await t.database.db.selectFrom('workshops').select('id').where('title', '=', title).execute()).toEqual([]);
  });

  it('answers 401 to an expired token, saying it expired', async () => {
    const { token, id } = await newToken({ expiresInDays: 30 });
    expect((await as(t.app, token).get('/api/v1/me')).statusCode).toBe(200);
    const past = new Date(Date.now() - 60_000).toISOString();
    await changeWithPlainSql(t.app, alice.id, () =>
      t.database.db.updateTable('api_tokens').set({ expires_at: past }).where('id', '=', id).execute(),
    );

    const res = await as(t.app, token).get('/api/v1/me');
    expectError(res, 401, 'unauthenticated');
    expect(res.json().error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/expired on \d{4}-\d\d-\d\d/) });
    expectError(await as(t.app, token).post('/api/v1/workshops', workshopBody()), 401, 'unauthenticated');
    // Still listed, with its expiry, so its owner sees why a script stopped.
    const listed = (await as(t.app, alice.token).get('/api/v1/me/tokens')).json().items.find((i: { id: string }) => i.id === id);
    expect(listed.expiresAt).toBe(past);
  });

  it('keeps tokens made before scopes existed working for everything, without expiry', async () => {
    // A row as Lyceum wrote it before: no scope, no expiry, so the migration's column defaults apply.
    const token = newSecret('lyc');
    await t.database.db
      .insertInto('api_tokens')
      .values({ id: newId(), person_id: bob.id, name: 'old', token_hash: hashSecret(token), hint: token.slice(-4), created_at: nowIso() })
      .execute();
    const listed = (await as(t.app, token).get('/api/v1/me/tokens')).json().items.find((i: { name: string }) => i.name === 'old');
    expect(listed).toMatchObject({ scope: 'write', expiresAt: null });
    expect((await as(t.app, token).post('/api/v1/workshops', workshopBody())).statusCode).toBe(201);
  });
});

describe('a bad Authorization header', () => {
  const bad = ['Bearer lyc_not-a-real-token', 'Basic dXNlcjpwYXNz', 'Bearer'];

  it.each(['/healthz', '/readyz', '/api/v1/auth/config', '/api/openapi.json'])('is ignored on the public %s (200)', async (url) => {
    for (const authorization of bad) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization } });
      expect(res.statusCode, authorization).toBe(200);
    }
  });

  it('is ignored on a calendar feed, which answers its address alone', async () => {
    const { url } = (await (await signInWithBrowser(t.app, alice.email)).post('/api/v1/me/calendar', {})).json();
    const res = await t.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { authorization: bad[0] as string } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
  });

  it('is ignored when the token expired, on a public route', async () => {
    const { token, id } = await newToken({});
    await t.database.db.updateTable('api_tokens').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', id).execute();
    expect((await t.app.inject({ method: 'GET', url: '/healthz', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
  });

  it('still answers 401 where a signed-in person is needed', async () => {
    for (const authorization of bad) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });
      expectError(res, 401, 'unauthenticated', authorization);
    }
  });
});
