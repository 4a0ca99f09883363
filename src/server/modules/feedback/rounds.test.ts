import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith, endSession } from '../../../../test/helpers/feedback.js';
import { daysPass } from '../../../../test/helpers/feedback-time.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import { summarizeRound } from './round-summary.js';
import type { RoundAnswerRow } from './rounds.repository.js';

const { t, host, cohost, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, cohost: { name: 'Cora Cohost' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 6 },
);
const [p0, p1, p2, p3, p4] = people as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];

async function job(name: 'feedback-rounds' | 'mark-no-shows' | 'deliver-outbox'): Promise<number> {
  const run = t.app.jobs[name];
  if (!run) throw new Error(`no job ${name}`);
  return run();
}
const runRounds = () => job('feedback-rounds');

/** The messages of one topic queued about one session, as outbox rows. */
const queued = (sessionId: string, topic: string) =>
  t.database.db
    .selectFrom('outbox')
    .select(['person_id', 'payload', 'channel'])
    .where('session_id', '=', sessionId)
    .where('topic', '=', topic)
    .execute();
const queuedTo = async (sessionId: string, topic: string) => (await queued(sessionId, topic)).map((r) => r.person_id).sort();
const ids = (...who: TestPerson[]) => who.map((p) => p.id).sort();
const answer = (who: TestPerson, sessionId: string, body: unknown) =>
  as(t.app, who.token).put(`/api/v1/sessions/${sessionId}/feedback`, body);
const register = (who: TestPerson, sessionId: string) => as(t.app, who.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});

/** The mail to this person about the session whose subject starts so. */
async function mailAbout(to: TestPerson, sessionId: string, subject: string) {
  const list = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(to.email)}&limit=100`)).json();
  for (const m of list.items as { id: string; subject: string }[]) {
    if (!m.subject.startsWith(subject)) continue;
    const mail = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox/${m.id}`)).json();
    if (mail.text.includes(sessionId)) return mail as { subject: string; text: string; html: string };
  }
  return undefined;
}

describe('asking for feedback when a session ends', () => {
  it('asks exactly the people checked in, through the outbox, once however often the job runs', async () => {
    const sessionId = await publishedSession(t.app, host.token, { seats: 2 });
    for (const who of [p0, p1, p2, p3]) expect((await register(who, sessionId)).statusCode).toBe(201);
    // p2 and p3 are on the waitlist; p3 leaves it.
    expect((await as(t.app, p3.token).delete(`/api/v1/sessions/${sessionId}/registrations/me`)).statusCode).toBe(200);
    await endSession(t.database.db, sessionId);
    const p0Seat = await t.database.db
      .selectFrom('registrations')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('person_id', '=', p0.id)
      .executeTakeFirstOrThrow();
    expect((await as(t.app, host.token).post(`/api/v1/registrations/${p0Seat.id}/check-in`)).statusCode).toBe(200);
    await job('mark-no-shows'); // p1, who did not come, is now a no-show

    expect(await runRounds()).toBeGreaterThanOrEqual(1);
    expect(await runRounds()).toBe(0);
    expect(await queuedTo(sessionId, 'feedback.requested')).toEqual(ids(p0));
    const asked = await t.database.db.selectFrom('feedback').select('person_id').where('session_id', '=', sessionId).execute();
    expect(asked.map((r) => r.person_id)).toEqual([p0.id]);
    const [ask] = await queued(sessionId, 'feedback.requested');
    expect(JSON.parse(ask?.payload ?? '{}')).toMatchObject({ sessionId, personId: p0.id, feedback: { closesAt: expect.any(String) } });
  });

  it('asks everyone still enrolled at the end when nobody was checked in, also after the no-show sweep', async () => {
    const sessionId = await publishedSession(t.app, host.token, { seats: 2 });
    for (const who of [p0, p1, p2, p3]) await register(who, sessionId);
    expect((await as(t.app, p3.token).delete(`/api/v1/sessions/${sessionId}/registrations/me`)).statusCode).toBe(200);
    await endSession(t.database.db, sessionId);
    await job('mark-no-shows');
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.requested')).toEqual(ids(p0, p1));
    // They may answer (or say they did not attend) though the sweep called them no-shows.
    expect((await answer(p1, sessionId, { attended: false })).statusCode).toBe(200);
  });

  it('does not ask about a session that has not ended', async () => {
    const sessionId = await publishedSession(t.app, host.token);
    await register(p0, sessionId);
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.requested')).toEqual([]);
  });
});

describe('the one reminder', () => {
  it('reminds once, two days after the ask, only those who neither answered nor declined', async () => {
    const { sessionId } = await endedSessionWith(t, host, [p0, p1, p2, p3]);
    await runRounds();
    expect((await answer(p1, sessionId, answerBody())).statusCode).toBe(200);
    expect((await answer(p2, sessionId, { attended: false })).statusCode).toBe(200);

    await daysPass(t.database.db, sessionId, 1.9);
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.reminder')).toEqual([]);

    await daysPass(t.database.db, sessionId, 0.2);
    await runRounds();
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.reminder')).toEqual(ids(p0, p3));
    const reminded = await t.database.db
      .selectFrom('feedback')
      .select(['person_id', 'reminded_at'])
      .where('session_id', '=', sessionId)
      .where('reminded_at', 'is not', null)
      .execute();
    expect(reminded.map((r) => r.person_id).sort()).toEqual(ids(p0, p3));

    // Answering after the reminder, days later: still just the one.
    await answer(p0, sessionId, answerBody());
    await daysPass(t.database.db, sessionId, 3);
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.reminder')).toEqual(ids(p0, p3));

    await job('deliver-outbox');
    const mail = await mailAbout(p3, sessionId, 'A minute for your feedback?');
    expect(mail?.subject).toBe('A minute for your feedback? Debugging Kafka consumer lag');
    expect(mail?.text).toContain(`/sessions/${sessionId}/feedback`);
  });

  it('reminds nobody once the window has closed', async () => {
    const { sessionId } = await endedSessionWith(t, host, [p4]);
    await runRounds();
    await daysPass(t.database.db, sessionId, 15);
    await runRounds();
    expect(await queuedTo(sessionId, 'feedback.reminder')).toEqual([]);
  });
});

