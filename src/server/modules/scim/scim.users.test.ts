import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { SCIM_ENV, SCIM_TOKEN, scimClient } from '../../../../test/helpers/scim.js';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const { t, ada, max } = testAppWithPeople({ ada: { name: 'Ada Admin', role: 'admin' }, max: { name: 'Max Member' } }, { env: SCIM_ENV });
const scim = () => scimClient(t.app);
const filter = (text: string) => `/Users?filter=${encodeURIComponent(text)}`;

function user(userName: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
    userName,
    name: { givenName: userName.split('@')[0], familyName: 'Tester' },
    emails: [{ value: userName, type: 'work', primary: true }],
    active: true,
    ...extra,
  };
}

async function created(userName: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await scim().post('/Users', user(userName, extra));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('SCIM: discovery', () => {
  it('describes itself as providers read it', async () => {
    const config = (await scim().get('/ServiceProviderConfig')).json();
    expect(config).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    expect(config.authenticationSchemes[0].type).toBe('oauthbearertoken');
    const types = (await scim().get('/ResourceTypes')).json();
    expect(types.Resources.map((r: { id: string }) => r.id)).toEqual(['User', 'Group']);
    expect(types.Resources[0].schemaExtensions).toEqual([{ schema: ENTERPRISE, required: false }]);
    const schemas = (await scim().get('/Schemas')).json();
    expect(schemas.Resources.map((s: { id: string }) => s.id)).toContain(ENTERPRISE);
    expect((await scim().get(`/Schemas/${ENTERPRISE}`)).json().attributes.map((a: { name: string }) => a.name)).toEqual([
      'department',
      'manager',
    ]);
    expect((await scim().get('/Schemas/urn:nope')).statusCode).toBe(404);
  });
});

describe('SCIM: users', () => {
  it('creates a person of the directory who can then be found in Lyceum, with team, title and manager', async () => {
    const managerId = await created('mona.manager@example.com', { title: 'Engineering Manager' });
    const res = await scim().post(
      '/Users',
      user('rita.report@example.com', {
        name: { givenName: 'Rita', familyName: 'Report' },
        title: 'Engineer',
        externalId: 'okta-123',
        timezone: 'Europe/Berlin',
        [ENTERPRISE]: { department: 'Payments', manager: { value: managerId } },
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.location).toBe(`http://localhost:3000/scim/v2/Users/${res.json().id}`);
    expect(res.json()).toMatchObject({
      userName: 'rita.report@example.com',
      displayName: 'Rita Report',
      title: 'Engineer',
      externalId: 'okta-123',
      timezone: 'Europe/Berlin',
      active: true,
      [ENTERPRISE]: { department: 'Payments', manager: { value: managerId, displayName: 'mona.manager Tester' } },
      meta: { resourceType: 'User' },
    });
    const profile = (await as(t.app, max.token).get(`/api/v1/people/${res.json().id}`)).json();
    expect(profile).toMatchObject({ name: 'Rita Report', title: 'Engineer', team: 'Payments', active: true });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', res.json().id).execute();
    expect(audit.map((a) => [a.action, a.actor_label])).toEqual([['scim.user.created', 'SCIM']]);
  });

  it('finds people already in the directory (CSV or single sign-on) by userName, so the provider links instead of duplicating', async () => {
    const found = (await scim().get(filter(`userName eq "${max.email.toUpperCase()}"`))).json();
    expect(found.totalResults).toBe(1);
    expect(found.Resources[0]).toMatchObject({ id: max.id, userName: max.email, displayName: 'Max Member' });
    const dup = await scim().post('/Users', user(max.email));
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'],
      status: '409',
      scimType: 'uniqueness',
      detail: `userName ${max.email} is already in use.`,
    });
  });

  it('takes bodies as application/scim+json or application/json, and answers application/scim+json', async () => {
    for (const [i, type] of ['application/scim+json', 'application/scim+json; charset=utf-8', 'application/json'].entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/scim/v2/Users',
        headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': type },
        payload: JSON.stringify(user(`media.${i}@example.com`)),
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
      expect(res.headers['content-type']).toBe('application/scim+json; charset=utf-8');
    }
  });

  it('creating the same person several times at once makes one, the others are told uniqueness', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => scim().post('/Users', user('race.twice@example.com'))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    for (const a of answers.filter((x) => x.statusCode === 409)) expect(a.json()).toMatchObject({ status: '409', scimType: 'uniqueness' });
    expect((await scim().get(filter('userName eq "race.twice@example.com"'))).json().totalResults).toBe(1);
  });

  it('filters with eq, ne, co, sw, ew, pr, gt, and, or, not and a filtered path', async () => {
    await created('filter.alpha@example.com', { title: 'Designer', [ENTERPRISE]: { department: 'Studio' } });
    await created('filter.beta@example.com', { [ENTERPRISE]: { department: 'Studio' } });
    await created('other.gamma@example.org', { active: false });
    const names = async (text: string) => {
      const res = await scim().get(filter(text));
      expect(res.statusCode, `${text}: ${res.body}`).toBe(200);
      return res
        .json()
        .Resources.map((r: { userName: string }) => r.userName)
        .sort();
    };
    expect(await names('userName sw "filter."')).toEqual(['filter.alpha@example.com', 'filter.beta@example.com']);
    expect(await names('emails.value co "GAMMA"')).toEqual(['other.gamma@example.org']);
    expect(await names('userName ew "@example.org"')).toEqual(['other.gamma@example.org']);
    expect(await names('title eq "Designer"')).toEqual(['filter.alpha@example.com']);
    expect(await names(`${ENTERPRISE}:department eq "Studio" and not (title pr)`)).toEqual(['filter.beta@example.com']);
    expect(await names('title eq "Designer" or userName eq "other.gamma@example.org"')).toEqual([
      'filter.alpha@example.com',
      'other.gamma@example.org',
    ]);
    expect(await names('active eq false')).toEqual(['other.gamma@example.org']);
    expect(await names('emails[type eq "work" and value sw "filter.b"]')).toEqual(['filter.beta@example.com']);
    expect(await names('userName sw "filter." and meta.lastModified gt "2000-01-01T00:00:00Z"')).toHaveLength(2);
    expect(await names('userName ne "filter.alpha@example.com" and userName sw "filter"')).toEqual(['filter.beta@example.com']);
    // Wildcards in the value are plain characters.
    expect(await names('userName co "%"')).toEqual([]);
  });

  it('refuses a filter it cannot read or apply with 400 invalidFilter', async () => {
    for (const text of ['userName eq', 'nickName eq "x"', 'active eq "yes"', 'userName eq "a" and', 'meta.created gt "not a date"']) {
      const res = await scim().get(filter(text));
      expect(res.statusCode, text).toBe(400);
      expect(res.json(), text).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    }
  });

  it('pages with startIndex and count, totalResults counting all', async () => {
    const all = (await scim().get('/Users?count=500')).json();
    expect(all.totalResults).toBe(all.Resources.length);
    expect(all.totalResults).toBeGreaterThan(4);
    const pages = [];
    for (let start = 1; start <= all.totalResults; start += 2) {
      const page = (await scim().get(`/Users?startIndex=${start}&count=2`)).json();
      expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: start });
      pages.push(...page.Resources.map((r: { id: string }) => r.id));
    }
    expect(pages).toEqual(all.Resources.map((r: { id: string }) => r.id));
    expect((await scim().get('/Users?count=0')).json()).toMatchObject({ totalResults: all.totalResults, itemsPerPage: 0, Resources: [] });
    expect((await scim().get('/Users?startIndex=0&count=1')).json().startIndex).toBe(1);
    expect((await scim().get('/Users?count=many')).json()).toMatchObject({ status: '400', scimType: 'invalidValue' });
  });

  it('refuses bad input with the attribute named, and changes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ name: { givenName: 'No' } }, 'userName is required.'],
      [{ userName: 'not-an-email' }, 'Lyceum needs an email address'],
      [{ ...user('flag@example.com'), active: 'maybe' }, 'active must be true or false'],
      [{ ...user('mgr@example.com'), [ENTERPRISE]: { manager: 42 } }, 'manager must be'],
    ];
    for (const [body, detail] of cases) {
      const res = await scim().post('/Users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().detail).toContain(detail);
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/scim/v2/Users',
      headers: { authorization: `Bearer ${SCIM_TOKEN}`, 'content-type': 'application/scim+json' },
      payload: '{"userName": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect((await scim().get(filter('userName eq "flag@example.com" or userName eq "mgr@example.com"'))).json().totalResults).toBe(0);
  });

  it('replaces a user with PUT and refuses to take another person’s userName', async () => {
    const id = await created('put.me@example.com', { title: 'Old title' });
    const res = await scim().put(
      `/Users/${id}`,
      user('put.me@example.com', { displayName: 'Pat Put', [ENTERPRISE]: { department: 'Ops' } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    // PUT replaces: the title it no longer sends is gone.
    expect(res.json()).toMatchObject({ displayName: 'Pat Put', [ENTERPRISE]: { department: 'Ops' } });
    expect(res.json().title).toBeUndefined();
    // Deactivated, then a PUT that does not say `active`: they stay deactivated.
    await scim().patch(`/Users/${id}`, { Operations: [{ op: 'replace', value: { active: false } }] });
    const { active: _omitted, ...withoutActive } = user('put.me@example.com', { displayName: 'Pat Put' });
    const kept = await scim().put(`/Users/${id}`, withoutActive);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().active).toBe(false);
    const taken = await scim().put(`/Users/${id}`, user(max.email));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().scimType).toBe('uniqueness');
    expect((await scim().get(`/Users/${id}`)).json().userName).toBe('put.me@example.com');
  });

  it('keeps a userName that is not the email (Entra user principal names) apart from the email', async () => {
    const res = await scim().post('/Users', {
      userName: 'UPN-4711@corp.example.com',
      emails: [{ value: 'Ursula.Upn@example.com', type: 'work', primary: true }],
      name: { formatted: 'Ursula Upn' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ userName: 'upn-4711@corp.example.com', emails: [{ value: 'ursula.upn@example.com' }] });
    expect((await scim().get(filter('userName eq "upn-4711@corp.example.com"'))).json().totalResults).toBe(1);
    expect((await scim().get(filter('emails.value eq "ursula.upn@example.com"'))).json().totalResults).toBe(1);
    // Someone else may not take the email as their userName.
    expect((await scim().post('/Users', user('ursula.upn@example.com'))).statusCode).toBe(409);
  });

  it("sets the manager and team the manager's view reads (enterprise extension), and takes them away", async () => {
    const res = await scim().patch(`/Users/${max.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [
        { op: 'Add', path: `${ENTERPRISE}:manager`, value: { value: ada.id } },
        { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Platform' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()[ENTERPRISE]).toEqual({
      department: 'Platform',
      manager: { value: ada.id, $ref: expect.any(String), displayName: 'Ada Admin' },
    });
    expect((await as(t.app, max.token).get(`/api/v1/people/${max.id}`)).json()).toMatchObject({ team: 'Platform' });
    const team = await as(t.app, ada.token).get('/api/v1/me/team/learning');
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().items.map((m: { person: { id: string } }) => m.person.id)).toEqual([max.id]);
    // A manager the directory does not know is left empty, not refused (it may arrive later).
    const unknown = await scim().patch(`/Users/${max.id}`, {
      Operations: [{ op: 'replace', path: `${ENTERPRISE}:manager`, value: 'not-yet' }],
    });
    expect(unknown.statusCode, unknown.body).toBe(200);
    expect(unknown.json()[ENTERPRISE].manager).toBeUndefined();
    expectError(await as(t.app, ada.token).get('/api/v1/me/team/learning'), 403, 'forbidden');
    const cleared = await scim().patch(`/Users/${max.id}`, { Operations: [{ op: 'Remove', path: `${ENTERPRISE}:department` }] });
    expect(cleared.json()[ENTERPRISE]).toEqual({});
  });

  it('DELETE keeps the person for the figures, deactivated, and SCIM no longer knows them; a later POST brings the same person back', async () => {
    const id = await created('leaving.soon@example.com');
    expect((await scim().delete(`/Users/${id}`)).statusCode).toBe(204);
    expect((await scim().get(`/Users/${id}`)).statusCode).toBe(404);
    expect((await scim().delete(`/Users/${id}`)).statusCode).toBe(404);
    expect((await scim().get(filter('userName eq "leaving.soon@example.com"'))).json().totalResults).toBe(0);
    expect((await as(t.app, max.token).get(`/api/v1/people/${id}`)).json()).toMatchObject({ active: false });
    const back = await scim().post('/Users', user('leaving.soon@example.com', { displayName: 'Back Again' }));
    expect(back.statusCode, back.body).toBe(201);
    expect(back.json()).toMatchObject({ id, active: true, displayName: 'Back Again' });
  });

  it('an erased person is gone from SCIM and their names with them', async () => {
    const id = await created('erase.me@example.com', { externalId: 'ext-erase' });
    const erased = await as(t.app, ada.token).post(`/api/v1/admin/people/${id}/erase`, { confirm: 'erase.me@example.com' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await scim().get(`/Users/${id}`)).statusCode).toBe(404);
    expect((await scim().get(filter('externalId eq "ext-erase"'))).json().totalResults).toBe(0);
    const row = await t.database.db
      .selectFrom('people')
      .select(['external_id', 'scim_user_name'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ external_id: null, scim_user_name: null });
  });
});
