import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';

const { t, host, people } = testAppWithPeople({ host: { name: 'Hana Host' } }, { learners: 4 });

/** A published three-part series; the second part has `tightSeats` seats, the others 10. */
async function series(tightSeats: number): Promise<{ workshopId: string; sessionIds: string[] }> {
  const api = as(t.app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody({ title: 'Python for data engineering (3 parts)', isSeries: true }))).json();
  expect(w.isSeries).toBe(true);
  await api.post(`/api/v1/workshops/${w.id}/publish`);
  const sessionIds = [];
  for (const [i, seats] of [10, tightSeats, 10].entries())
    sessionIds.push((await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(7 + i * 7, { seats }))).json().id);
  return { workshopId: w.id, sessionIds };
}

const statusIn = async (p: TestPerson, sessionId: string) =>
  (await as(t.app, p.token).get(`/api/v1/sessions/${sessionId}`)).json().myRegistration;

describe('registering for all parts of a series', () => {
  it('enrols in every part, or waitlists in every part as one unit', async () => {
    const { workshopId, sessionIds } = await series(1);
    const [a, b] = people as [TestPerson, TestPerson];
    const first = await as(t.app, a.token).post(`/api/v1/workshops/${workshopId}/registrations`, {});
    expect(first.statusCode).toBe(201);
    expect(first.json().items.map((r: { status: string }) => r.status)).toEqual(['enrolled', 'enrolled', 'enrolled']);

    // Part two is full, so b waits everywhere, even where seats are free.
    const second = (await as(t.app, b.token).post(`/api/v1/workshops/${workshopId}/registrations`, {})).json();
    expect(second.items.map((r: { status: string; position: number }) => [r.status, r.position])).toEqual([
      ['waitlisted', 1],
      ['waitlisted', 1],
      ['waitlisted', 1],
    ]);
    expectError(await as(t.app, a.token).post(`/api/v1/workshops/${workshopId}/registrations`, {}), 409, 'conflict');

    // a leaves: the unit moves up in all parts together.
    expect((await as(t.app, a.token).delete(`/api/v1/workshops/${workshopId}/registrations/me`)).json().items).toHaveLength(3);
    for (const id of sessionIds) expect((await statusIn(b, id)).status).toBe('enrolled');
  });

  it('keeps the unit waiting while one part stays full, and lets single registrations pass it', async () => {
    const { workshopId, sessionIds } = await series(1);
    const [a, b, c] = people as [TestPerson, TestPerson, TestPerson];
    const [p1, p2] = sessionIds as [string, string];
    await as(t.app, a.token).post(`/api/v1/sessions/${p2}/registrations`, {}); // a takes part two's only seat alone
    await as(t.app, b.token).post(`/api/v1/workshops/${workshopId}/registrations`, {}); // b waits as a unit
    const single = (await as(t.app, c.token).post(`/api/v1/sessions/${p2}/registrations`, {})).json();
    expect(single).toMatchObject({ status: 'waitlisted', position: 2 });
    expect((await as(t.app, host.token).patch(`/api/v1/sessions/${p2}`, { seats: 2 })).json()).toMatchObject({ enrolledCount: 2 });
    expect((await statusIn(b, p2)).status).toBe('enrolled');
    expect((await statusIn(b, p1)).status).toBe('enrolled');
    expect(await statusIn(c, p2)).toMatchObject({ status: 'waitlisted', position: 1 });
  });

  it('refuses "all parts" for a workshop that is not a series', async () => {
    const api = as(t.app, host.token);
    const w = (await api.post('/api/v1/workshops', workshopBody())).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(5));
    expectError(await as(t.app, (people[0] as TestPerson).token).post(`/api/v1/workshops/${w.id}/registrations`, {}), 409, 'invalid_state');
  });
});
