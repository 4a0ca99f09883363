import { beforeAll, describe, expect, it } from 'vitest';
import { type Method, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { adminPeopleApi } from '../../../contracts/admin-people.endpoints.js';

const { t, ada, max, role, off, on, gone } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  max: { name: 'Max Member' },
  // One person each for the changes an admin makes, so each one succeeds on its own.
  role: { name: 'Rob Role' },
  off: { name: 'Oda Off' },
  on: { name: 'Ole On' },
  gone: { name: 'Gus Gone' },
});

let readToken: string;
beforeAll(async () => {
  const created = await (await signInWithBrowser(t.app, ada.email)).post('/api/v1/me/tokens', { name: 'audit', scope: 'read' });
  readToken = created.json().token;
  await t.database.db.updateTable('people').set({ active: 0 }).where('id', '=', on.id).execute();
});

type Name = keyof typeof adminPeopleApi;

/** Every operation of the contract with a request that is valid for it. */
const operations: Record<Name, { target?: () => string; body?: () => object }> = {
  list: {},
  changeRole: { target: () => role.id, body: () => ({ role: 'admin' }) },
  deactivate: { target: () => off.id },
  reactivate: { target: () => on.id },
  erase: { target: () => gone.id, body: () => ({ confirm: gone.email }) },
};
const names = Object.keys(operations) as Name[];

function send(token: string | null, name: Name) {
  const endpoint = adminPeopleApi[name];
  const { target, body } = operations[name];
  const url = target ? endpoint.path.replace(':id', target()) : endpoint.path;
  return t.app.inject({
    method: endpoint.method as Method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body() } : endpoint.method === 'GET' ? {} : { payload: {} }),
  });
}

const registered = (name: Name) => t.app.hasRoute({ method: adminPeopleApi[name].method, url: adminPeopleApi[name].path });

describe('who may use the People admin API', () => {
  it('lists every endpoint of the contract', () => {
    expect(names.sort()).toEqual((Object.keys(adminPeopleApi) as Name[]).sort());
  });

  it.each(names)('%s: anonymous 401, a member 403', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    expectError(await send(null, name), 401, 'unauthenticated', name);
    expectError(await send(max.token, name), 403, 'forbidden', name);
  });

  it.each(names)("%s: an admin's read-only API token reads (200) but changes nothing (403)", async (name) => {
    const res = await send(readToken, name);
    if (adminPeopleApi[name].method === 'GET') return expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    expectError(res, 403, 'forbidden', name);
    expect(res.json().error.message).toMatch(/read-only/);
  });

  it.each(names)('%s: an admin 200', async (name) => {
    const res = await send(ada.token, name);
    expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
  });
});
