import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { answer, endedRun, hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';

const { t, host, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 4, learnerName: 'Signe Signer' },
);
const [l0, l1, l2, l3] = people as [TestPerson, TestPerson, TestPerson, TestPerson];

const HEADER = ['session_start', 'rating', 'usefulness', 'will_apply', 'apply_how', 'nps', 'worked', 'improve'];
const csvOf = async (who: TestPerson, url: string) => {
  const res = await as(t.app, who.token).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const rowsOf = (body: string) => parse(body, { bom: true }) as string[][];
const startOf = async (sessionId: string) =>
  (await t.database.db.selectFrom('sessions').select('starts_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).starts_at;

describe('feedback exports', () => {
  it("give one row per answer of a session, never a name or an email (not even a signer's), formulas neutralised", async () => {
    const workshopId = await hostedWorkshop(t, host, { title: 'Kafka lag' });
    const [rating, tool] = (
      await as(t.app, host.token).put(`/api/v1/workshops/${workshopId}/feedback-questions`, {
        questions: [
          { kind: 'rating', prompt: 'How clear were the slides?' },
          { kind: 'text', prompt: '=Which tool?' },
        ],
      })
    ).json().items as { id: string }[];
    const session = await endedRun(t, host, workshopId, [l0, l1, l2, l3], 5);
    await answer(t, l0, session, {
      rating: 5,
      usefulness: 4,
      worked: 'Signed by me',
      signed: true,
      willApply: true,
      applyHow: 'In the payments service',
      answers: { [rating?.id as string]: 4, [tool?.id as string]: 'Flame graphs' },
    });
    await answer(t, l1, session, { rating: 3, usefulness: 3, improve: '=HYPERLINK("http://evil.example","click")', willApply: false });
    await answer(t, l2, session, { rating: 4, usefulness: 5, worked: 'Thanks you' });
    await answer(t, l3, session, { attended: false });

    const res = await csvOf(host, `/api/v1/sessions/${session}/feedback.csv`);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="feedback-kafka-lag-\d{4}-\d{2}-\d{2}\.csv"$/);
    for (const p of [l0, l1, l2, l3]) {
      expect(res.body).not.toContain(p.name);
      expect(res.body).not.toContain(p.email);
    }
    expect(res.body).not.toContain(l0.id);
    const [header, ...rows] = rowsOf(res.body);
    expect(header).toEqual([...HEADER, 'How clear were the slides?', "'=Which tool?"]);
    const start = await startOf(session);
    // Ordered by rating (highest first), never by who answered when; the decline is no row.
    expect(rows).toEqual([
      [start, '5', '4', 'yes', 'In the payments service', '', 'Signed by me', '', '4', 'Flame graphs'],
      [start, '4', '5', '', '', '', 'Thanks you', '', '', ''],
      [start, '3', '3', 'no', '', '', '', `'=HYPERLINK("http://evil.example","click")`, '', ''],
    ]);
  });

  it('leave out sessions with fewer than 3 answers: a session file is then only its header, a workshop file has the other runs', async () => {
    const workshopId = await hostedWorkshop(t, host);
    const counted = await endedRun(t, host, workshopId, [l0, l1, l2], 30);
    for (const [i, who] of [l0, l1, l2].entries()) await answer(t, who, counted, { rating: i + 2, usefulness: 3 });
    const small = await endedRun(t, host, workshopId, [l0, l1], 4);
    await answer(t, l0, small, { rating: 1, usefulness: 1, improve: 'Only two of us' });
    await answer(t, l1, small, { rating: 1, usefulness: 1 });

    const smallCsv = await csvOf(host, `/api/v1/sessions/${small}/feedback.csv`);
    expect(rowsOf(smallCsv.body)).toEqual([HEADER]);
    const whole = await csvOf(admin, `/api/v1/workshops/${workshopId}/feedback.csv`);
    expect(whole.headers['content-disposition']).toContain('filename="feedback-debugging-kafka-consumer-lag.csv"');
    const start = await startOf(counted);
    expect(
      rowsOf(whole.body)
        .slice(1)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      [start, '4'],
      [start, '3'],
      [start, '2'],
    ]);
    expect(whole.body).not.toContain('Only two of us');
  });

  it('are for hosts and admins: 403 for a learner of the session, 404 for a session or workshop they cannot see', async () => {
    const workshopId = await hostedWorkshop(t, host);
    const session = await endedRun(t, host, workshopId, [l0], 2);
    expectError(await as(t.app, l0.token).get(`/api/v1/sessions/${session}/feedback.csv`), 403, 'forbidden');
    expectError(await as(t.app, l0.token).get(`/api/v1/workshops/${workshopId}/feedback.csv`), 403, 'forbidden');
    expect((await as(t.app, admin.token).get(`/api/v1/sessions/${session}/feedback.csv`)).statusCode).toBe(200);
    const draft = await hostedWorkshop(t, host, { draft: true });
    expectError(await as(t.app, l0.token).get(`/api/v1/workshops/${draft}/feedback.csv`), 404, 'not_found');
    expectError(await as(t.app, l0.token).get('/api/v1/sessions/no-such-session/feedback.csv'), 404, 'not_found');
  });
});
