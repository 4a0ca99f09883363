import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

// An app of its own: the daily digest runs once per day per instance.
let t: TestApp;
let host: TestPerson;
let admin: TestPerson;
let people: TestPerson[];

beforeAll(async () => {
  t = await createTestApp();
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  people = [await buildPerson(t.database.db, { name: 'Lea' }), await buildPerson(t.database.db, { name: 'Max' })];
});
afterAll(() => t.close());

const run = async () => {
  await t.app.jobs['send-reminders']?.();
  await t.app.jobs['deliver-outbox']?.();
};
async function mailTo(p: TestPerson) {
  const list = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(p.email)}&limit=100`)).json();
  return Promise.all(
    list.items.map(
      async (m: { id: string }) =>
        (await as(t.app, admin.token).get(`/api/v1/admin/mailbox/${m.id}`)).json() as Promise<{ subject: string; text: string }>,
    ),
  );
}

describe('for hosts', () => {
  it("sends each host a daily digest of yesterday's roster changes", async () => {
    const id = await publishedSession(t.app, host.token);
    const [a, b] = people as [TestPerson, TestPerson];
    for (const p of [a, b]) await as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {});
    await as(t.app, b.token).delete(`/api/v1/sessions/${id}/registrations/me`);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await t.database.db.updateTable('registrations').set({ created_at: yesterday }).where('session_id', '=', id).execute();
    await t.database.db
      .updateTable('registrations')
      .set({ cancelled_at: yesterday })
      .where('session_id', '=', id)
      .where('status', '=', 'cancelled')
      .execute();
    await run();
    const digest = (await mailTo(host)).find((m) => m.subject === 'Your sessions yesterday: roster changes');
    expect(digest?.text).toMatch(/2 joined, 1 left/);
    // Once a day.
    await run();
    expect((await mailTo(host)).filter((m) => m.subject === 'Your sessions yesterday: roster changes')).toHaveLength(1);
  });

  it('reminds hosts who opted in of checklist items coming due', async () => {
    const api = as(t.app, host.token);
    const w = (await api.post('/api/v1/workshops', workshopBody({ title: 'Prepared well' }))).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(40));
    const started = await api.put(`/api/v1/workshops/${w.id}/checklist`, { templateId: '01970000-0000-7000-8000-00000000c001' });
    expect(started.statusCode, started.body).toBeLessThan(300);
    expect((await api.patch(`/api/v1/workshops/${w.id}/checklist`, { reminders: true })).statusCode).toBe(200);
    const scheduled = await t.database.db.selectFrom('checklist_reminders').selectAll().execute();
    expect(scheduled.length).toBeGreaterThan(0);
    // The first item comes due now.
    const first = scheduled.sort((x, y) => x.due_at.localeCompare(y.due_at))[0] as { run_id: string; item_key: string };
    await t.database.db
      .updateTable('checklist_reminders')
      .set({ due_at: new Date(Date.now() - 1000).toISOString() })
      .where('run_id', '=', first.run_id)
      .where('item_key', '=', first.item_key)
      .execute();
    await run();
    const reminder = (await mailTo(host)).find((m) => m.subject === 'Checklist: 1 to do for Prepared well');
    expect(reminder?.text).toContain(`/workshops/${w.id}/checklist`);
    await run();
    expect((await mailTo(host)).filter((m) => m.subject.startsWith('Checklist:'))).toHaveLength(1);
  });
});
