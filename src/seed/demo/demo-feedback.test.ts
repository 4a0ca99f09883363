import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { FEEDBACK_PRIVACY_THRESHOLD, feedbackBody } from '../../contracts/index.js';
import { authRepository } from '../../server/modules/auth/auth.repository.js';
import { createApiToken } from '../../server/modules/auth/auth.service.js';
import { createTransactor } from '../../server/platform/transaction.js';
import { buildDemoFeedback, type DemoFeedback } from './demo-feedback.js';
import { E2E_FEEDBACK_WORKSHOP, HOST_QUESTIONS, WEAK_WORKSHOP } from './demo-feedback-data.js';
import { demoId } from './demo-ids.js';
import { FIRST_DEMO_EMAIL } from './demo-people.js';
import { buildDemoData, type DemoData, seedDemo } from './seed-demo.js';

const DAY = 86_400_000;
const JASMINE = demoId(`person:${FIRST_DEMO_EMAIL}`);
/** Monday just after midnight, Wednesday morning (as the seed tests), Friday evening, Sunday night. */
const NOWS = ['2026-12-07T00:30:00.000Z', '2026-12-02T10:17:00.000Z', '2026-12-11T18:00:00.000Z', '2026-12-13T23:00:00.000Z'];

function build(at: string): { data: DemoData; feedback: DemoFeedback; nowMs: number } {
  const now = new Date(at);
  const data = buildDemoData(now);
  return { data, feedback: buildDemoFeedback(data, now.getTime()), nowMs: now.getTime() };
}

