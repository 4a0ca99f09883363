import { beforeAll, describe, expect, it } from 'vitest';
import { seedOctober } from '../../../../test/helpers/analytics-fixture.js';
import { type Method, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { analyticsApi } from '../../../contracts/analytics.endpoints.js';

const { t, ada, vera, max, hana, hugo, l1, l2, l3, l4, l5 } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin', team: 'Education' },
  vera: { name: 'Vera Viewer', team: 'Leadership' },
  max: { name: 'Max Member' },
  hana: { name: 'Hana Host' },
  hugo: { name: 'Hugo Host', team: 'Data' },
  l1: { name: 'Lea One' },
  l2: { name: 'Leo Two' },
  l3: { name: 'Lia Three', team: 'Data' },
  l4: { name: 'Luc Four' },
  l5: { name: 'Lou Five', team: 'Data' },
});

let readToken: string;
beforeAll(async () => {
  await seedOctober(t.database.db, { hana, hugo, l1, l2, l3, l4, l5 });
  await t.database.db
    .insertInto('dashboard_viewers')
    .values({ person_id: vera.id, added_by: ada.id, added_at: '2026-11-01T00:00:00.000Z' })
    .execute();
  const created = await (await signInWithBrowser(t.app, ada.email)).post('/api/v1/me/tokens', { name: 'BI export', scope: 'read' });
  readToken = created.json().token;
});

type Name = keyof typeof analyticsApi;
const PERIOD = 'from=2026-10-01&to=2026-10-31';

/** Every analytics operation with a request that is valid for it; `shared`: a shared viewer may read it. */
const operations: Record<Name, { query?: string; body?: () => unknown; shared: boolean }> = {
  overview: { query: PERIOD, shared: true },
  workshops: { query: PERIOD, shared: true },
  workshopsCsv: { query: PERIOD, shared: true },
  teams: { query: PERIOD, shared: true },
  teamsCsv: { query: PERIOD, shared: true },
  hosts: { query: PERIOD, shared: true },
  hostsCsv: { query: PERIOD, shared: true },
  channels: { query: PERIOD, shared: true },
  channelsCsv: { query: PERIOD, shared: true },
  attendance: { query: PERIOD, shared: false },
  attendanceCsv: { query: PERIOD, shared: false },
  settings: { shared: false },
  updateSettings: { body: () => ({}), shared: false },
  viewers: { shared: false },
  setViewers: { body: () => ({ personIds: [vera.id] }), shared: false },
};
const names = Object.keys(operations) as Name[];

function send(token: string | null, name: Name) {
  const endpoint = analyticsApi[name];
  const { query, body } = operations[name];
  const url = query ? `${endpoint.path}?${query}` : endpoint.path;
  const method = endpoint.method as Method;
  return t.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body() as object } : {}),
  });
}

/** Every operation of the contract is served: a row of the table never passes for a route that is missing. */
const registered = (name: Name) => t.app.hasRoute({ method: analyticsApi[name].method, url: analyticsApi[name].path });

describe('who may use the dashboard API', () => {
  it('lists every analytics endpoint of the contract', () => {
    expect(names.sort()).toEqual((Object.keys(analyticsApi) as Name[]).sort());
  });

  it.each(names)('%s: anonymous 401, a member 403', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    expectError(await send(null, name), 401, 'unauthenticated', name);
    expectError(await send(max.token, name), 403, 'forbidden', name);
  });

  it.each(names)('%s: a shared viewer reads figures (200) but not names, settings or the share (403)', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    const res = await send(vera.token, name);
    if (!operations[name].shared) return expectError(res, 403, 'forbidden', name);
    expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    if (name === 'hosts') expect(res.json().items.every((row: { host: unknown }) => row.host === null)).toBe(true);
    if (name === 'hostsCsv') expect(res.body).not.toMatch(/Hana|Hugo/);
  });

  it.each(names)('%s: an admin 200', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    const res = await send(ada.token, name);
    expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    if (name === 'hosts')
      expect(res.json().items.map((row: { host: { name: string } }) => row.host.name)).toEqual(['Hana Host', 'Hugo Host']);
  });

  it.each(names)("%s: an admin's read-only API token reads (200) but changes nothing (403)", async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    const res = await send(readToken, name);
    if (analyticsApi[name].method === 'GET') return expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    expectError(res, 403, 'forbidden', name);
    expect(res.json().error.message).toMatch(/read-only/);
  });
});
