import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { answer, endedRun, hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';
import type { FeedbackQuestion } from '../../../contracts/index.js';

const { t, host, member, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, member: { name: 'Mo Member' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 3 },
);

const path = (workshopId: string) => `/api/v1/workshops/${workshopId}/feedback-questions`;
const put = (who: TestPerson, workshopId: string, questions: unknown[]) => as(t.app, who.token).put(path(workshopId), { questions });
const list = async (who: TestPerson, workshopId: string): Promise<FeedbackQuestion[]> =>
  (await as(t.app, who.token).get(path(workshopId))).json().items;

describe("a workshop's own feedback questions", () => {
  it('are set by a host in order and shown to whoever sees the workshop, and on the form', async () => {
    const workshopId = await hostedWorkshop(t, host);
    expect(await list(member, workshopId)).toEqual([]);
    const res = await put(host, workshopId, [
      { kind: 'text', prompt: '  Which tool will you try?  ' },
      { kind: 'rating', prompt: 'How clear were the slides?' },
    ]);
    expect(res.statusCode).toBe(200);
    const items: FeedbackQuestion[] = res.json().items;
    expect(items.map((q) => [q.kind, q.prompt])).toEqual([
      ['text', 'Which tool will you try?'],
      ['rating', 'How clear were the slides?'],
    ]);
    expect(await list(member, workshopId)).toEqual(items);
    const [learner] = people as [TestPerson];
    const session = await endedRun(t, host, workshopId, [learner], 2);
    const form = (await as(t.app, learner.token).get(`/api/v1/sessions/${session}/feedback/form`)).json();
    expect(form.questions).toEqual(items);
  });

  it('keep the ids given (and with them their earlier answers); without an id a question is new; a removed one is gone', async () => {
    const workshopId = await hostedWorkshop(t, host);
    const [slides, tool] = (
      await put(host, workshopId, [
        { kind: 'rating', prompt: 'How clear were the slides?' },
        { kind: 'text', prompt: 'Which tool will you try?' },
      ])
    ).json().items as FeedbackQuestion[];
    const session = await endedRun(t, host, workshopId, people, 3);
    for (const [i, learner] of people.entries()) {
      await answer(t, learner, session, { rating: 4, usefulness: 4, answers: { [slides?.id as string]: i + 3 } });
    }

    const replaced = (
      await put(admin, workshopId, [
        { kind: 'rating', prompt: 'How useful was the lab?' },
        { id: slides?.id, kind: 'rating', prompt: 'How clear were the slides and the demo?' },
      ])
    ).json().items as FeedbackQuestion[];
    expect(replaced[1]).toEqual({ id: slides?.id, kind: 'rating', prompt: 'How clear were the slides and the demo?' });
    expect(replaced[0]?.id).not.toBe(slides?.id);
    expect(replaced.map((q) => q.id)).not.toContain(tool?.id);
    expect(await list(host, workshopId)).toEqual(replaced);

    const summary = (await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/feedback-summary`)).json();
    // Answers 3, 4, 5 stay with the kept question; the new one has none yet.
    expect(
      summary.questions.map((q: { prompt: string; responses: number; average: number | null }) => [q.prompt, q.responses, q.average]),
    ).toEqual([
      ['How useful was the lab?', 0, null],
      ['How clear were the slides and the demo?', 3, 4],
    ]);
  });

  it("refuses an id that is not one of the workshop's questions, naming the field, and more than three", async () => {
    const workshopId = await hostedWorkshop(t, host);
    const elsewhere = await hostedWorkshop(t, host);
    const foreign = (await put(host, elsewhere, [{ kind: 'text', prompt: 'Another workshop question' }])).json().items[0].id;
    const [kept] = (await put(host, workshopId, [{ kind: 'text', prompt: 'What was missing?' }])).json().items as FeedbackQuestion[];

    const unknown = await put(host, workshopId, [
      { id: kept?.id, kind: 'text', prompt: 'What was missing?' },
      { id: foreign, kind: 'text', prompt: 'Taken from elsewhere' },
    ]);
    expectError(unknown, 400, 'validation_failed');
    expect(unknown.json().error.details[0].field).toBe('questions.1.id');
    const twice = await put(host, workshopId, [
      { id: kept?.id, kind: 'text', prompt: 'What was missing?' },
      { id: kept?.id, kind: 'text', prompt: 'What was missing again?' },
    ]);
    expect(twice.json().error.details[0].field).toBe('questions.1.id');
    const four = await put(
      host,
      workshopId,
      [1, 2, 3, 4].map((n) => ({ kind: 'rating', prompt: `Question number ${n}` })),
    );
    expectError(four, 400, 'validation_failed');
    expect(four.json().error.details[0].field).toBe('questions');
    expect(await list(host, workshopId)).toEqual([kept]);
  });

  it('are changed by hosts and admins only: 403 for a member, 404 on a draft they cannot see', async () => {
    const workshopId = await hostedWorkshop(t, host);
    expectError(await put(member, workshopId, [{ kind: 'text', prompt: 'Sneaky question' }]), 403, 'forbidden');
    expect((await put(admin, workshopId, [{ kind: 'text', prompt: 'From the education team' }])).statusCode).toBe(200);
    const draft = await hostedWorkshop(t, host, { draft: true });
    expectError(await as(t.app, member.token).get(path(draft)), 404, 'not_found');
    expectError(await put(member, draft, []), 404, 'not_found');
    expect((await as(t.app, host.token).get(path(draft))).statusCode).toBe(200);
  });
});
