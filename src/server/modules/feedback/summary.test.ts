import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { endSession } from '../../../../test/helpers/feedback.js';
import { answer, endedRun, hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';
import type { FeedbackQueue, FeedbackSummary } from '../../../contracts/index.js';
import { starterTemplates } from '../checklists/starter-templates.js';

const { t, host, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 7, learnerName: 'Learner Zq' },
);
const L = people as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
const [l0, l1, l2, l3, l4, l5, l6] = L;

const summaryOf = async (who: TestPerson, workshopId: string, sessionId?: string): Promise<FeedbackSummary> => {
  const res = await as(t.app, who.token).get(
    `/api/v1/workshops/${workshopId}/feedback-summary${sessionId ? `?sessionId=${sessionId}` : ''}`,
  );
  if (res.statusCode !== 200) throw new Error(`summary refused: ${res.body}`);
  return res.json();
};
const startOf = async (sessionId: string) =>
  (await t.database.db.selectFrom('sessions').select('starts_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).starts_at;
/** The follow-up went out (and was answered): what the feedback job and the learner would have done by now. */
const followUp = async (sessionId: string, person: TestPerson, applied: 'not_yet' | 'a_little' | 'a_lot' | null) => {
  const now = new Date().toISOString();
  await t.database.db
    .updateTable('feedback_follow_ups')
    .set({ sent_at: now, applied, answered_at: applied ? now : null })
    .where('session_id', '=', sessionId)
    .where('person_id', '=', person.id)
    .execute();
};

// This test comes first in the file: the organisation's median is over every session in the database.
describe('the summary of a workshop, against hand-counted answers', () => {
  it('counts responses, averages, distributions, NPS, apply, follow-ups, comments, questions, runs and the median', async () => {
    await as(t.app, admin.token).patch('/api/v1/admin/settings/feedback', { npsEnabled: true });
    const workshopId = await hostedWorkshop(t, host);
    const questions = (
      await as(t.app, host.token).put(`/api/v1/workshops/${workshopId}/feedback-questions`, {
        questions: [
          { kind: 'rating', prompt: 'How clear were the slides?' },
          { kind: 'text', prompt: 'Which tool will you try?' },
        ],
      })
    ).json().items;
    const [q1, q2] = questions.map((q: { id: string }) => q.id) as [string, string];
    const api = as(t.app, host.token);
    await api.put(`/api/v1/workshops/${workshopId}/checklist`, { templateId: starterTemplates[0]?.id });
    await api.patch(`/api/v1/workshops/${workshopId}/checklist`, { confidenceBefore: 2, confidenceAfter: 4 });

    // Run A, ten days ago: four enrolled, one says "I didn't attend".
    const a = await endedRun(t, host, workshopId, [l0, l1, l2, l3], 240);
    await answer(t, l0, a, {
      rating: 5,
      usefulness: 4,
      worked: 'Clear examples',
      improve: 'More exercises',
      willApply: true,
      nps: 10,
      answers: { [q1]: 4, [q2]: 'Tracing' },
      signed: true,
    });
    await answer(t, l1, a, { rating: 4, usefulness: 5, worked: 'The pace', willApply: true, nps: 9, answers: { [q1]: 5 } });
    await answer(t, l2, a, {
      rating: 2,
      usefulness: 3,
      improve: 'Too fast for me',
      willApply: false,
      nps: 3,
      answers: { [q1]: 3, [q2]: 'Nothing new' },
    });
    await answer(t, l3, a, { attended: false });
    // Run B, five days ago: one answer of two asked, so nothing of it may show.
    const b = await endedRun(t, host, workshopId, [l4, l5], 120);
    await answer(t, l4, b, {
      rating: 1,
      usefulness: 1,
      improve: 'Secret complaint',
      willApply: true,
      nps: 0,
      answers: { [q1]: 1, [q2]: 'Hidden text' },
    });
    // Run C, yesterday: four answers of five asked.
    const c = await endedRun(t, host, workshopId, [l0, l1, l4, l5, l6], 24);
    await answer(t, l0, c, { rating: 3, usefulness: 2, worked: 'Good follow-up', willApply: true, nps: 7 });
    await answer(t, l1, c, { rating: 5, usefulness: 5, willApply: false, nps: 10, answers: { [q1]: 2 } });
    await answer(t, l4, c, { rating: 4, usefulness: 4, nps: 6, answers: { [q2]: 'Flame graphs' } });
    await answer(t, l5, c, { rating: 4, usefulness: 3, willApply: true });
    // Another workshop's run (ratings 2, 2, 3: average 2.33) for the organisation's median.
    const other = await endedRun(t, host, await hostedWorkshop(t, host), [l0, l1, l2], 48);
    for (const [who, rating] of [
      [l0, 2],
      [l1, 2],
      [l2, 3],
    ] as const)
      await answer(t, who, other, { rating, usefulness: 3 });

    await followUp(a, l0, 'a_lot');
    await followUp(a, l1, null);
    await followUp(b, l4, 'a_little');
    await followUp(c, l0, 'not_yet');
    // c, l5: due later, not sent.

    const [startA, startB, startC] = [await startOf(a), await startOf(b), await startOf(c)];
    const summary = await summaryOf(host, workshopId);
    // Counted: runs A and C (B has 1 answer). Ratings 5,4,2 + 3,5,4,4; usefulness 4,5,3 + 2,5,4,3;
    // NPS 10,9,3 + 7,10,6 → 3 promoters, 1 passive, 2 detractors → (3 − 2) / 6 = 16.7 %.
    expect(summary).toEqual({
      responses: 8,
      asked: 10,
      responseRate: 0.8,
      rating: { average: 3.86, distribution: [0, 1, 1, 3, 2] },
      usefulness: { average: 3.71, distribution: [0, 1, 2, 2, 2] },
      nps: { score: 17, promoters: 3, passives: 1, detractors: 2 },
      willApply: { yes: 4, no: 2 },
      applied: { asked: 3, answered: 2, notYet: 1, aLittle: 0, aLot: 1 },
      comments: [
        { worked: 'Good follow-up', improve: null, signedBy: null, at: startC },
        { worked: null, improve: 'Too fast for me', signedBy: null, at: startA },
        {
          worked: 'Clear examples',
          improve: 'More exercises',
          signedBy: { id: l0.id, name: l0.name, title: 'Software Engineer' },
          at: startA,
        },
        { worked: 'The pace', improve: null, signedBy: null, at: startA },
      ],
      questions: [
        {
          id: q1,
          kind: 'rating',
          prompt: 'How clear were the slides?',
          responses: 4,
          average: 3.5,
          distribution: [0, 1, 1, 1, 1],
          texts: [],
        },
        {
          id: q2,
          kind: 'text',
          prompt: 'Which tool will you try?',
          responses: 3,
          average: null,
          distribution: null,
          texts: ['Flame graphs', 'Nothing new', 'Tracing'],
        },
      ],
      sessions: [
        { sessionId: a, startsAt: startA, asked: 3, responses: 3, average: 3.67, hidden: false },
        { sessionId: b, startsAt: startB, asked: 2, responses: 1, average: null, hidden: true },
        { sessionId: c, startsAt: startC, asked: 5, responses: 4, average: 4, hidden: false },
      ],
      // Sessions with ≥ 3 answers: 2.33 (other), 3.67 (A), 4 (C); B's 1 is left out (with it: 3.0).
      orgMedianRating: 3.67,
      confidence: { before: 2, after: 4 },
      hidden: false,
    });

    // One run: A alone. Ratings 5,4,2; usefulness 4,5,3; NPS 10,9,3 → (2 − 1) / 3 = 33.3 %.
    expect(await summaryOf(host, workshopId, a)).toMatchObject({
      responses: 3,
      asked: 3,
      responseRate: 1,
      rating: { average: 3.67, distribution: [0, 1, 0, 1, 1] },
      usefulness: { average: 4, distribution: [0, 0, 1, 1, 1] },
      nps: { score: 33, promoters: 2, passives: 0, detractors: 1 },
      willApply: { yes: 2, no: 1 },
      applied: { asked: 2, answered: 1, notYet: 0, aLittle: 0, aLot: 1 },
      questions: [
        { responses: 3, average: 4, distribution: [0, 0, 1, 1, 1] },
        { responses: 2, texts: ['Nothing new', 'Tracing'] },
      ],
      hidden: false,
    });
    // B alone: hidden, with its counts and every run still listed (the trend).
    const hiddenRun = await summaryOf(admin, workshopId, b);
    expect(hiddenRun).toMatchObject({
      responses: 1,
      asked: 2,
      responseRate: 0.5,
      rating: { average: null, distribution: null },
      usefulness: { average: null, distribution: null },
      nps: null,
      willApply: null,
      applied: null,
      comments: [],
      questions: [
        { responses: 0, average: null, distribution: null, texts: [] },
        { responses: 0, texts: [] },
      ],
      hidden: true,
    });
    expect(hiddenRun.sessions).toHaveLength(3);
    expect(JSON.stringify(hiddenRun)).not.toMatch(/Secret complaint|Hidden text/);
  });
});

describe('privacy', () => {
  it('hides everything under 3 answers; from the 3rd the figures appear, comments signed only by who chose to sign', async () => {
    const workshopId = await hostedWorkshop(t, host);
    const session = await endedRun(t, host, workshopId, [l0, l1, l2, l3], 2);
    await answer(t, l0, session, { rating: 5, usefulness: 5, worked: 'Signed praise', signed: true });
    await answer(t, l1, session, { rating: 3, usefulness: 4, improve: 'Unsigned wish' });

    const two = await summaryOf(host, workshopId);
    expect(two).toMatchObject({
      responses: 2,
      asked: 4,
      responseRate: 0.5,
      rating: { average: null, distribution: null },
      nps: null,
      comments: [],
      sessions: [{ sessionId: session, responses: 2, average: null, hidden: true }],
      hidden: true,
    });
    expect(JSON.stringify(two)).not.toMatch(/Signed praise|Unsigned wish|Learner Zq/);

    await answer(t, l2, session, { rating: 4, usefulness: 3, worked: 'Unsigned praise', signed: false });
    const three = await summaryOf(host, workshopId);
    expect(three).toMatchObject({
      responses: 3,
      rating: { average: 4, distribution: [0, 0, 1, 1, 1] },
      usefulness: { average: 4, distribution: [0, 0, 1, 1, 1] },
      sessions: [{ sessionId: session, responses: 3, average: 4, hidden: false }],
      hidden: false,
    });
    const signers = Object.fromEntries(three.comments.map((c) => [c.worked ?? c.improve, c.signedBy?.name ?? null]));
    expect(signers).toEqual({ 'Signed praise': l0.name, 'Unsigned wish': null, 'Unsigned praise': null });
    const names = [l1, l2, l3].map((p) => p.name);
    expect(names.some((name) => JSON.stringify(three).includes(name))).toBe(false);
  });

  it("does not count a run under 3 answers into the workshop's figures, even when another run shows", async () => {
    const workshopId = await hostedWorkshop(t, host);
    const shown = await endedRun(t, host, workshopId, [l0, l1, l2], 30);
    for (const who of [l0, l1, l2]) await answer(t, who, shown, { rating: 4, usefulness: 4 });
    const small = await endedRun(t, host, workshopId, [l3], 3);
    await answer(t, l3, small, { rating: 1, usefulness: 1, improve: 'Only me' });
    const summary = await summaryOf(host, workshopId);
    // Counting the single 1 would give it away: (4 × 3 + x) / 4 tells x.
    expect(summary).toMatchObject({ responses: 4, rating: { average: 4, distribution: [0, 0, 0, 3, 0] }, hidden: false });
    expect(summary.comments).toEqual([]);
  });
});

describe('who reads the summary', () => {
  it('is for hosts and admins: 403 for a member who sees the workshop, 404 for a draft or a session of another workshop', async () => {
    const workshopId = await hostedWorkshop(t, host);
    expectError(await as(t.app, l6.token).get(`/api/v1/workshops/${workshopId}/feedback-summary`), 403, 'forbidden');
    expect((await as(t.app, admin.token).get(`/api/v1/workshops/${workshopId}/feedback-summary`)).statusCode).toBe(200);
    const draft = await hostedWorkshop(t, host, { draft: true });
    expectError(await as(t.app, l6.token).get(`/api/v1/workshops/${draft}/feedback-summary`), 404, 'not_found');
    const elsewhere = await endedRun(t, host, await hostedWorkshop(t, host), [l0], 2);
    expectError(
      await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/feedback-summary?sessionId=${elsewhere}`),
      404,
      'not_found',
    );
  });
});

describe("the education team's queue", () => {
  it('lists the lowest-rated recent sessions with 3+ answers, lowest first, and what people asked to improve, without names', async () => {
    const ask = (who: TestPerson, session: string, rating: number, improve?: string) =>
      answer(t, who, session, { rating, usefulness: 2, ...(improve ? { improve } : {}) });
    const low = await endedRun(t, host, await hostedWorkshop(t, host, { title: 'Queue low' }), [l0, l1, l2], 50);
    await ask(l0, low, 1, 'Slides were unreadable');
    await ask(l1, low, 2);
    await ask(l2, low, 1);
    const lower = await endedRun(t, host, await hostedWorkshop(t, host, { title: 'Queue lower' }), [l0, l1, l2], 26);
    await ask(l0, lower, 1, 'Start on time');
    await ask(l1, lower, 1);
    await ask(l2, lower, 1);
    const few = await endedRun(t, host, await hostedWorkshop(t, host, { title: 'Queue few' }), [l0, l1], 6);
    await ask(l0, few, 1, 'Only two of us answered');
    await ask(l1, few, 1);
    const old = await endedRun(t, host, await hostedWorkshop(t, host, { title: 'Queue old' }), [l0, l1, l2], 10);
    for (const who of [l0, l1, l2]) await ask(who, old, 1, 'Old news');
    await endSession(t.database.db, old, 31 * 24);

    expectError(await as(t.app, l0.token).get('/api/v1/admin/feedback/queue'), 403, 'forbidden');
    const queue: FeedbackQueue = (await as(t.app, admin.token).get('/api/v1/admin/feedback/queue')).json();
    const averages = queue.lowest.map((s) => s.average);
    expect(averages).toEqual([...averages].sort((x, y) => x - y));
    const mine = queue.lowest.filter((s) => s.title.startsWith('Queue '));
    expect(mine.map((s) => [s.title, s.responses, s.average, s.usefulness])).toEqual([
      ['Queue lower', 3, 1, 2],
      ['Queue low', 3, 1.33, 2],
    ]);
    expect(mine[0]?.hosts).toEqual([{ id: host.id, name: 'Hana Host', title: 'Software Engineer' }]);

    const asks = queue.asks.filter((x) => x.title.startsWith('Queue '));
    expect(asks.map((x) => [x.title, x.improve])).toEqual([
      ['Queue lower', 'Start on time'],
      ['Queue low', 'Slides were unreadable'],
    ]);
    expect(queue.asks.map((x) => x.at)).toEqual(
      queue.asks
        .map((x) => x.at)
        .sort()
        .reverse(),
    );
    expect(Object.keys(asks[0] ?? {}).sort()).toEqual(['at', 'improve', 'sessionId', 'title', 'workshopId']);
    expect(asks[0]?.at).toBe(await startOf(lower));
  });
});