describe.each(NOWS)('demo feedback at %s', (at) => {
  const { data, feedback, nowMs } = build(at);
  const now = new Date(nowMs).toISOString();
  const answered = feedback.feedback.filter((f) => f.status === 'answered');
  const titleOf = new Map(data.workshops.map((w) => [w.id, w.title]));
  const sessionOf = new Map(data.sessions.map((s) => [s.id, s]));
  const openNow = feedback.feedback.filter((f) => f.status === 'open' && f.closes_at > now);

  it('opens a round for every session that has ended, so the feedback job has nothing to ask by mail', () => {
    const ended = data.sessions.filter((s) => s.status === 'scheduled' && s.ends_at <= now).map((s) => s.id);
    expect(feedback.rounds.map((r) => r.session_id).sort()).toEqual(ended.sort());
    for (const r of feedback.rounds) {
      expect(Date.parse(r.closes_at) - Date.parse(r.ended_at)).toBe(14 * DAY);
      // Closed rounds were summarised to the hosts; open ones wait for the job.
      expect(r.summary_sent_at !== null, r.session_id).toBe(r.closes_at <= now);
      if (r.summary_sent_at) expect(r.summary_sent_at >= r.closes_at && r.summary_sent_at <= now).toBe(true);
    }
  });

  it('asks exactly the people who attended, once each, and answers fall inside the window', () => {
    const attended = new Set(data.registrations.filter((r) => r.status === 'attended').map((r) => `${r.session_id} ${r.person_id}`));
    const keys = feedback.feedback.map((f) => `${f.session_id} ${f.person_id}`);
    expect(new Set(keys).size).toBe(keys.length);
    const rounds = new Set(feedback.rounds.map((r) => r.session_id));
    expect(new Set(keys)).toEqual(new Set([...attended].filter((k) => rounds.has(k.split(' ')[0] ?? ''))));
    for (const f of feedback.feedback) {
      const endsAt = sessionOf.get(f.session_id)?.ends_at ?? '';
      expect(f.asked_at >= endsAt && f.asked_at <= now).toBe(true);
      if (f.answered_at) expect(f.answered_at > f.asked_at && f.answered_at < f.closes_at && f.answered_at <= now, f.id).toBe(true);
      // Reminded once, two days after the ask, when still unanswered then; the job finds none left to remind.
      const due = new Date(Date.parse(f.asked_at) + 2 * DAY).toISOString();
      const unansweredAtDue = !f.answered_at || f.answered_at > due;
      expect(f.reminded_at !== null, f.id).toBe(due <= now && unansweredAtDue);
    }
  });

  it('has a response rate of 60–75 % with a few who did not attend', () => {
    const responded = feedback.feedback.filter((f) => f.status !== 'open').length / feedback.feedback.length;
    expect(responded).toBeGreaterThanOrEqual(0.6);
    expect(responded).toBeLessThanOrEqual(0.75);
    const declined = feedback.feedback.filter((f) => f.status === 'declined');
    expect(declined.length).toBeGreaterThan(5);
    for (const f of declined)
      expect([f.rating, f.usefulness, f.worked, f.will_apply, f.nps, f.answers]).toEqual([null, null, null, null, null, '{}']);
  });

  it('gives at least twenty people an open request from a session of the last days, Jasmine Robinson among them', () => {
    const recent = openNow.filter((f) => nowMs - Date.parse(sessionOf.get(f.session_id)?.ends_at ?? '') <= 7 * DAY);
    expect(new Set(recent.map((f) => f.person_id)).size).toBeGreaterThanOrEqual(20);
    const perSession = new Map<string, number>();
    for (const f of recent) perSession.set(f.session_id, (perSession.get(f.session_id) ?? 0) + 1);
    expect(Math.max(...perSession.values())).toBeGreaterThanOrEqual(3);
    expect(recent.some((f) => f.person_id === JASMINE)).toBe(true);
  });

  it('leaves the e2e workshop one answer short of its summary', () => {
    const workshopId = demoId(`workshop:${E2E_FEEDBACK_WORKSHOP}`);
    const rounds = feedback.rounds.filter((r) => r.workshop_id === workshopId);
    expect(rounds).toHaveLength(1);
    expect((rounds[0]?.closes_at ?? '') > now).toBe(true);
    const asks = feedback.feedback.filter((f) => f.workshop_id === workshopId);
    expect(asks.filter((f) => f.status === 'answered')).toHaveLength(FEEDBACK_PRIVACY_THRESHOLD - 1);
    expect(asks.filter((f) => f.status === 'open').length).toBeGreaterThanOrEqual(3);
  });

  it('rates most sessions 4–5, one workshop clearly weaker, with usefulness following the rating', () => {
    const high = answered.filter((f) => (f.rating ?? 0) >= 4).length;
    expect(high / answered.length).toBeGreaterThanOrEqual(0.65);
    const byWorkshop = new Map<string, number[]>();
    for (const f of answered)
      byWorkshop.set(titleOf.get(f.workshop_id) ?? '', [...(byWorkshop.get(titleOf.get(f.workshop_id) ?? '') ?? []), f.rating ?? 0]);
    const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const weak = average(byWorkshop.get(WEAK_WORKSHOP) ?? []);
    expect(weak).toBeGreaterThanOrEqual(2);
    expect(weak).toBeLessThanOrEqual(3);
    for (const [title, ratings] of byWorkshop) if (title !== WEAK_WORKSHOP) expect(average(ratings), title).toBeGreaterThan(3.2);
    const usefulness = (pick: (r: number) => boolean) => average(answered.filter((f) => pick(f.rating ?? 0)).map((f) => f.usefulness ?? 0));
    expect(usefulness((r) => r >= 4) - usefulness((r) => r <= 3)).toBeGreaterThan(0.8);
  });

  it('has blunt but professional comments, a few signed, plans to apply, NPS only on older sessions', () => {
    const improve = answered.map((f) => f.improve);
    expect(improve).toContain('Too much slideware, I wanted to type along');
    expect(improve).toContain('The demo broke and we lost 20 minutes');
    const commented = answered.filter((f) => f.worked || f.improve);
    const signed = commented.filter((f) => f.signed === 1).length;
    expect(signed).toBeGreaterThan(0);
    expect(signed / commented.length).toBeLessThan(0.15);
    const said = answered.filter((f) => f.will_apply !== null);
    expect(said.filter((f) => f.will_apply === 1).length / said.length).toBeGreaterThan(0.55);
    expect(answered.some((f) => f.apply_how !== null)).toBe(true);
    expect(answered.every((f) => f.apply_how === null || f.will_apply === 1)).toBe(true);
    expect(answered.some((f) => f.nps !== null)).toBe(true);
    for (const f of answered.filter((x) => x.nps !== null)) {
      expect(nowMs - Date.parse(sessionOf.get(f.session_id)?.ends_at ?? '')).toBeGreaterThan(28 * DAY);
    }
  });

  it('answers the hosts’ questions in their own kind, and every answer passes the API’s validation', () => {
    expect(new Set(feedback.questions.map((q) => q.workshop_id)).size).toBe(Object.keys(HOST_QUESTIONS).length);
    const kinds = new Map(feedback.questions.map((q) => [q.id, q.kind]));
    let withAnswers = 0;
    for (const f of answered) {
      const answers = JSON.parse(f.answers ?? '{}') as Record<string, number | string>;
      if (Object.keys(answers).length > 0) withAnswers++;
      for (const [id, value] of Object.entries(answers)) {
        expect(feedback.questions.find((q) => q.id === id)?.workshop_id).toBe(f.workshop_id);
        expect(typeof value).toBe(kinds.get(id) === 'rating' ? 'number' : 'string');
      }
      const body = {
        rating: f.rating,
        usefulness: f.usefulness,
        worked: f.worked ?? undefined,
        improve: f.improve ?? undefined,
        willApply: f.will_apply === null ? undefined : f.will_apply === 1,
        applyHow: f.apply_how ?? undefined,
        nps: f.nps ?? undefined,
        answers,
        signed: f.signed === 1,
      };
      const parsed = feedbackBody.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues, f.id).toEqual([]);
    }
    expect(withAnswers).toBeGreaterThan(20);
  });

  it('follows up those who plan to apply it: sent when due, some answered, the rest not due yet', () => {
    const planned = answered.filter((f) => f.will_apply === 1);
    expect(feedback.followUps.map((u) => u.feedback_id).sort()).toEqual(planned.map((f) => f.id).sort());
    for (const u of feedback.followUps) {
      const endsAt = sessionOf.get(u.session_id)?.ends_at ?? '';
      expect(Date.parse(u.due_at) - Date.parse(endsAt)).toBe(30 * DAY);
      expect(u.sent_at !== null, u.id).toBe(u.due_at <= now);
      if (u.answered_at) expect((u.sent_at ?? '') < u.answered_at && u.answered_at <= now).toBe(true);
      expect(u.applied === null).toBe(u.answered_at === null);
    }
    const replies = feedback.followUps.filter((u) => u.applied !== null);
    expect(new Set(replies.map((u) => u.applied))).toEqual(new Set(['not_yet', 'a_little', 'a_lot']));
    expect(replies.some((u) => u.example !== null)).toBe(true);
    expect(feedback.followUps.some((u) => u.sent_at === null)).toBe(true);
  });
});

