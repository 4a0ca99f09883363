import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith } from '../../../../test/helpers/feedback.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

const { t, host, outsider, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, outsider: { name: 'Otto Outsider' } },
  { learners: 4 },
);
const [ana, ben, cem] = people as [TestPerson, TestPerson, TestPerson, TestPerson];
const put = (who: TestPerson, sessionId: string, body: unknown) => as(t.app, who.token).put(`/api/v1/sessions/${sessionId}/feedback`, body);

describe('answering feedback', () => {
  it('stores one answer per person and session, replaced by answering again, and shows it back', async () => {
    const { sessionId } = await endedSessionWith(t, host, [ana, ben]);
    const first = await put(ana, sessionId, answerBody({ rating: 3 }));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'answered', attended: true, rating: 3, usefulness: 4, willApply: true, editable: true });
    const second = await put(ana, sessionId, answerBody({ rating: 5, worked: '  ' }));
    expect(second.json()).toMatchObject({ rating: 5, worked: null });
    const mine = await as(t.app, ana.token).get(`/api/v1/sessions/${sessionId}/feedback/me`);
    expect(mine.json()).toMatchObject({ rating: 5 });
    const rows = await t.database.db.selectFrom('feedback').select('person_id').where('session_id', '=', sessionId).execute();
    expect(rows.map((r) => r.person_id).sort()).toEqual([ana.id, ben.id].sort());
    expectError(await as(t.app, ben.token).get(`/api/v1/sessions/${sessionId}/feedback/me`), 404, 'not_found');
  });

  it('refuses people without a seat, sessions not over, closed windows and out-of-range values, naming the field', async () => {
    const { sessionId } = await endedSessionWith(t, host, [ana]);
    expectError(await put(outsider, sessionId, answerBody()), 403, 'not_an_attendee');
    const upcoming = await publishedSession(t.app, host.token);
    await as(t.app, ana.token).post(`/api/v1/sessions/${upcoming}/registrations`, {});
    expectError(await put(ana, upcoming, answerBody()), 409, 'invalid_state');
    const bad = await put(ana, sessionId, answerBody({ rating: 6 }));
    expectError(bad, 400, 'validation_failed');
    expect(bad.json().error.details[0].field).toBe('rating');
    const missing = await put(ana, sessionId, { usefulness: 3 });
    expect(missing.json().error.details[0].field).toBe('rating');
    const { sessionId: old } = await endedSessionWith(t, host, [ana], { hoursAgo: 15 * 24 });
    expectError(await put(ana, old, answerBody()), 409, 'feedback_closed');
  });

  it('asks only the people checked in; if nobody was, everyone enrolled, who may decline', async () => {
    const { sessionId: checked } = await endedSessionWith(t, host, [ana, ben], { checkedIn: [ana] });
    expect((await put(ana, checked, answerBody())).statusCode).toBe(200);
    expectError(await put(ben, checked, answerBody()), 403, 'not_an_attendee');

    const { sessionId: nobody } = await endedSessionWith(t, host, [ben, cem]);
    const declined = await put(cem, nobody, { attended: false });
    expect(declined.json()).toMatchObject({ status: 'declined', attended: false, rating: null });
    const requests = (await as(t.app, cem.token).get('/api/v1/me/feedback-requests')).json();
    expect(requests.items.find((r: { sessionId: string }) => r.sessionId === nobody)).toMatchObject({ status: 'declined' });
  });

  it('gives the form to whoever may answer, with the hosts and the stored answer; tells others why not at once', async () => {
    const { sessionId } = await endedSessionWith(t, host, [ana, ben]);
    const form = (await as(t.app, ana.token).get(`/api/v1/sessions/${sessionId}/feedback/form`)).json();
    expect(form).toMatchObject({ sessionId, status: 'open', npsEnabled: false, questions: [], answer: null });
    expect(form.hosts.map((h: { name: string }) => h.name)).toEqual(['Hana Host']);
    await put(ana, sessionId, answerBody({ rating: 2 }));
    const again = (await as(t.app, ana.token).get(`/api/v1/sessions/${sessionId}/feedback/form`)).json();
    expect(again).toMatchObject({ status: 'answered', answer: { rating: 2, editable: true } });
    expectError(await as(t.app, outsider.token).get(`/api/v1/sessions/${sessionId}/feedback/form`), 403, 'not_an_attendee');
    const upcoming = await publishedSession(t.app, host.token);
    await as(t.app, ana.token).post(`/api/v1/sessions/${upcoming}/registrations`, {});
    expectError(await as(t.app, ana.token).get(`/api/v1/sessions/${upcoming}/feedback/form`), 409, 'invalid_state');
  });

  it('asks the recommendation question only when an admin switched it on', async () => {
    const { sessionId } = await endedSessionWith(t, host, [ana]);
    const refused = await put(ana, sessionId, answerBody({ nps: 9 }));
    expectError(refused, 400, 'validation_failed');
    expect(refused.json().error.details[0].field).toBe('nps');
    expectError(await as(t.app, host.token).patch('/api/v1/admin/settings/feedback', { npsEnabled: true }), 403, 'forbidden');
    const admin = await buildPerson(t.database.db, { role: 'admin' });
    const on = await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { npsEnabled: true });
    expect(on.json()).toEqual({ npsEnabled: true, followUpDays: 30 });
    expect((await put(ana, sessionId, answerBody({ nps: 9 }))).json()).toMatchObject({ nps: 9 });
    expectError(await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { followUpDays: 7 }), 400, 'validation_failed');
    await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { npsEnabled: false });
  });
});
