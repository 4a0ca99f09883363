import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';

const { t, host, ann, ben, cal, stranger, ada } = testAppWithPeople({
  host: { name: 'Hana Host' },
  ann: { name: 'Ann Attendee' },
  ben: { name: 'Ben Attendee' },
  cal: { name: 'Cal Attendee' },
  stranger: { name: 'Sam Stranger' },
  ada: { name: 'Ada Admin', role: 'admin' },
});
const hostApi = () => as(t.app, host.token);
const register = async (p: TestPerson, id: string) => (await as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {})).json();

/** A published workshop with three weekly sessions; returns their ids in start order. */
async function weekly(): Promise<{ workshopId: string; ids: string[] }> {
  const w = (await hostApi().post('/api/v1/workshops', workshopBody())).json();
  expect((await hostApi().post(`/api/v1/workshops/${w.id}/publish`)).statusCode).toBe(200);
  const res = await hostApi().post(`/api/v1/workshops/${w.id}/sessions/recurring`, {
    ...sessionBody(7),
    repeat: { frequency: 'weekly', interval: 1, count: 3 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { workshopId: w.id, ids: res.json().items.map((s: { id: string }) => s.id) };
}

const get = async (id: string) => (await hostApi().get(`/api/v1/sessions/${id}`)).json();
const updatedNotices = async (sessionId: string) =>
  (
    await t.database.db
      .selectFrom('outbox')
      .select('person_id')
      .where('topic', '=', 'session.updated')
      .where('session_id', '=', sessionId)
      .execute()
  ).map((r) => r.person_id);

describe('editing a session', () => {
  it('scope=this (the default) changes one session only', async () => {
    const { ids } = await weekly();
    const [first, second] = [await get(ids[0] as string), await get(ids[1] as string)];
    const res = await hostApi().patch(`/api/v1/sessions/${first.id}`, { location: 'Berlin · Room Hopper', seats: 8 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ location: 'Berlin · Room Hopper', seats: 8 });
    expect(await get(second.id)).toMatchObject({ location: second.location, seats: second.seats });
  });

  it('scope=following moves this and the later sessions by the same amount, keeps earlier ones, and tells their registrants', async () => {
    const { ids } = await weekly();
    const [a, b, c] = await Promise.all(ids.map(get));
    await register(ann, b.id);
    await register(ben, c.id);
    const start = new Date(Date.parse(b.startsAt) + 3_600_000).toISOString();
    const end = new Date(Date.parse(start) + 45 * 60_000).toISOString();
    const res = await hostApi().patch(`/api/v1/sessions/${b.id}?scope=following`, {
      startsAt: start,
      endsAt: end,
      location: 'Room Lovelace',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await get(a.id)).toMatchObject({ startsAt: a.startsAt, endsAt: a.endsAt, location: a.location });
    expect(await get(b.id)).toMatchObject({ startsAt: start, endsAt: end, location: 'Room Lovelace' });
    const movedC = new Date(Date.parse(c.startsAt) + 3_600_000).toISOString();
    expect(await get(c.id)).toMatchObject({
      startsAt: movedC,
      endsAt: new Date(Date.parse(movedC) + 45 * 60_000).toISOString(),
      location: 'Room Lovelace',
    });
    expect(await updatedNotices(b.id)).toEqual([ann.id]);
    expect(await updatedNotices(c.id)).toEqual([ben.id]);
    expect(await updatedNotices(a.id)).toEqual([]);
  });

  it('fewer seats than people enrolled removes nobody; new people wait', async () => {
    const { ids } = await weekly();
    const id = ids[0] as string;
    await register(ann, id);
    await register(ben, id);
    const res = await hostApi().patch(`/api/v1/sessions/${id}`, { seats: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ seats: 1, enrolledCount: 2 });
    expect((await register(cal, id)).status).toBe('waitlisted');
  });

  it('refuses an unknown scope', async () => {
    const { ids } = await weekly();
    expectError(await hostApi().patch(`/api/v1/sessions/${ids[0]}?scope=all`, { seats: 3 }), 400, 'validation_failed');
  });

  it.each(['this', 'following'])('scope=%s: anonymous 401, a member or registrant 403, a host and an admin 200', async (scope) => {
    const { ids } = await weekly();
    const id = ids[0] as string;
    await register(ann, id);
    const url = `/api/v1/sessions/${id}?scope=${scope}`;
    expectError(await t.app.inject({ method: 'PATCH', url, payload: { seats: 3 } }), 401, 'unauthenticated');
    expectError(await as(t.app, stranger.token).patch(url, { seats: 3 }), 403, 'forbidden');
    expectError(await as(t.app, ann.token).patch(url, { seats: 3 }), 403, 'forbidden');
    expect((await hostApi().patch(url, { seats: 4 })).statusCode).toBe(200);
    expect((await as(t.app, ada.token).patch(url, { seats: 5 })).statusCode).toBe(200);
  });

  it('a workshop duration beyond 24 hours is refused with a clear message', async () => {
    const res = await hostApi().post('/api/v1/workshops', { ...workshopBody(), durationMinutes: 100000 });
    expectError(res, 400, 'validation_failed');
    expect(res.body).toContain('at most 24 hours');
  });

  it('another session of a workshop with a long waitlist tells the people waiting, once, and not those with a seat', async () => {
    const w = (await hostApi().post('/api/v1/workshops', workshopBody())).json();
    expect((await hostApi().post(`/api/v1/workshops/${w.id}/publish`)).statusCode).toBe(200);
    const full = (await hostApi().post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(7, { seats: 1 }))).json();
    await register(ann, full.id);
    expect((await register(ben, full.id)).status).toBe('waitlisted');
    expect((await register(cal, full.id)).status).toBe('waitlisted');
    const another = await hostApi().post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(8, { seats: 10 }));
    expect(another.statusCode).toBe(201);
    const told = await t.database.db
      .selectFrom('outbox')
      .select(['person_id', 'payload'])
      .where('topic', '=', 'session.scheduled')
      .where('session_id', '=', another.json().id)
      .execute();
    expect(told.map((r) => r.person_id).sort()).toEqual([ben.id, cal.id].sort());
    expect(told.every((r) => JSON.parse(r.payload).fromWaitlist === true)).toBe(true);

    // The mail says why they hear of it.
    await t.app.jobs['deliver-outbox']?.();
    const list = (await as(t.app, ada.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(ben.email)}&limit=50`)).json();
    expect(list.items.some((m: { subject: string }) => m.subject.startsWith('Another session:'))).toBe(true);
  });
});