describe('the demo feedback in a running Lyceum (seeded now)', () => {
  let t: TestApp;
  let now: Date;
  const get = (token: string, url: string) => as(t.app, token).get(url);
  const tokenOf = async (personId: string) =>
    (await createApiToken(createTransactor(t.database.db), authRepository, personId, { name: 'test', scope: 'write', expiresInDays: 1 }))
      .token;

  beforeAll(async () => {
    t = await createTestApp();
    now = new Date();
    await seedDemo(t.database.db, now);
  });
  afterAll(() => t?.close());

  it('gives the feedback job nothing to do: no asks, reminders, summaries or follow-ups to send', async () => {
    const before = await t.database.db.selectFrom('feedback').select('id').execute();
    expect(await t.app.lyceum.container.feedback.rounds.run(now)).toBe(0);
    expect(await t.database.db.selectFrom('feedback').select('id').execute()).toHaveLength(before.length);
    expect(await t.database.db.selectFrom('outbox').select('id').execute()).toEqual([]);
  });

  it('shows Jasmine Robinson an open request for a session that ended in the last days', async () => {
    const res = await get(await tokenOf(JASMINE), '/api/v1/me/feedback-requests');
    expect(res.statusCode).toBe(200);
    const open = (res.json().items as { status: string; endedAt: string }[]).filter((i) => i.status === 'open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.some((i) => now.getTime() - Date.parse(i.endedAt) <= 7 * DAY)).toBe(true);
  });

  it('shows the e2e workshop’s hosts its summary only from the third answer', async () => {
    const workshopId = demoId(`workshop:${E2E_FEEDBACK_WORKSHOP}`);
    const owner = await t.database.db
      .selectFrom('workshop_hosts')
      .select('person_id')
      .where('workshop_id', '=', workshopId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    const hostToken = await tokenOf(owner.person_id);
    const before = (await get(hostToken, `/api/v1/workshops/${workshopId}/feedback-summary`)).json();
    expect([before.hidden, before.responses]).toEqual([true, 2]);

    const ask = await t.database.db
      .selectFrom('feedback')
      .select(['session_id', 'person_id'])
      .where('workshop_id', '=', workshopId)
      .where('status', '=', 'open')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const res = await as(t.app, await tokenOf(ask.person_id)).put(`/api/v1/sessions/${ask.session_id}/feedback`, {
      rating: 5,
      usefulness: 4,
      worked: 'Tuning BM25 on our own catalogue',
    });
    expect(res.statusCode).toBe(200);
    const after = (await get(hostToken, `/api/v1/workshops/${workshopId}/feedback-summary`)).json();
    expect([after.hidden, after.responses]).toEqual([false, 3]);
    expect(after.comments.map((c: { worked: string | null }) => c.worked)).toContain('Tuning BM25 on our own catalogue');
  });
});
