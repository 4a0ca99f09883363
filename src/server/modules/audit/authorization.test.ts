import { beforeAll, describe, expect, it } from 'vitest';
import { testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { auditApi } from '../../../contracts/audit.endpoints.js';

const { t, ada, max } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  max: { name: 'Max Member' },
});

let adminReadToken: string;
let memberReadToken: string;
beforeAll(async () => {
  const token = async (email: string) =>
    (await (await signInWithBrowser(t.app, email)).post('/api/v1/me/tokens', { name: 'Audit export', scope: 'read' })).json().token;
  adminReadToken = await token(ada.email);
  memberReadToken = await token(max.email);
});

type Name = keyof typeof auditApi;
const names = Object.keys(auditApi) as Name[];
const QUERY = 'from=2026-01-01&to=2026-12-31';

const send = (token: string | null, name: Name) =>
  t.app.inject({
    method: auditApi[name].method,
    url: `${auditApi[name].path}?${QUERY}`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

const registered = (name: Name) => t.app.hasRoute({ method: auditApi[name].method, url: auditApi[name].path });

describe('who may read the audit log', () => {
  it('covers every audit endpoint of the contract', () => {
    expect(names.sort()).toEqual(['csv', 'list']);
  });

  it.each(names)('%s: anonymous 401; a member 403, with a write or a read token', async (name) => {
    expect(registered(name), `${name} is registered`).toBe(true);
    expectError(await send(null, name), 401, 'unauthenticated', name);
    expectError(await send(max.token, name), 403, 'forbidden', name);
    expectError(await send(memberReadToken, name), 403, 'forbidden', name);
  });

  it.each(names)("%s: an admin 200, and an admin's read-only token too (it only reads)", async (name) => {
    for (const token of [ada.token, adminReadToken]) {
      const res = await send(token, name);
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBe(200);
    }
  });
});