describe("the hosts' summary when the window closes", () => {
  it('goes once to the owner and each co-host, with the figures and comments but never a name', async () => {
    const { sessionId, workshopId } = await endedSessionWith(t, host, [p0, p1, p2, p3, p4]);
    expect((await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/hosts`, { personId: cohost.id })).statusCode).toBe(200);
    await runRounds();
    const said = [
      [p0, { rating: 5, usefulness: 4, worked: 'The live debugging', improve: undefined, willApply: true, signed: true }],
      [p1, { rating: 4, usefulness: 3, worked: undefined, improve: 'Slower in the second half', willApply: false }],
      [p2, { rating: 2, usefulness: 5, worked: undefined, improve: undefined, willApply: true }],
    ] as const;
    for (const [who, body] of said) expect((await answer(who, sessionId, answerBody(body))).statusCode).toBe(200);
    expect((await answer(p3, sessionId, { attended: false })).statusCode).toBe(200);

    await daysPass(t.database.db, sessionId, 13.9);
    await runRounds();
    expect(await queuedTo(sessionId, 'host.feedback_summary')).toEqual([]);

    await daysPass(t.database.db, sessionId, 0.2);
    await runRounds();
    await runRounds();
    const sent = await queued(sessionId, 'host.feedback_summary');
    expect(sent.map((r) => r.person_id).sort()).toEqual(ids(host, cohost));
    // Counted by hand: five asked, one said they did not attend (neither asked nor answered), three answered;
    // (5+4+2)/3, (4+3+5)/3; two plan to apply it.
    expect(JSON.parse(sent[0]?.payload ?? '{}').feedbackSummary).toEqual({
      asked: 4,
      responses: 3,
      hidden: false,
      rating: 3.7,
      usefulness: 4,
      willApply: 2,
      worked: ['The live debugging'],
      improve: ['Slower in the second half'],
    });
    const round = await t.database.db
      .selectFrom('feedback_rounds')
      .select('summary_sent_at')
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
    expect(round?.summary_sent_at).not.toBeNull();

    await job('deliver-outbox');
    const mail = await mailAbout(cohost, sessionId, 'Feedback on your session');
    expect(mail?.subject).toBe('Feedback on your session: Debugging Kafka consumer lag');
    expect(mail?.text).toContain('3 of 4 people answered.');
    expect(mail?.text).toContain('Overall rating: 3.7 / 5');
    expect(mail?.text).toContain('• The live debugging');
    expect(mail?.text).toContain(`/workshops/${workshopId}/feedback`);
    // p0 signed the comment: hosts see names on the Feedback tab at most, never in a mail.
    for (const who of [p0, p1, p2, p3, p4]) {
      expect(mail?.text).not.toContain(who.name);
      expect(mail?.html).not.toContain(who.name);
    }
  });

  it('says only how many answered when fewer than three did', async () => {
    const { sessionId } = await endedSessionWith(t, host, [p0, p1, p2]);
    await runRounds();
    await answer(p0, sessionId, answerBody({ rating: 1, improve: 'Everything' }));
    await answer(p1, sessionId, answerBody({ rating: 2 }));
    await daysPass(t.database.db, sessionId, 15);
    await runRounds();
    const sent = await queued(sessionId, 'host.feedback_summary');
    expect(sent.map((r) => r.person_id)).toEqual([host.id]);
    expect(JSON.parse(sent[0]?.payload ?? '{}').feedbackSummary).toEqual({
      asked: 3,
      responses: 2,
      hidden: true,
      rating: null,
      usefulness: null,
      willApply: null,
      worked: [],
      improve: [],
    });
    await job('deliver-outbox');
    const mail = await mailAbout(host, sessionId, 'Feedback on your session');
    expect(mail?.text).toContain('2 of 3 people answered.');
    expect(mail?.text).toContain('Fewer than three people answered');
    expect(mail?.text).not.toContain('Everything');
    expect(mail?.text).not.toContain('Overall rating');
  });
});

describe('summarizeRound', () => {
  const row = (over: Partial<RoundAnswerRow>): RoundAnswerRow => ({
    status: 'answered',
    rating: 4,
    usefulness: 4,
    will_apply: null,
    worked: null,
    improve: null,
    ...over,
  });

  it('counts open asks as asked, declines as neither asked nor answered, and shows figures from the third answer', () => {
    const two = [row({ rating: 5 }), row({ rating: 3 }), row({ status: 'declined', rating: null }), row({ status: 'open' })];
    expect(summarizeRound(two)).toMatchObject({ asked: 3, responses: 2, hidden: true, rating: null, worked: [] });
    const three = [...two, row({ rating: 1, usefulness: 2, worked: 'Demo', will_apply: 0 })];
    expect(summarizeRound(three)).toEqual({
      asked: 4,
      responses: 3,
      hidden: false,
      rating: 3,
      usefulness: 3.3,
      willApply: 0,
      worked: ['Demo'],
      improve: [],
    });
  });

  it('says nothing of plans nobody stated', () => {
    expect(summarizeRound([row({}), row({}), row({})]).willApply).toBeNull();
  });
});
