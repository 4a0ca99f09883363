import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { moveSession, publishedSession } from '../../../../test/helpers/sessions.js';

const { t, host, came, missed, waited, wished, left, ada } = testAppWithPeople({
  host: { name: 'Hana Host' },
  came: { name: 'Cora Came' },
  missed: { name: 'Milo Missed' },
  waited: { name: 'Wes Waited' },
  wished: { name: 'Willa Wished' },
  left: { name: 'Lou Left' },
  ada: { name: 'Ada Admin', role: 'admin' },
});
const hostApi = () => as(t.app, host.token);
const register = async (p: TestPerson, id: string) => (await as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {})).json();
const recording = {
  recordingUrl: 'https://video.example.com/recordings/otel-101',
  materials: [{ title: 'Slides', url: 'https://slides.example.com/otel' }],
};

describe('a recording and materials after the session', () => {
  it('are refused before the session starts (409 not_started), and checked when given', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 }, 2);
    expectError(await hostApi().patch(`/api/v1/sessions/${id}`, { recordingUrl: recording.recordingUrl }), 409, 'not_started');
    expectError(await hostApi().patch(`/api/v1/sessions/${id}`, { materials: recording.materials }), 409, 'not_started');
    await moveSession(t.database.db, id, -2 * 3_600_000);
    for (const body of [
      { recordingUrl: 'javascript:alert(1)' },
      { recordingUrl: 'ftp://files.example.com/x' },
      { materials: [{ title: '', url: 'https://x.example.com' }] },
      { materials: Array.from({ length: 21 }, (_, i) => ({ title: `Part ${i}`, url: `https://x.example.com/${i}` })) },
    ]) {
      expectError(await hostApi().patch(`/api/v1/sessions/${id}`, body), 400, 'validation_failed', JSON.stringify(body).slice(0, 60));
    }
    // Only its hosts (and admins) add them.
    expectError(await as(t.app, came.token).patch(`/api/v1/sessions/${id}`, recording), 403, 'forbidden');
  });

  it('reach everyone who registered, waited or asked to hear of the workshop, once; the session, workshop and search say so', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 2 });
    const session = (await hostApi().get(`/api/v1/sessions/${id}`)).json();
    const a = await register(came, id);
    await register(missed, id);
    expect((await register(waited, id)).status).toBe('waitlisted');
    await register(left, id);
    await as(t.app, left.token).delete(`/api/v1/sessions/${id}/registrations/me`);
    expect((await as(t.app, wished.token).put(`/api/v1/workshops/${session.workshopId}/interest`, {})).statusCode).toBeLessThan(300);

    await moveSession(t.database.db, id, -3 * 3_600_000);
    expect((await hostApi().post(`/api/v1/registrations/${a.id}/check-in`)).statusCode).toBe(200);
    const res = await hostApi().patch(`/api/v1/sessions/${id}`, recording);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(recording);

    // Everyone who sees the session sees the recording.
    expect((await as(t.app, wished.token).get(`/api/v1/sessions/${id}`)).json()).toMatchObject(recording);
    const past = (await as(t.app, wished.token).get(`/api/v1/workshops/${session.workshopId}/sessions?when=past`)).json();
    expect(past.items.find((s: { id: string }) => s.id === id)).toMatchObject(recording);
    const workshop = (await as(t.app, wished.token).get(`/api/v1/workshops/${session.workshopId}`)).json();
    const hit = (await as(t.app, wished.token).get(`/api/v1/search?q=${encodeURIComponent(workshop.title)}`))
      .json()
      .items.find((h: { workshop: { id: string } }) => h.workshop.id === session.workshopId);
    expect(hit?.hasRecording).toBe(true);

    const told = async () =>
      (
        await t.database.db
          .selectFrom('outbox')
          .select('person_id')
          .where('topic', '=', 'session.recording')
          .where('session_id', '=', id)
          .execute()
      )
        .map((r) => r.person_id)
        .sort();
    expect(await told()).toEqual([came.id, missed.id, waited.id, wished.id].sort());
    // A changed link or more materials later tell nobody again; the wish to hear of a new run stays.
    await hostApi().patch(`/api/v1/sessions/${id}`, { recordingUrl: `${recording.recordingUrl}?v=2`, materials: [] });
    expect(await told()).toHaveLength(4);
    expect((await as(t.app, wished.token).get(`/api/v1/workshops/${session.workshopId}/interest`)).json()).toMatchObject({
      interested: true,
    });

    // The mail carries the link.
    await t.app.jobs['deliver-outbox']?.();
    const list = (await as(t.app, ada.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(missed.email)}&limit=50`)).json();
    const mails = await Promise.all(
      list.items.map(async (m: { id: string }) => (await as(t.app, ada.token).get(`/api/v1/admin/mailbox/${m.id}`)).json()),
    );
    const mail = mails.find((m: { subject: string }) => m.subject.startsWith('Recording available:'));
    expect(mail?.text).toContain(`Recording: ${recording.recordingUrl}`);
  });

  it('a search hit of a workshop without any recording says so', async () => {
    const id = await publishedSession(t.app, host.token);
    const session = (await hostApi().get(`/api/v1/sessions/${id}`)).json();
    const workshop = (await hostApi().get(`/api/v1/workshops/${session.workshopId}`)).json();
    const hits = (await hostApi().get(`/api/v1/search?q=${encodeURIComponent(workshop.title)}`)).json().items;
    expect(hits.find((h: { workshop: { id: string } }) => h.workshop.id === session.workshopId)?.hasRecording).toBe(false);
    expect(session).toMatchObject({ recordingUrl: null, materials: [] });
  });
});
