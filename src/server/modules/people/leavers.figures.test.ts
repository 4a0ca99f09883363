import { beforeAll, describe, expect, it } from 'vitest';
import { seedOverview } from '../../../../test/helpers/analytics-overview-fixture.js';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';

/**
 * History stays for the figures: a learner who attended and gave feedback in a past period leaves
 * (deactivated), then is erased; the dashboard's overview of that period and the workshop's
 * feedback summary count exactly as before, and nothing that names them is left in the people,
 * feedback or audit tables (the audit log keeps their id).
 */
const { t, ada, mia, pete, paula, dan, dora, hana, hugo, fay, max, vera } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin', team: 'Education' },
  mia: { name: 'Mia Manager' },
  pete: { name: 'Pete' },
  paula: { name: 'Paula Pereira' },
  dan: { name: 'Dan' },
  dora: { name: 'Dora' },
  hana: { name: 'Hana Host' },
  hugo: { name: 'Hugo Host' },
  fay: { name: 'Fay Host' },
  max: { name: 'Max Member' },
  vera: { name: 'Vera Viewer' },
});

const admin = () => as(t.app, ada.token);
const PERIOD = 'from=2025-04-01&to=2025-06-30';
let kafkaLab: string;

beforeAll(async () => {
  const ids = { mia, pete, paula, dan, dora, hana, hugo, fay, max, vera };
  await seedOverview(t.database.db, Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.id])) as never);
  kafkaLab = (await t.database.db.selectFrom('workshops').select('id').where('title', '=', 'Kafka lab').executeTakeFirstOrThrow()).id;
  // A third answer to the Kafka lab's April session, so its summary shows (three answers at least).
  const april = await t.database.db
    .selectFrom('sessions')
    .select('id')
    .where('starts_at', '=', '2025-04-15T10:00:00.000Z')
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable('feedback')
    .set({ status: 'answered', rating: 3, usefulness: 3, answered_at: '2025-04-16T10:00:00.000Z' })
    .where('session_id', '=', april.id)
    .where('person_id', '=', dora.id)
    .execute();
  // Paula signed her comments: the hosts saw her name beside it.
  await t.database.db
    .updateTable('feedback')
    .set({ signed: 1, worked: 'The partition rebalancing demo', improve: 'A longer break' })
    .where('person_id', '=', paula.id)
    .where('workshop_id', '=', kafkaLab)
    .execute();
  // The log names her: a role given and taken back.
  await admin().patch(`/api/v1/admin/people/${paula.id}`, { role: 'admin' });
  await admin().patch(`/api/v1/admin/people/${paula.id}`, { role: 'member' });
});

const overview = async () => {
  const res = await admin().get(`/api/v1/analytics/overview?${PERIOD}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const summary = async () => {
  const res = await as(t.app, hana.token).get(`/api/v1/workshops/${kafkaLab}/feedback-summary`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** The summary's figures and comments, without who signed them (which erasure removes on purpose). */
const unsigned = (s: Record<string, unknown>) => JSON.parse(JSON.stringify(s, (key, value) => (key === 'signedBy' ? undefined : value)));

describe('a learner leaves, then is erased: the figures of the past stay', () => {
  let before: unknown;
  let summaryBefore: Record<string, unknown>;

  it('counts her before she leaves, and shows her name beside her signed comment', async () => {
    before = await overview();
    summaryBefore = await summary();
    expect(JSON.stringify(summaryBefore)).toContain('Paula Pereira');
  });

  it('deactivation changes no figure of the period', async () => {
    expect((await admin().post(`/api/v1/admin/people/${paula.id}/deactivate`)).json().active).toBe(false);
    // A sign-in she tries afterwards is refused, and the log names the address she typed.
    expectError(await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: paula.email } }), 403, 'forbidden');
    expect(await overview()).toEqual(before);
    expect(await summary()).toEqual(summaryBefore);
  });

  it('erasure changes no figure either; her comments stay, signed by nobody', async () => {
    const res = await admin().post(`/api/v1/admin/people/${paula.id}/erase`, { confirm: paula.email });
    expect(res.statusCode, res.body).toBe(200);
    expect(await overview()).toEqual(before);
    const after = await summary();
    expect(unsigned(after)).toEqual(unsigned(summaryBefore));
    expect(JSON.stringify(after)).not.toContain('Paula');
    expect(JSON.stringify(after)).toContain('The partition rebalancing demo');
  });

  it('leaves no trace of her name or email in people, feedback or the audit log, which keeps her id', async () => {
    const db = t.database.db;
    const named = (text: string | null) =>
      text !== null && (text.includes('Paula') || text.toLowerCase().includes(paula.email.toLowerCase()));

    const person = await db.selectFrom('people').selectAll().where('id', '=', paula.id).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      name: 'Former colleague',
      email: `erased-${paula.id}@invalid`,
      team: null,
      title: null,
      manager_id: null,
    });
    expect(Object.values(person).some((v) => typeof v === 'string' && named(v))).toBe(false);

    const feedback = await db.selectFrom('feedback').selectAll().where('person_id', '=', paula.id).execute();
    expect(feedback.length).toBe(3);
    expect(feedback.map((f) => f.signed)).toEqual([0, 0, 0]);
    expect(feedback.some((f) => Object.values(f).some((v) => typeof v === 'string' && named(v)))).toBe(false);

    const log = await db.selectFrom('audit_log').selectAll().execute();
    expect(log.filter((e) => named(e.actor_label) || named(e.summary) || named(e.details))).toEqual([]);
    // What was done to her stays, under her id.
    const aboutHer = log.filter((e) => e.target_id === paula.id).map((e) => e.action);
    expect(aboutHer).toEqual(
      expect.arrayContaining(['person.role_changed', 'person.role_changed', 'person.deactivated', 'sign_in.failed', 'person.erased']),
    );
    expect(log.find((e) => e.action === 'person.deactivated' && e.target_id === paula.id)?.summary).toBe('Deactivated Former colleague');
    expect(log.find((e) => e.action === 'sign_in.failed' && e.target_id === paula.id)?.actor_label).toBe('Former colleague');
    expect(JSON.parse(log.find((e) => e.action === 'person.erased')?.details ?? '{}')).toMatchObject({ feedbackUnsigned: 2 });

    // The admin page and the log's API say the same.
    const listed = (await admin().get('/api/v1/admin/audit?limit=100')).json();
    expect(JSON.stringify(listed)).not.toContain('Paula');
  });
});
