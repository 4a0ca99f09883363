import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { checkSeatInvariants } from '../../../../test/helpers/invariants.js';
import { moveSession, publishedSession } from '../../../../test/helpers/sessions.js';

const { t, host, people } = testAppWithPeople({ host: { name: 'Hana Host' } }, { learners: 5 });

const register = (p: TestPerson, id: string) => as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {});
const hostApi = () => as(t.app, host.token);

/** A session starting in ten minutes: check-in is already open. */
const startingSoon = () => {
  // One reading of the clock, so the session is exactly an hour long.
  const now = Date.now();
  return publishedSession(
    t.app,
    host.token,
    { seats: 2, startsAt: new Date(now + 10 * 60_000).toISOString(), endsAt: new Date(now + 70 * 60_000).toISOString() },
    0,
  );
};

describe('the roster', () => {
  it('lists seat holders, then the waitlist in order, then cancellations, for hosts only', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 2 });
    for (const p of people.slice(0, 4)) await register(p, id);
    await as(t.app, (people[0] as TestPerson).token).delete(`/api/v1/sessions/${id}/registrations/me`);
    const roster = (await hostApi().get(`/api/v1/sessions/${id}/registrations`)).json();
    expect(
      roster.items.map((r: { person: { name: string }; status: string; position: number | null }) => [r.person.name, r.status, r.position]),
    ).toEqual([
      ['Learner 1', 'enrolled', null],
      ['Learner 2', 'enrolled', null],
      ['Learner 3', 'waitlisted', 1],
      ['Learner 0', 'cancelled', null],
    ]);
    const paged = (await hostApi().get(`/api/v1/sessions/${id}/registrations?limit=3`)).json();
    expect(paged.items).toHaveLength(3);
    const rest = (await hostApi().get(`/api/v1/sessions/${id}/registrations?limit=3&cursor=${paged.nextCursor}`)).json();
    expect(rest.items.map((r: { person: { name: string } }) => r.person.name)).toEqual(['Learner 0']);
    expectError(await as(t.app, (people[1] as TestPerson).token).get(`/api/v1/sessions/${id}/registrations`), 403, 'forbidden');

    const csv = await hostApi().get(`/api/v1/sessions/${id}/roster.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const [header, ...lines] = parse(csv.body, { bom: true }) as string[][];
    expect(header).toEqual([
      'name',
      'email',
      'team',
      'status',
      'waitlist_position',
      'mode',
      'checked_in_at',
      'late_cancellation',
      'registered_at',
    ]);
    expect(lines.map((l) => [l[0], l[3], l[4]])).toEqual([
      ['Learner 1', 'enrolled', ''],
      ['Learner 2', 'enrolled', ''],
      ['Learner 3', 'waitlisted', '1'],
      ['Learner 0', 'cancelled', ''],
    ]);
  });

  it('lets hosts add and remove people, and move someone ahead on the waitlist', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b, c, d] = people as [TestPerson, TestPerson, TestPerson, TestPerson];
    for (const p of [a, b, c]) await register(p, id);
    const added = await hostApi().post(`/api/v1/sessions/${id}/registrations`, { personId: d.id });
    expect(added.json()).toMatchObject({ personId: d.id, status: 'waitlisted', position: 3 });
    expect((await hostApi().post(`/api/v1/registrations/${added.json().id}/move`, { position: 1 })).json().position).toBe(1);
    const order = (await hostApi().get(`/api/v1/sessions/${id}/registrations?status=waitlisted`)).json();
    expect(order.items.map((r: { personId: string; position: number }) => [r.personId, r.position])).toEqual([
      [d.id, 1],
      [b.id, 2],
      [c.id, 3],
    ]);
    const seatHolder = (await hostApi().get(`/api/v1/sessions/${id}/registrations?status=enrolled`)).json().items[0];
    expect((await hostApi().delete(`/api/v1/sessions/${id}/registrations/${seatHolder.id}`)).json().status).toBe('cancelled');
    expect((await as(t.app, d.token).get(`/api/v1/sessions/${id}`)).json().myRegistration.status).toBe('enrolled');
    expectError(await as(t.app, a.token).post(`/api/v1/sessions/${id}/registrations`, { personId: b.id }), 403, 'forbidden');
  });

  it('stores messages to attendees for hosts to write and registered people to read', async () => {
    const id = await publishedSession(t.app, host.token);
    await register(people[0] as TestPerson, id);
    const sent = await hostApi().post(`/api/v1/sessions/${id}/messages`, { subject: 'Bring a laptop', body: 'With Docker installed.' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ subject: 'Bring a laptop', delivered: true });
    expect((await as(t.app, (people[0] as TestPerson).token).get(`/api/v1/sessions/${id}/messages`)).json().items).toHaveLength(1);
    expectError(await as(t.app, (people[1] as TestPerson).token).get(`/api/v1/sessions/${id}/messages`), 403, 'forbidden');
    expectError(
      await as(t.app, (people[0] as TestPerson).token).post(`/api/v1/sessions/${id}/messages`, { subject: 'x', body: 'y' }),
      403,
      'forbidden',
    );
    expectError(await hostApi().post(`/api/v1/sessions/${id}/messages`, { subject: '', body: 'y' }), 400, 'validation_failed');
  });
});

describe('attendance', () => {
  it('checks people in by the host, by code, and adds walk-ins as attended', async () => {
    const id = await startingSoon();
    const [a, b, c, walkIn] = people as [TestPerson, TestPerson, TestPerson, TestPerson];
    const ra = (await register(a, id)).json();
    await register(b, id);
    await register(c, id);
    expect((await hostApi().post(`/api/v1/registrations/${ra.id}/check-in`)).json()).toMatchObject({ status: 'attended' });

    const { code, validFrom, validUntil } = (await hostApi().get(`/api/v1/sessions/${id}/check-in-code`)).json();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(Date.parse(validUntil) - Date.parse(validFrom)).toBe(75 * 60_000);
    expectError(await as(t.app, b.token).post(`/api/v1/sessions/${id}/check-in`, { code: 'WRONG1' }), 400, 'validation_failed');
    expect((await as(t.app, b.token).post(`/api/v1/sessions/${id}/check-in`, { code: code.toLowerCase() })).json().status).toBe('attended');
    expectError(await as(t.app, c.token).post(`/api/v1/sessions/${id}/check-in`, { code }), 409, 'invalid_state'); // waitlisted

    const walked = await hostApi().post(`/api/v1/sessions/${id}/walk-ins`, { personId: walkIn.id });
    expect(walked.statusCode).toBe(201);
    expect(walked.json()).toMatchObject({ status: 'attended', walkIn: true });
    const cameAnyway = await hostApi().post(`/api/v1/sessions/${id}/walk-ins`, { personId: c.id });
    expect(cameAnyway.json()).toMatchObject({ status: 'attended', position: null });
  });

  it('refuses self check-in outside its window', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 }, 3);
    await register(people[0] as TestPerson, id);
    const { code } = (await hostApi().get(`/api/v1/sessions/${id}/check-in-code`)).json();
    const early = await as(t.app, (people[0] as TestPerson).token).post(`/api/v1/sessions/${id}/check-in`, { code });
    expectError(early, 409, 'invalid_state');
    expect(early.json().error.message).toContain('15 minutes');
  });

  it('lets hosts mark attendance from the check-in window until 7 days after the end, not weeks before or long after', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 }, 29);
    const [a, b] = people as [TestPerson, TestPerson];
    const ra = (await register(a, id)).json();
    const early = await hostApi().post(`/api/v1/registrations/${ra.id}/check-in`);
    expectError(early, 409, 'check_in_not_open');
    expect(early.json().error.message).toContain('15 minutes before');
    expectError(await hostApi().post(`/api/v1/sessions/${id}/walk-ins`, { personId: b.id }), 409, 'check_in_not_open');
    expect(
      (await t.database.db.selectFrom('registrations').select('status').where('id', '=', ra.id).executeTakeFirstOrThrow()).status,
    ).toBe('enrolled');

    // Ended six days ago: late marking is normal.
    await moveSession(t.database.db, id, -6 * 86_400_000 - 3_600_000);
    expect((await hostApi().post(`/api/v1/registrations/${ra.id}/check-in`)).json()).toMatchObject({ status: 'attended' });
    expect((await hostApi().post(`/api/v1/sessions/${id}/walk-ins`, { personId: b.id })).statusCode).toBe(201);

    // Ended eight days ago: too late to change who came.
    const later = await publishedSession(t.app, host.token, { seats: 5 }, 1);
    const rc = (await register(a, later)).json();
    await moveSession(t.database.db, later, -8 * 86_400_000 - 3_600_000);
    expectError(await hostApi().post(`/api/v1/registrations/${rc.id}/check-in`), 409, 'check_in_closed');
  });

  it('marks enrolled people who never came as no-shows after the end, and shows it in their history', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 });
    const [a, b] = people as [TestPerson, TestPerson];
    const ra = (await register(a, id)).json();
    await register(b, id);
    const upcoming = (await as(t.app, b.token).get('/api/v1/me/registrations?when=upcoming')).json();
    expect(upcoming.items.map((s: { id: string }) => s.id)).toContain(id);

    const past = new Date(Date.now() - 86_400_000);
    await t.database.db
      .updateTable('sessions')
      .set({ starts_at: new Date(past.getTime() - 3_600_000).toISOString(), ends_at: past.toISOString() })
      .where('id', '=', id)
      .execute();
    // Marked after the end, within the week hosts have for it.
    expect((await hostApi().post(`/api/v1/registrations/${ra.id}/check-in`)).statusCode).toBe(200);
    expect(await t.app.jobs['mark-no-shows']?.()).toBeGreaterThanOrEqual(1);
    // A no-show no longer holds a seat; an attendee still does.
    expect((await checkSeatInvariants(t.database.db, id, 5)).countsKept).toBe(true);
    const history = (await as(t.app, b.token).get('/api/v1/me/registrations?when=past')).json();
    expect(history.items.find((s: { id: string }) => s.id === id).myRegistration.status).toBe('no_show');
    const attended = (await as(t.app, a.token).get('/api/v1/me/registrations?when=past')).json();
    expect(attended.items.find((s: { id: string }) => s.id === id).myRegistration.status).toBe('attended');
    expectError(await register(a, id), 409, 'invalid_state');
  });
});
