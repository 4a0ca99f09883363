import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { checkSeatInvariants } from '../../../../test/helpers/invariants.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

const { t, host, people } = testAppWithPeople({ host: { name: 'Hana Host' } }, { learners: 6 });

const register = (p: TestPerson, sessionId: string, body: object = {}) =>
  as(t.app, p.token).post(`/api/v1/sessions/${sessionId}/registrations`, body);
const cancel = (p: TestPerson, sessionId: string) => as(t.app, p.token).delete(`/api/v1/sessions/${sessionId}/registrations/me`);
const sessionAs = async (p: TestPerson, id: string) => (await as(t.app, p.token).get(`/api/v1/sessions/${id}`)).json();

describe('registering', () => {
  it('enrols while seats last, then waitlists in arrival order; registering again changes nothing', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 2 });
    const answers = [];
    for (const p of people.slice(0, 4)) answers.push(await register(p, id));
    expect(answers.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(answers.map((r) => [r.json().status, r.json().position])).toEqual([
      ['enrolled', null],
      ['enrolled', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    const again = await register(people[2] as TestPerson, id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(answers[2]?.json().id);

    const seen = await sessionAs(people[3] as TestPerson, id);
    expect(seen).toMatchObject({ seats: 2, enrolledCount: 2, waitlistCount: 2, myRegistration: { status: 'waitlisted', position: 2 } });
  });

  it('gives a freed seat to the first person waiting, and closes the gap behind them', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b, c, d] = people as [TestPerson, TestPerson, TestPerson, TestPerson];
    for (const p of [a, b, c, d]) await register(p, id);
    expect((await cancel(c, id)).json()).toMatchObject({ status: 'cancelled' });
    expect((await sessionAs(d, id)).myRegistration).toMatchObject({ status: 'waitlisted', position: 2 });

    const cancelled = await cancel(a, id);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', lateCancellation: false });
    expect((await sessionAs(b, id)).myRegistration).toMatchObject({ status: 'enrolled', position: null });
    expect((await sessionAs(d, id)).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });
    expect(await sessionAs(host, id)).toMatchObject({ enrolledCount: 1, waitlistCount: 1 });
  });

  it('treats null seats as unlimited and records a cancellation under 24 hours as late', async () => {
    const id = await publishedSession(t.app, host.token, { seats: null }, 0.5);
    for (const p of people) expect((await register(p, id)).json().status).toBe('enrolled');
    expect((await cancel(people[0] as TestPerson, id)).json().lateCancellation).toBe(true);
  });

  it('keeps separate seats and waitlists for the two halves of a hybrid session', async () => {
    const id = await publishedSession(t.app, host.token, {
      mode: 'hybrid',
      seats: 1,
      onlineSeats: 1,
      videoUrl: 'https://meet.example.com/x',
    });
    const [a, b, c] = people as [TestPerson, TestPerson, TestPerson];
    expect((await register(a, id, { mode: 'in_person' })).json()).toMatchObject({ status: 'enrolled', mode: 'in_person' });
    expect((await register(b, id, { mode: 'online' })).json()).toMatchObject({ status: 'enrolled', mode: 'online' });
    expect((await register(c, id, { mode: 'online' })).json()).toMatchObject({ status: 'waitlisted', position: 1, mode: 'online' });
    expect(await sessionAs(host, id)).toMatchObject({
      seats: 1,
      onlineSeats: 1,
      enrolledCount: 2,
      onlineEnrolledCount: 1,
      onlineWaitlistCount: 1,
    });
    await cancel(b, id);
    expect((await checkSeatInvariants(t.database.db, id, 2)).countsKept).toBe(true);
  });

  it('tells each person once, by what was decided: a waitlist place, a seat, or nothing new for registering again', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b, c] = people as [TestPerson, TestPerson, TestPerson];
    const messages = async (p: TestPerson) =>
      (
        await t.database.db
          .selectFrom('outbox')
          .select('topic')
          .where('session_id', '=', id)
          .where('person_id', '=', p.id)
          .where('topic', 'like', 'registration.%')
          .execute()
      ).map((m) => m.topic);
    await register(a, id);
    await register(b, id);
    expect((await register(b, id)).statusCode).toBe(200);
    expect(await messages(a)).toEqual(['registration.enrolled']);
    expect(await messages(b)).toEqual(['registration.waitlisted']);

    // The session read before the decision says someone waits; the decision, made under the lock
    // from the registrations themselves, gives a seat: only that is said. (On PostgreSQL a pool
    // that looks full takes the one-statement waitlist path, which must hand a free seat back.)
    await cancel(a, id);
    await cancel(b, id);
    await t.database.db.updateTable('sessions').set({ in_person_waiting: 1 }).where('id', '=', id).execute();
    expect((await register(c, id)).json()).toMatchObject({ status: 'enrolled' });
    expect(await messages(c)).toEqual(['registration.enrolled']);
  });

  it('replays the first answer for a retried Idempotency-Key and refuses its reuse for another request', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 });
    const p = people[0] as TestPerson;
    const send = (sessionId: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${sessionId}/registrations`,
        headers: { authorization: `Bearer ${p.token}`, 'idempotency-key': 'k-1' },
        payload: {},
      });
    const first = await send(id);
    const retry = await send(id);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    const other = await publishedSession(t.app, host.token);
    expectError(await send(other), 409, 'conflict');
  });

  it('forgets an Idempotency-Key after a day: the purge job removes it, and the key then serves a new request', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 });
    const other = await publishedSession(t.app, host.token, { seats: 5 });
    const p = people[1] as TestPerson;
    const send = (sessionId: string, key: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/sessions/${sessionId}/registrations`,
        headers: { authorization: `Bearer ${p.token}`, 'idempotency-key': key },
        payload: {},
      });
    expect((await send(id, 'old-key')).statusCode).toBe(201);
    expect((await send(id, 'new-key')).statusCode).toBe(200);
    const dayAndAMinuteAgo = new Date(Date.now() - 24 * 3_600_000 - 60_000).toISOString();
    await t.database.db.updateTable('idempotency_keys').set({ created_at: dayAndAMinuteAgo }).where('key', '=', 'old-key').execute();
    expect(await t.app.jobs['purge-idempotency-keys']?.()).toBeGreaterThanOrEqual(1);
    const keys = await t.database.db.selectFrom('idempotency_keys').select('key').where('key', 'in', ['old-key', 'new-key']).execute();
    expect(keys.map((k) => k.key)).toEqual(['new-key']);
    expect((await send(other, 'old-key')).statusCode).toBe(201);
    expectError(await send(other, 'new-key'), 409, 'conflict');
  });

  it('answers wrong states with clear errors and changes nothing', async () => {
    const p = people[0] as TestPerson;
    expectError(await register(p, '01890000-0000-7000-8000-000000000000'), 404, 'not_found');
    const id = await publishedSession(t.app, host.token, { seats: 3 });
    expectError(await register(p, id, { mode: 'online' }), 400, 'validation_failed');
    const malformed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${id}/registrations`,
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      payload: '{',
    });
    expectError(malformed, 400, 'invalid_json');
    expectError(await cancel(p, id), 404, 'not_found');

    await as(t.app, host.token).post(`/api/v1/sessions/${id}/cancel`);
    const closed = await register(p, id);
    expectError(closed, 409, 'invalid_state');

    const later = await publishedSession(t.app, host.token, { registrationOpensAt: new Date(Date.now() + 86_400_000).toISOString() });
    expectError(await register(p, later), 409, 'invalid_state');
    expect((await sessionAs(host, later)).enrolledCount).toBe(0);
  });

  it("hides someone else's registration (404) and lets only hosts manage the roster (403)", async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b] = people as [TestPerson, TestPerson];
    await register(a, id);
    const offered = (await register(b, id)).json();
    expectError(await as(t.app, a.token).post(`/api/v1/registrations/${offered.id}/confirm`), 404, 'not_found');
    expectError(await as(t.app, a.token).get(`/api/v1/sessions/${id}/registrations`), 403, 'forbidden');
    expectError(await as(t.app, a.token).post(`/api/v1/registrations/${offered.id}/move`, { position: 1 }), 404, 'not_found');
  });
});

describe('seats changed by the host', () => {
  it('promotes at once when seats are raised, and removes nobody when they are lowered', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    for (const p of people.slice(0, 4)) await register(p, id);
    const raised = await as(t.app, host.token).patch(`/api/v1/sessions/${id}`, { seats: 3 });
    expect(raised.statusCode).toBe(200);
    expect(raised.json()).toMatchObject({ enrolledCount: 3, waitlistCount: 1 });
    expect((await sessionAs(people[3] as TestPerson, id)).myRegistration).toMatchObject({ status: 'waitlisted', position: 1 });

    const lowered = await as(t.app, host.token).patch(`/api/v1/sessions/${id}`, { seats: 1 });
    expect(lowered.json()).toMatchObject({ enrolledCount: 3, waitlistCount: 1 });
    await cancel(people[0] as TestPerson, id);
    // Still over the limit: the freed seat is not given away.
    expect(await sessionAs(host, id)).toMatchObject({ enrolledCount: 2, waitlistCount: 1 });
  });
});

describe('offers', () => {
  it('offers a freed seat with a deadline; confirming enrols, an expired offer passes to the next in line', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1, promotion: 'offer', offerHours: 12 });
    const [a, b, c] = people as [TestPerson, TestPerson, TestPerson];
    for (const p of [a, b, c]) await register(p, id);
    await cancel(a, id);
    const offer = (await sessionAs(b, id)).myRegistration;
    expect(offer.status).toBe('offered');
    expect(Date.parse(offer.offerExpiresAt) - Date.now()).toBeGreaterThan(11 * 3_600_000);
    expectError(await as(t.app, c.token).post(`/api/v1/registrations/${offer.id}/confirm`), 404, 'not_found');

    await t.database.db
      .updateTable('registrations')
      .set({ offer_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', offer.id)
      .execute();
    expect(await t.app.jobs['expire-offers']?.()).toBe(1);
    expectError(await as(t.app, b.token).post(`/api/v1/registrations/${offer.id}/confirm`), 409, 'invalid_state');
    const next = (await sessionAs(c, id)).myRegistration;
    expect(next.status).toBe('offered');
    const confirmed = await as(t.app, c.token).post(`/api/v1/registrations/${next.id}/confirm`);
    expect(confirmed.json()).toMatchObject({ status: 'enrolled', offerExpiresAt: null });
    expect((await checkSeatInvariants(t.database.db, id, 1)).countsKept).toBe(true);
  });

  it('declining passes the seat on', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1, promotion: 'offer' });
    const [a, b, c] = people as [TestPerson, TestPerson, TestPerson];
    for (const p of [a, b, c]) await register(p, id);
    await cancel(a, id);
    const offer = (await sessionAs(b, id)).myRegistration;
    expect((await as(t.app, b.token).post(`/api/v1/registrations/${offer.id}/decline`)).json().status).toBe('cancelled');
    expect((await sessionAs(c, id)).myRegistration.status).toBe('offered');
  });
});

describe('requests without a body', () => {
  it('accepts a DELETE with a JSON content type and no body, as curl sends it', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 2 });
    const p = people[0] as TestPerson;
    await register(p, id);
    const res = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/sessions/${id}/registrations/me`,
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
  });
});
