import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith } from '../../../../test/helpers/feedback.js';
import { daysPass } from '../../../../test/helpers/feedback-time.js';

const DAY = 86_400_000;
const { t, host, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 4 },
);
const [p0, p1, p2, p3] = people as [TestPerson, TestPerson, TestPerson, TestPerson];

async function runRounds(): Promise<number> {
  const run = t.app.jobs['feedback-rounds'];
  if (!run) throw new Error('no feedback-rounds job');
  return run();
}
const answer = (who: TestPerson, sessionId: string, body: unknown) =>
  as(t.app, who.token).put(`/api/v1/sessions/${sessionId}/feedback`, body);
const followUpsSent = async (sessionId: string) =>
  (
    await t.database.db
      .selectFrom('outbox')
      .select('person_id')
      .where('session_id', '=', sessionId)
      .where('topic', '=', 'feedback.follow_up')
      .execute()
  ).map((r) => r.person_id);
const followUpOf = (who: TestPerson, sessionId: string) =>
  t.database.db
    .selectFrom('feedback_follow_ups')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('person_id', '=', who.id)
    .executeTakeFirst();
const endOf = async (sessionId: string) =>
  (await t.database.db.selectFrom('sessions').select('ends_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).ends_at;
const mine = async (who: TestPerson, query = '') => (await as(t.app, who.token).get(`/api/v1/me/follow-ups${query}`)).json();

describe('"Have you applied it?"', () => {
  it('is sent when due, only to those who still plan to apply it, and answered (and re-answered) through the API', async () => {
    const { sessionId } = await endedSessionWith(t, host, [p0, p1, p2, p3]);
    await runRounds();
    expect((await answer(p0, sessionId, answerBody({ willApply: true, applyHow: 'In the Orders service' }))).statusCode).toBe(200);
    expect((await answer(p1, sessionId, answerBody({ willApply: false }))).statusCode).toBe(200);
    // p2 changes their mind; p3 planned to, then said they did not attend.
    await answer(p2, sessionId, answerBody({ willApply: true }));
    await answer(p2, sessionId, answerBody({ willApply: false }));
    await answer(p3, sessionId, answerBody({ willApply: true }));
    await answer(p3, sessionId, { attended: false });

    const pending = await followUpOf(p0, sessionId);
    expect(pending?.sent_at).toBeNull();
    expectError(await as(t.app, p0.token).put(`/api/v1/follow-ups/${pending?.id}`, { applied: 'a_lot' }), 409, 'invalid_state');
    expect((await mine(p0)).items).toEqual([]);

    await daysPass(t.database.db, sessionId, 29.9);
    await runRounds();
    expect(await followUpsSent(sessionId)).toEqual([]);

    await daysPass(t.database.db, sessionId, 0.2);
    await runRounds();
    await runRounds();
    expect(await followUpsSent(sessionId)).toEqual([p0.id]);

    const [item, ...rest] = (await mine(p0)).items;
    expect(rest).toEqual([]);
    expect(item).toMatchObject({
      id: pending?.id,
      sessionId,
      title: 'Debugging Kafka consumer lag',
      endedAt: await endOf(sessionId),
      applied: null,
      example: null,
      answeredAt: null,
    });
    const first = await as(t.app, p0.token).put(`/api/v1/follow-ups/${item.id}`, {
      applied: 'a_little',
      example: 'Lag alerts per partition',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ id: item.id, applied: 'a_little', example: 'Lag alerts per partition' });
    const again = await as(t.app, p0.token).put(`/api/v1/follow-ups/${item.id}`, { applied: 'a_lot' });
    expect(again.json()).toMatchObject({ applied: 'a_lot', example: null });
    expect((await mine(p0)).items[0]).toMatchObject({ applied: 'a_lot', example: null, answeredAt: expect.any(String) });

    // Someone else's follow-up does not exist for them; a wrong answer is named.
    expectError(await as(t.app, p1.token).put(`/api/v1/follow-ups/${item.id}`, { applied: 'a_lot' }), 404, 'not_found');
    expectError(await as(t.app, admin.token).put(`/api/v1/follow-ups/${item.id}`, { applied: 'a_lot' }), 404, 'not_found');
    expect((await mine(p1)).items).toEqual([]);
    const bad = await as(t.app, p0.token).put(`/api/v1/follow-ups/${item.id}`, { applied: 'always' });
    expectError(bad, 400, 'validation_failed');
    expect(bad.json().error.details[0].field).toBe('applied');
  });

  it('lists the sent follow-ups latest first, a page at a time', async () => {
    const sessions: string[] = [];
    for (const daysAgo of [3, 2, 1]) {
      const { sessionId } = await endedSessionWith(t, host, [p3]);
      await answer(p3, sessionId, answerBody({ willApply: true }));
      await daysPass(t.database.db, sessionId, 30);
      await runRounds();
      // As if sent a day apart: the latest sent comes first.
      await t.database.db
        .updateTable('feedback_follow_ups')
        .set({ sent_at: new Date(Date.now() - daysAgo * DAY).toISOString() })
        .where('id', '=', (await followUpOf(p3, sessionId))?.id as string)
        .execute();
      sessions.push(sessionId);
    }
    const first = await mine(p3, '?limit=2');
    expect(first.items.map((f: { sessionId: string }) => f.sessionId)).toEqual([sessions[2], sessions[1]]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await mine(p3, `?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`);
    expect(second.items.map((f: { sessionId: string }) => f.sessionId)).toEqual([sessions[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it('comes 30 days after the session unless an admin sets another delay', async () => {
    const { sessionId: byDefault } = await endedSessionWith(t, host, [p1]);
    await answer(p1, byDefault, answerBody({ willApply: true }));
    expect((await followUpOf(p1, byDefault))?.due_at).toBe(new Date(Date.parse(await endOf(byDefault)) + 30 * DAY).toISOString());

    const set = await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { followUpDays: 45 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ followUpDays: 45 });
    try {
      const { sessionId } = await endedSessionWith(t, host, [p2]);
      await answer(p2, sessionId, answerBody({ willApply: true }));
      expect((await followUpOf(p2, sessionId))?.due_at).toBe(new Date(Date.parse(await endOf(sessionId)) + 45 * DAY).toISOString());
      await daysPass(t.database.db, sessionId, 31);
      await runRounds();
      expect(await followUpsSent(sessionId)).toEqual([]);
      await daysPass(t.database.db, sessionId, 14);
      await runRounds();
      expect(await followUpsSent(sessionId)).toEqual([p2.id]);
      expectError(await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { followUpDays: 7 }), 400, 'validation_failed');
    } finally {
      await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { followUpDays: 30 });
    }
  });
});
