import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { SCIM_ENV, scimClient } from '../../../../test/helpers/scim.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

const { t, hana, leo, wes, hand } = testAppWithPeople(
  {
    hana: { name: 'Hana Host' },
    leo: { name: 'Leo Leaver' },
    wes: { name: 'Wes Waiting' },
    hand: { name: 'Hand Made Admin', role: 'admin' },
  },
  { env: SCIM_ENV },
);
const scim = () => scimClient(t.app);
const roleOf = async (id: string) =>
  (await t.database.db.selectFrom('people').select(['role', 'role_source']).where('id', '=', id).executeTakeFirstOrThrow()).role;

describe('SCIM groups: admin groups make admins', () => {
  it('a member of "Lyceum Admins" becomes an admin; leaving the group (or the group going) takes back only what it gave', async () => {
    const created = await scim().post('/Groups', { displayName: 'Lyceum Admins', members: [{ value: wes.id }, { value: hand.id }] });
    expect(created.statusCode, created.body).toBe(201);
    const groupId = created.json().id;
    expect(await roleOf(wes.id)).toBe('admin');
    expect((await as(t.app, wes.token).get('/api/v1/admin/people')).statusCode).toBe(200);

    const removed = await scim().patch(`/Groups/${groupId}`, {
      Operations: [
        { op: 'remove', path: `members[value eq "${wes.id}"]` },
        { op: 'remove', path: `members[value eq "${hand.id}"]` },
      ],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().members).toEqual([]);
    expect(await roleOf(wes.id)).toBe('member');
    // Made an admin by hand: the directory does not take it away.
    expect(await roleOf(hand.id)).toBe('admin');
    expectError(await as(t.app, wes.token).get('/api/v1/admin/people'), 403, 'forbidden');

    await scim().patch(`/Groups/${groupId}`, { Operations: [{ op: 'add', path: 'members', value: [{ value: wes.id }] }] });
    expect(await roleOf(wes.id)).toBe('admin');
    expect((await scim().delete(`/Groups/${groupId}`)).statusCode).toBe(204);
    expect(await roleOf(wes.id)).toBe('member');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_label'])
      .where('target_id', '=', wes.id)
      .where('action', '=', 'person.role_changed')
      .execute();
    expect(audit).toEqual(Array(4).fill({ action: 'person.role_changed', actor_label: 'SCIM' }));
  });

  it('PATCH replace on members sets the whole list and the admin role follows; groups filter on displayName and externalId', async () => {
    const created = await scim().post('/Groups', { displayName: 'Lyceum Admins', externalId: 'idp-admins', members: [{ value: leo.id }] });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json();
    expect(await roleOf(leo.id)).toBe('admin');
    const res = await scim().patch(`/Groups/${group.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'members', value: [{ value: hana.id }] }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members.map((m: { value: string }) => m.value)).toEqual([hana.id]);
    expect(await roleOf(leo.id)).toBe('member');
    expect(await roleOf(hana.id)).toBe('admin');
    const names = async (text: string) => {
      const found = await scim().get(`/Groups?filter=${encodeURIComponent(text)}`);
      expect(found.statusCode, `${text}: ${found.body}`).toBe(200);
      return found.json().Resources.map((g: { displayName: string }) => g.displayName);
    };
    expect(await names('displayName eq "lyceum admins"')).toEqual(['Lyceum Admins']);
    expect(await names('displayName sw "Lyceum" and externalId eq "idp-admins"')).toEqual(['Lyceum Admins']);
    expect(await names('displayName co "dmin" or externalId pr')).toEqual(['Lyceum Admins']);
    expect(await names('externalId eq "other"')).toEqual([]);
    const bad = await scim().get(`/Groups?filter=${encodeURIComponent('userName eq "x"')}`);
    expect(bad.json()).toMatchObject({ status: '400', scimType: 'invalidFilter' });
    expect((await scim().delete(`/Groups/${group.id}`)).statusCode).toBe(204);
    expect(await roleOf(hana.id)).toBe('member');
  });

  it('a user the provider deletes leaves its groups (and the admin role they gave); an erased one is no member either', async () => {
    const made = await scim().post('/Users', { userName: 'gone.admin@example.com', name: { formatted: 'Gone Admin' } });
    expect(made.statusCode, made.body).toBe(201);
    const goneId = made.json().id;
    const group = (await scim().post('/Groups', { displayName: 'Lyceum Admins', members: [{ value: goneId }, { value: hana.id }] })).json();
    expect(await roleOf(goneId)).toBe('admin');
    expect((await scim().delete(`/Users/${goneId}`)).statusCode).toBe(204);
    expect(await roleOf(goneId)).toBe('member');
    expect((await scim().get(`/Groups/${group.id}`)).json().members.map((m: { value: string }) => m.value)).toEqual([hana.id]);
    const inGroup = await t.database.db.selectFrom('scim_group_members').select('person_id').where('group_id', '=', group.id).execute();
    expect(inGroup.map((m) => m.person_id)).toEqual([hana.id]);
    // Erased by an admin: listed no more (the provider is told by a 404 on the user).
    const erasedId = (await scim().post('/Users', { userName: 'erased.member@example.com' })).json().id;
    await scim().patch(`/Groups/${group.id}`, { Operations: [{ op: 'add', path: 'members', value: [{ value: erasedId }] }] });
    const erased = await as(t.app, hand.token).post(`/api/v1/admin/people/${erasedId}/erase`, { confirm: 'erased.member@example.com' });
    expect(erased.statusCode, erased.body).toBe(200);
    expect((await scim().get(`/Groups/${group.id}`)).json().members.map((m: { value: string }) => m.value)).toEqual([hana.id]);
    expect((await scim().delete(`/Groups/${group.id}`)).statusCode).toBe(204);
    expect(await roleOf(hana.id)).toBe('member');
  });

  it('renaming a group into or out of the admin groups changes its members’ role', async () => {
    const group = (await scim().post('/Groups', { displayName: 'Engineering', members: [{ value: leo.id }] })).json();
    expect(await roleOf(leo.id)).toBe('member');
    await scim().patch(`/Groups/${group.id}`, { Operations: [{ op: 'Replace', path: 'displayName', value: 'Lyceum Admins' }] });
    expect(await roleOf(leo.id)).toBe('admin');
    const put = await scim().put(`/Groups/${group.id}`, { displayName: 'Engineering', members: [{ value: leo.id }] });
    expect(put.statusCode, put.body).toBe(200);
    expect(await roleOf(leo.id)).toBe('member');
    await scim().delete(`/Groups/${group.id}`);
  });

  it('refuses a second group of the same name, unknown members and a PATCH it cannot read', async () => {
    const group = (await scim().post('/Groups', { displayName: 'Readers' })).json();
    const dup = await scim().post('/Groups', { displayName: 'readers' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().scimType).toBe('uniqueness');
    const unknown = await scim().patch(`/Groups/${group.id}`, {
      Operations: [{ op: 'add', path: 'members', value: [{ value: 'nobody' }] }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ scimType: 'invalidValue' });
    for (const body of [{}, { Operations: [{ op: 'move', path: 'displayName' }] }, { Operations: [{ op: 'remove' }] }]) {
      const res = await scim().patch(`/Groups/${group.id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const badPath = await scim().patch(`/Groups/${group.id}`, { Operations: [{ op: 'replace', path: 'members[value eq', value: 'x' }] });
    expect(badPath.json()).toMatchObject({ status: '400', scimType: 'invalidPath' });
    expect((await scim().get(`/Groups/${group.id}`)).json()).toMatchObject({ displayName: 'Readers', members: [] });
    expect((await scim().patch('/Groups/nope', { Operations: [{ op: 'replace', path: 'displayName', value: 'x' }] })).statusCode).toBe(404);
  });
});

describe('the leaver journey, end to end through SCIM', () => {
  let fullSession: string;
  let feedPath: string;
  let browser: Awaited<ReturnType<typeof signInWithBrowser>>;

  beforeAll(async () => {
    fullSession = await publishedSession(t.app, hana.token, { seats: 1 });
    expect((await as(t.app, leo.token).post(`/api/v1/sessions/${fullSession}/registrations`, {})).json().status).toBe('enrolled');
    expect((await as(t.app, wes.token).post(`/api/v1/sessions/${fullSession}/registrations`, {})).json().status).toBe('waitlisted');
    browser = await signInWithBrowser(t.app, leo.email);
    feedPath = new URL((await browser.post('/api/v1/me/calendar')).json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
  });

  it('Entra sets active "False": seat cancelled, the next in line promoted and mailed, token refused, feed 404, sign-in refused', async () => {
    const found = (await scim().get(`/Users?filter=${encodeURIComponent(`userName eq "${leo.email}"`)}`)).json();
    expect(found.Resources[0].id).toBe(leo.id);
    const res = await scim().patch(`/Users/${leo.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);

    const registrations = await t.database.db
      .selectFrom('registrations')
      .select(['person_id', 'status', 'position'])
      .where('session_id', '=', fullSession)
      .orderBy('created_at')
      .execute();
    expect(registrations).toEqual([
      { person_id: leo.id, status: 'cancelled', position: null },
      { person_id: wes.id, status: 'enrolled', position: null },
    ]);
    const told = await t.database.db
      .selectFrom('outbox')
      .select(['topic', 'channel'])
      .where('person_id', '=', wes.id)
      .where('topic', '=', 'registration.promoted')
      .execute();
    expect(told.map((m) => m.topic)).toEqual(['registration.promoted']);
    // The mail goes out: the outbox worker delivers it to the built-in mailbox.
    await t.app.jobs['deliver-outbox']?.();
    const mailbox = (await as(t.app, hand.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(wes.email)}&limit=100`)).json();
    const subjects = await Promise.all(
      mailbox.items.map(async (m: { id: string }) => (await as(t.app, hand.token).get(`/api/v1/admin/mailbox/${m.id}`)).json().subject),
    );
    expect(subjects).toContainEqual(expect.stringMatching(/^A seat opened up: you're in /));
    expectError(await as(t.app, leo.token).get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await browser.get('/api/v1/me'), 401, 'unauthenticated');
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: leo.email } }), 403, 'forbidden');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('target_id', '=', leo.id)
      .where('action', '=', 'person.deactivated')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: null, actor_label: 'SCIM' })]);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ registrationsCancelled: 1 });
    const scimEntries = async () =>
      (
        await t.database.db
          .selectFrom('audit_log')
          .select(['action', 'actor_label'])
          .where('target_id', '=', leo.id)
          .where('action', 'like', 'scim.user.%')
          .orderBy('at')
          .orderBy('id')
          .execute()
      ).map((a) => `${a.actor_label} ${a.action}`);
    // The provider's request is in the SCIM family of the log too (what the audit filter "scim." shows).
    expect(await scimEntries()).toEqual(['SCIM scim.user.deactivated']);

    // Reactivated by the provider: sign-in works again, the seat stays with Wes.
    await scim().patch(`/Users/${leo.id}`, { Operations: [{ op: 'replace', value: { active: true } }] });
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: leo.email } });
    expect(again.statusCode).toBe(200);
    expect(await scimEntries()).toEqual(['SCIM scim.user.deactivated', 'SCIM scim.user.reactivated']);
    expect(
      (
        await t.database.db
          .selectFrom('registrations')
          .select('status')
          .where('person_id', '=', leo.id)
          .where('session_id', '=', fullSession)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('cancelled');
  });
});
