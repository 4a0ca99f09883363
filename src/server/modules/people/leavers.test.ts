import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { changeWithPlainSql } from '../../../../test/helpers/credentials.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import { newId } from '../../platform/ids.js';
import { outboxRepository } from '../../platform/outbox/outbox.repository.js';

const { t, ada, ava, hana, leo, wes, max } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  ava: { name: 'Ava Admin', role: 'admin' },
  hana: { name: 'Hana Host' },
  leo: { name: 'Leo Leaver' },
  wes: { name: 'Wes Waiting' },
  max: { name: 'Max Member' },
});

const admin = () => as(t.app, ada.token);
const path = (id: string, action = '') => `/api/v1/admin/people/${id}${action ? `/${action}` : ''}`;

const registrationOf = (sessionId: string, personId: string) =>
  t.database.db
    .selectFrom('registrations')
    .select(['status', 'position'])
    .where('session_id', '=', sessionId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();

const queued = (topic: string, personId: string) =>
  t.database.db
    .selectFrom('outbox')
    .select(['topic', 'session_id', 'payload'])
    .where('topic', '=', topic)
    .where('person_id', '=', personId)
    .execute();

const pendingFor = (personId: string) =>
  t.database.db
    .selectFrom('outbox')
    .select(['topic'])
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .where('channel', '=', 'email')
    .execute();

/** Mail delivered to one address (the built-in mailbox: no SMTP_URL in tests). */
const mailTo = async (email: string) => {
  const list = (await admin().get(`/api/v1/admin/mailbox?to=${encodeURIComponent(email)}&limit=100`)).json();
  return Promise.all(
    list.items.map(
      async (m: { id: string }) =>
        (await admin().get(`/api/v1/admin/mailbox/${m.id}`)).json() as Promise<{ subject: string; text: string }>,
    ),
  );
};

/**
 * Leo: a seat in a full session with Wes waiting, a browser session, a calendar feed, a workshop
 * he hosts alone and one he hosts with Hana.
 */
let fullSession: string;
let hostedSession: string;
let coHostedSession: string;
let browser: Awaited<ReturnType<typeof signInWithBrowser>>;
let feedPath: string;

beforeAll(async () => {
  fullSession = await publishedSession(t.app, hana.token, { seats: 1 });
  expect((await as(t.app, leo.token).post(`/api/v1/sessions/${fullSession}/registrations`, {})).json().status).toBe('enrolled');
  expect((await as(t.app, wes.token).post(`/api/v1/sessions/${fullSession}/registrations`, {})).json().status).toBe('waitlisted');
  hostedSession = await publishedSession(t.app, leo.token, {}, 10);
  coHostedSession = await publishedSession(t.app, leo.token, {}, 12);
  const coHosted = (await as(t.app, leo.token).get(`/api/v1/sessions/${coHostedSession}`)).json().workshopId;
  expect((await as(t.app, leo.token).post(`/api/v1/workshops/${coHosted}/hosts`, { personId: hana.id })).statusCode).toBe(200);
  browser = await signInWithBrowser(t.app, leo.email);
  feedPath = new URL((await browser.post('/api/v1/me/calendar')).json().url).pathname;
});

describe('a person who leaves (People admin API)', () => {
  it('works for them until they leave', async () => {
    expect((await as(t.app, leo.token).get('/api/v1/me')).statusCode).toBe(200);
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
    expect((await admin().get(`/api/v1/people/${leo.id}`)).json().active).toBe(true);
  });

  it('is refused for members (403) and for the admin themselves (409)', async () => {
    for (const action of ['deactivate', 'reactivate']) expectError(await as(t.app, max.token).post(path(leo.id, action)), 403, 'forbidden');
    expectError(await as(t.app, max.token).post(path(leo.id, 'erase'), { confirm: leo.email }), 403, 'forbidden');
    expectError(await as(t.app, max.token).patch(path(leo.id), { role: 'admin' }), 403, 'forbidden');
    expectError(await as(t.app, max.token).get('/api/v1/admin/people'), 403, 'forbidden');

    expectError(await admin().post(path(ada.id, 'deactivate')), 409, 'cannot_change_self');
    expectError(await admin().post(path(ada.id, 'erase'), { confirm: ada.email }), 409, 'cannot_change_self');
    expectError(await admin().patch(path(ada.id), { role: 'member' }), 409, 'cannot_change_self');
    expect((await admin().get(`/api/v1/people/${ada.id}`)).json()).toMatchObject({ active: true, role: 'admin' });
    expectError(await admin().post(path('no-such-person', 'deactivate')), 404, 'not_found');
  });

  it('deactivation stops their token, browser and feed at once, frees their seat for the next in line and flags their workshop', async () => {
    // Mail waiting for Leo (his own registration's): withdrawn when he leaves.
    expect((await pendingFor(leo.id)).length).toBeGreaterThan(0);
    const res = await admin().post(path(leo.id, 'deactivate'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: leo.id,
      active: false,
      deactivatedBy: { id: ada.id, name: 'Ada Admin' },
      erasedAt: null,
    });
    expect(Date.parse(res.json().deactivatedAt)).toBeGreaterThan(Date.now() - 60_000);

    expectError(await as(t.app, leo.token).get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await browser.get('/api/v1/me'), 401, 'unauthenticated');
    expect((await t.app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(404);
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: leo.email } }), 403, 'forbidden');
    // The refusal is in the audit log, without an actor (nobody signed in).
    const refused = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'sign_in.failed')
      .where('target_id', '=', leo.id)
      .execute();
    expect(refused.map((r) => [r.actor_id, r.actor_label, JSON.parse(r.details ?? '{}').reason])).toEqual([
      [null, leo.email, 'deactivated'],
    ]);

    // The seat went to Wes, who was told; Leo's place is cancelled.
    expect(await registrationOf(fullSession, leo.id)).toMatchObject({ status: 'cancelled' });
    expect(await registrationOf(fullSession, wes.id)).toMatchObject({ status: 'enrolled', position: null });
    expect(await queued('registration.promoted', wes.id)).toEqual([expect.objectContaining({ session_id: fullSession })]);
    // Nothing waits for Leo any more, not even the cancellation of his own place.
    expect(await pendingFor(leo.id)).toEqual([]);

    // He hosted his workshop alone: every admin hears of it (the acting one too), about its next session.
    for (const person of [ada, ava]) {
      const [message] = await queued('host.left', person.id);
      expect(message?.session_id).toBe(hostedSession);
      expect(JSON.parse(message?.payload ?? '{}').leaver).toEqual({ name: 'Leo Leaver', alone: true });
    }
    // The workshop he hosted with Hana: Hana hears of it (not alone), the admins do not.
    const [toHana, ...more] = await queued('host.left', hana.id);
    expect(more).toEqual([]);
    expect(toHana?.session_id).toBe(coHostedSession);
    expect(JSON.parse(toHana?.payload ?? '{}').leaver).toEqual({ name: 'Leo Leaver', alone: false });
    for (const person of [ada, ava]) expect((await queued('host.left', person.id)).map((m) => m.session_id)).toEqual([hostedSession]);

    // Delivered: Wes is mailed his seat, the admins and Hana the news; Leo gets nothing.
    await t.app.jobs['deliver-outbox']?.();
    const toWes = await mailTo(wes.email);
    expect(toWes.map((m) => m.subject)).toContainEqual(expect.stringMatching(/^A seat opened up: you're in /));
    expect((await mailTo(hana.email)).some((m) => m.text.includes('Leo Leaver'))).toBe(true);
    expect((await mailTo(ada.email)).some((m) => m.text.includes('Leo Leaver'))).toBe(true);
    expect(await mailTo(leo.email)).toEqual([]);

    // The directory still knows him, as inactive; the audit log says who did it, from where.
    expect((await as(t.app, max.token).get(`/api/v1/people/${leo.id}`)).json()).toMatchObject({ name: 'Leo Leaver', active: false });
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.deactivated').execute();
    expect(audit).toEqual([expect.objectContaining({ actor_id: ada.id, target_id: leo.id, summary: 'Deactivated Leo Leaver' })]);
    expect(audit[0]?.request_id).toBeTruthy();
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ registrationsCancelled: 1, messagesWithdrawn: expect.any(Number) });
    expect(audit[0]?.ip).toBeTruthy();

    // Again: nothing more happens.
    expect((await admin().post(path(leo.id, 'deactivate'))).json().active).toBe(false);
    expect(await t.database.db.selectFrom('audit_log').select('id').where('action', '=', 'person.deactivated').execute()).toHaveLength(1);
  });

  it('no new message is written to them while they are inactive (a job, a host writing to a roster)', async () => {
    const enqueue = (personId: string, key: string) =>
      outboxRepository.enqueueForPerson(t.database.db, {
        id: newId(),
        topic: 'session.message',
        dedupKey: key,
        payload: '{}',
        personId,
        sessionId: null,
        kind: 'host_messages',
        at: new Date().toISOString(),
      });
    await enqueue(leo.id, `test:${leo.id}`);
    await enqueue(max.id, `test:${max.id}`);
    const written = await t.database.db.selectFrom('outbox').select('person_id').where('dedup_key', 'like', 'test:%').execute();
    expect(written).toEqual([{ person_id: max.id }]);
  });

  it('authentication itself refuses anyone inactive, whatever credentials are left (another path, a race)', async () => {
    const other = await signInWithBrowser(t.app, max.email);
    const feed = new URL((await other.post('/api/v1/me/calendar')).json().url).pathname;
    const setActive = (active: number) =>
      changeWithPlainSql(t.app, max.id, () => t.database.db.updateTable('people').set({ active }).where('id', '=', max.id).execute());
    await setActive(0);
    try {
      expectError(await as(t.app, max.token).get('/api/v1/me'), 401, 'unauthenticated');
      expectError(await other.get('/api/v1/me'), 401, 'unauthenticated');
      expect((await t.app.inject({ method: 'GET', url: feed })).statusCode).toBe(404);
    } finally {
      await setActive(1);
    }
    expect((await as(t.app, max.token).get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('the admin list finds people by name or email, active or not, with who deactivated them', async () => {
    const found = (await admin().get(`/api/v1/admin/people?q=${encodeURIComponent('leo leav')}`)).json();
    expect(found.items).toEqual([
      expect.objectContaining({
        id: leo.id,
        active: false,
        role: 'member',
        roleSource: 'manual',
        deactivatedBy: expect.objectContaining({ id: ada.id }),
      }),
    ]);
    // The workshop he hosted alone is flagged on his row until someone hosts it; the co-hosted one is not.
    const hostedWorkshop = (await admin().get(`/api/v1/sessions/${hostedSession}`)).json().workshopId;
    expect(found.items[0].workshopsWithoutHost).toEqual([{ id: hostedWorkshop, title: expect.any(String) }]);
    const byEmail = (await admin().get(`/api/v1/admin/people?q=${encodeURIComponent(wes.email)}`)).json();
    expect(byEmail.items[0].workshopsWithoutHost).toEqual([]);
    expect(byEmail.items.map((p: { id: string }) => p.id)).toEqual([wes.id]);
    const first = (await admin().get('/api/v1/admin/people?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin().get(`/api/v1/admin/people?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].name > first.items[1].name).toBe(true);
  });

  it('reactivation restores sign-in, not the cancelled registration nor the revoked token', async () => {
    const res = await admin().post(path(leo.id, 'reactivate'));
    expect(res.json()).toMatchObject({ active: true, deactivatedAt: null, deactivatedBy: null, workshopsWithoutHost: [] });
    const again = await signInWithBrowser(t.app, leo.email);
    expect((await again.get('/api/v1/me')).json()).toMatchObject({ id: leo.id, active: true });
    expect(await registrationOf(fullSession, leo.id)).toMatchObject({ status: 'cancelled' });
    expectError(await as(t.app, leo.token).get('/api/v1/me'), 401, 'unauthenticated');
    expect(await t.database.db.selectFrom('audit_log').select('actor_id').where('action', '=', 'person.reactivated').execute()).toEqual([
      { actor_id: ada.id },
    ]);
  });

  it('an admin changes a role by hand; the new admin may use the admin page, and back', async () => {
    const made = await admin().patch(path(max.id), { role: 'admin' });
    expect(made.json()).toMatchObject({ role: 'admin', roleSource: 'manual' });
    expect((await as(t.app, max.token).get('/api/v1/admin/people')).statusCode).toBe(200);
    expect((await admin().patch(path(max.id), { role: 'member' })).json().role).toBe('member');
    expectError(await as(t.app, max.token).get('/api/v1/admin/people'), 403, 'forbidden');
    const changes = await t.database.db.selectFrom('audit_log').select('details').where('action', '=', 'person.role_changed').execute();
    expect(changes.map((c) => JSON.parse(c.details ?? '{}'))).toEqual(
      expect.arrayContaining([
        { from: 'member', to: 'admin' },
        { from: 'admin', to: 'member' },
      ]),
    );
  });

  it('erasure needs the email typed again, then replaces name, email and profile for good', async () => {
    expectError(await admin().post(path(leo.id, 'erase'), { confirm: 'someone@else.example' }), 400, 'validation_failed');
    expectError(await admin().post(path(leo.id, 'erase'), {}), 400, 'validation_failed');
    expect((await admin().get(`/api/v1/people/${leo.id}`)).json().name).toBe('Leo Leaver');
    // Back since his reactivation, he registered again and was mailed (the built-in mailbox keeps a copy).
    const later = await publishedSession(t.app, hana.token, {}, 9);
    const leoAgain = await signInWithBrowser(t.app, leo.email);
    expect((await leoAgain.post(`/api/v1/sessions/${later}/registrations`, {})).json().status).toBe('enrolled');
    await t.app.jobs['deliver-outbox']?.();
    expect((await mailTo(leo.email)).length).toBeGreaterThan(0);

    const res = await admin().post(path(leo.id, 'erase'), { confirm: leo.email.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Former colleague',
      email: `erased-${leo.id}@invalid`,
      active: false,
      title: null,
      team: null,
    });
    expect(res.json().erasedAt).toBeTruthy();
    expect((await as(t.app, max.token).get(`/api/v1/people/${leo.id}`)).json()).toMatchObject({
      name: 'Former colleague',
      title: null,
      team: null,
      location: null,
      active: false,
    });

    // Signed out, credentials deleted, cannot come back; the registration still counts.
    expect(await t.database.db.selectFrom('api_tokens').select('id').where('person_id', '=', leo.id).execute()).toEqual([]);
    expect(await t.database.db.selectFrom('login_sessions').select('id').where('person_id', '=', leo.id).execute()).toEqual([]);
    expect(await registrationOf(fullSession, leo.id)).toMatchObject({ status: 'cancelled' });
    expectError(await admin().post(path(leo.id, 'reactivate')), 409, 'invalid_state');
    expectError(await admin().post(path(leo.id, 'erase'), { confirm: `erased-${leo.id}@invalid` }), 409, 'invalid_state');

    // The built-in mailbox keeps no mail to him (it named him and carried his address).
    expect(await t.database.db.selectFrom('mailbox').select('id').where('person_id', '=', leo.id).execute()).toEqual([]);
    expect(await mailTo(leo.email)).toEqual([]);
    expect(await registrationOf(later, leo.id)).toMatchObject({ status: 'cancelled' });

    // The log names nobody for the erasure.
    const erased = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.erased').execute();
    expect(erased).toEqual([expect.objectContaining({ actor_id: ada.id, target_id: leo.id })]);
    expect(erased[0]?.summary).not.toMatch(/Leo/);
  });

  it('records each action with who, what, when, from where and the request id of its answer', async () => {
    const send = (method: 'POST' | 'PATCH', url: string, payload: object = {}) =>
      t.app.inject({ method, url, payload, headers: { authorization: `Bearer ${ava.token}` }, remoteAddress: '10.9.8.7' });
    const actions: [string, Awaited<ReturnType<typeof send>>][] = [
      ['person.role_changed', await send('PATCH', path(max.id), { role: 'admin' })],
      ['person.deactivated', await send('POST', path(max.id, 'deactivate'))],
      ['person.reactivated', await send('POST', path(max.id, 'reactivate'))],
    ];
    for (const [action, res] of actions) {
      expect(res.statusCode, res.body).toBe(200);
      const entries = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('request_id', '=', String(res.headers['x-request-id']))
        .execute();
      expect(entries).toEqual([
        expect.objectContaining({
          action,
          actor_id: ava.id,
          actor_label: 'Ava Admin',
          target_type: 'person',
          target_id: max.id,
          ip: '10.9.8.7',
        }),
      ]);
      expect(Date.now() - Date.parse(entries[0]?.at ?? '')).toBeLessThan(60_000);
    }
    await send('PATCH', path(max.id), { role: 'member' });
  });

  it('erasing someone still active deactivates them too, with the same effects', async () => {
    const browserOfWes = await signInWithBrowser(t.app, wes.email);
    const res = await as(t.app, ava.token).post(path(wes.id, 'erase'), { confirm: wes.email });
    expect(res.json()).toMatchObject({ active: false, name: 'Former colleague', deactivatedBy: { id: ava.id } });
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'target_id', 'ip', 'summary'])
      .where('request_id', '=', String(res.headers['x-request-id']))
      .orderBy('action')
      .execute();
    expect(entries).toEqual([
      {
        action: 'person.deactivated',
        actor_id: ava.id,
        target_id: wes.id,
        ip: expect.any(String),
        summary: 'Deactivated a person (being erased)',
      },
      {
        action: 'person.erased',
        actor_id: ava.id,
        target_id: wes.id,
        ip: expect.any(String),
        summary: "Erased a person's name, email and profile",
      },
    ]);
    expectError(await browserOfWes.get('/api/v1/me'), 401, 'unauthenticated');
    expectError(await as(t.app, wes.token).get('/api/v1/me'), 401, 'unauthenticated');
    expect(await registrationOf(fullSession, wes.id)).toMatchObject({ status: 'cancelled' });
  });
});
