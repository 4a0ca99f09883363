import { beforeAll, describe, expect, it } from 'vitest';
import { type Method, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';
import { teamApi } from '../../../contracts/team.endpoints.js';

const { t, ada, max, mia, rob, hana } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  max: { name: 'Max Member' },
  mia: { name: 'Mia Manager' },
  rob: { name: 'Rob Report' },
  hana: { name: 'Hana Host' },
});

let workshopId: string;
let readToken: string;
beforeAll(async () => {
  await t.database.db.updateTable('people').set({ manager_id: mia.id }).where('id', '=', rob.id).execute();
  workshopId = await hostedWorkshop(t, hana, { title: 'Debugging Kafka consumer lag' });
  const created = await (await signInWithBrowser(t.app, mia.email)).post('/api/v1/me/tokens', { name: 'Scripts', scope: 'read' });
  readToken = created.json().token;
});

type Name = keyof typeof teamApi;

/**
 * Every team operation, what each role gets: a manager (someone reports to them), a member nobody
 * reports to, an admin nobody reports to (being an admin makes nobody a manager).
 */
const operations: Record<Name, { body?: () => unknown; manager: number; member: number; admin: number }> = {
  learning: { manager: 200, member: 403, admin: 403 },
  suggest: { body: () => ({ personId: rob.id, workshopId }), manager: 201, member: 403, admin: 403 },
  received: { manager: 200, member: 200, admin: 200 },
};
const names = Object.keys(operations) as Name[];

function send(token: string | null, name: Name) {
  const endpoint = teamApi[name];
  const { body } = operations[name];
  return t.app.inject({
    method: endpoint.method as Method,
    url: endpoint.path,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body() as object } : {}),
  });
}

const registered = (name: Name) => t.app.hasRoute({ method: teamApi[name].method, url: teamApi[name].path });

function expectStatus(res: Awaited<ReturnType<typeof send>>, status: number, name: Name) {
  if (status === 403) return expectError(res, 403, 'forbidden', name);
  expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(status);
}

describe("who may use the manager's view", () => {
  it('lists every team endpoint of the contract', () => {
    expect(names.sort()).toEqual((Object.keys(teamApi) as Name[]).sort());
  });

  it.each(names)('%s: anonymous 401', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    expectError(await send(null, name), 401, 'unauthenticated', name);
  });

  it.each(names)('%s: a member nobody reports to', async (name) => {
    expectStatus(await send(max.token, name), operations[name].member, name);
  });

  it.each(names)('%s: an admin nobody reports to', async (name) => {
    expectStatus(await send(ada.token, name), operations[name].admin, name);
  });

  it.each(names)('%s: a manager', async (name) => {
    expectStatus(await send(mia.token, name), operations[name].manager, name);
  });

  it.each(names)("%s: a manager's read-only API token reads (200) but changes nothing (403)", async (name) => {
    const res = await send(readToken, name);
    if (teamApi[name].method === 'GET') return expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    expectError(res, 403, 'forbidden', name);
    expect(res.json().error.message).toMatch(/read-only/);
  });
});
