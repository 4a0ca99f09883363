import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith, endSession } from '../../../../test/helpers/feedback.js';
import { hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';
import type { TeamLearning } from '../../../contracts/index.js';

const { t, mia, rob, rae, ola, ned, hana } = testAppWithPeople({
  mia: { name: 'Mia Manager' },
  rob: { name: 'Rob Report' },
  rae: { name: 'Rae Report' },
  ola: { name: 'Ola Oldreport' },
  ned: { name: 'Ned Neighbour' },
  hana: { name: 'Hana Host' },
});

let kafka: string;
let upcomingSession: string;
let past: string;
let lateSession: string;

async function job(name: string): Promise<number> {
  const run = t.app.jobs[name];
  if (!run) throw new Error(`no job ${name}`);
  return run();
}

async function newSession(workshopId: string, body = sessionBody(7, { seats: 1 })): Promise<string> {
  const res = await as(t.app, hana.token).post(`/api/v1/workshops/${workshopId}/sessions`, body);
  if (res.statusCode !== 201) throw new Error(`session not created: ${res.body}`);
  return res.json().id;
}

const register = (token: string, sessionId: string) => as(t.app, token).post(`/api/v1/sessions/${sessionId}/registrations`, {});

beforeAll(async () => {
  const db = t.database.db;
  // Reporting lines come from the directory (people.manager_id).
  await db.updateTable('people').set({ manager_id: mia.id }).where('id', 'in', [rob.id, rae.id, ola.id]).execute();

  kafka = await hostedWorkshop(t, hana, { title: 'Debugging Kafka consumer lag' });
  // One seat: Rob takes it, Rae waits.
  upcomingSession = await newSession(kafka);
  expect((await register(rob.token, upcomingSession)).json().status).toBe('enrolled');
  expect((await register(rae.token, upcomingSession)).json().status).toBe('waitlisted');
  expect((await register(ola.token, upcomingSession)).statusCode).toBeLessThan(300);

  // Two days ago: Rob came (and gave feedback), Rae did not.
  ({ sessionId: past } = await endedSessionWith(t, hana, [rob, rae], { checkedIn: [rob], hoursAgo: 48 }));
  expect((await as(t.app, rob.token).put(`/api/v1/sessions/${past}/feedback`, answerBody({ worked: 'SECRET-PRAISE' }))).statusCode).toBe(
    200,
  );
  await job('mark-no-shows');

  // Rae cancelled the day of a session, too late to hand the seat on; the session is over now.
  const soon = new Date(Date.now() + 3 * 3_600_000);
  soon.setUTCMinutes(0, 0, 0);
  lateSession = await newSession(
    kafka,
    sessionBody(1, { startsAt: soon.toISOString(), endsAt: new Date(soon.getTime() + 3_600_000).toISOString(), seats: 5 }),
  );
  expect((await register(rae.token, lateSession)).statusCode).toBeLessThan(300);
  expect((await as(t.app, rae.token).delete(`/api/v1/sessions/${lateSession}/registrations/me`)).json().lateCancellation).toBe(true);
  await endSession(db, lateSession, 24);
  // Ola has left since (deactivated, as the directory would): her registration stays, she is not listed.
  await db.updateTable('people').set({ active: 0 }).where('id', '=', ola.id).execute();
});

describe("a manager's view of their reports' learning", () => {
  it("shows each active direct report's upcoming registrations and recent attendance, never feedback", async () => {
    const res = await as(t.app, mia.token).get('/api/v1/me/team/learning');
    expect(res.statusCode, res.body).toBe(200);
    const team: TeamLearning = res.json();
    expect(team).toMatchObject({ scope: 'direct_reports', recentDays: 90 });
    // Ola left (inactive): not listed.
    expect(team.items.map((m) => m.person.name)).toEqual(['Rae Report', 'Rob Report']);
    const [raeView, robView] = team.items;
    expect(robView?.upcoming.map((u) => [u.sessionId, u.workshop.title, u.status])).toEqual([
      [upcomingSession, 'Debugging Kafka consumer lag', 'enrolled'],
    ]);
    expect(raeView?.upcoming.map((u) => [u.sessionId, u.status])).toEqual([[upcomingSession, 'waitlisted']]);
    expect(robView?.recent.map((r) => [r.sessionId, r.outcome])).toEqual([[past, 'attended']]);
    // Latest first: the late cancellation (yesterday), then the no-show (two days ago).
    expect(raeView?.recent.map((r) => [r.sessionId, r.outcome])).toEqual([
      [lateSession, 'cancelled_late'],
      [past, 'no_show'],
    ]);
    // Nothing of what Rob answered reaches his manager.
    expect(res.body).not.toContain('SECRET-PRAISE');
    expect(res.body).not.toMatch(/"(rating|usefulness|worked|improve|willApply|feedback)"/);
  });

  it('refuses people nobody reports to, with a clear message', async () => {
    const refused = await as(t.app, ned.token).get('/api/v1/me/team/learning');
    expectError(refused, 403, 'forbidden');
    expect(refused.json().error.message).toMatch(/nobody in the directory reports to you/);
    expectError(await as(t.app, rob.token).get('/api/v1/me/team/learning'), 403, 'forbidden');
  });
});

describe('suggesting a workshop to a report', () => {
  it('notifies the report, who decides alone: nothing is booked, and it is suggested once', async () => {
    const db = t.database.db;
    const workshop = await hostedWorkshop(t, hana, { title: 'Terraform state surgery' });
    await newSession(workshop, sessionBody(10, { seats: 10 }));
    const registrationsOfRob = () => db.selectFrom('registrations').select('id').where('person_id', '=', rob.id).execute();
    const before = (await registrationsOfRob()).length;

    const res = await as(t.app, mia.token).post('/api/v1/me/team/suggestions', {
      personId: rob.id,
      workshopId: workshop,
      note: 'Useful before the migration next quarter.',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      manager: { id: mia.id, name: 'Mia Manager' },
      person: { id: rob.id, name: 'Rob Report' },
      workshop: { id: workshop, title: 'Terraform state surgery' },
      note: 'Useful before the migration next quarter.',
    });

    // The report hears of it through the outbox (email, the default), with the note.
    const queued = await db.selectFrom('outbox').select(['person_id', 'channel']).where('topic', '=', 'manager.suggested').execute();
    expect(queued).toEqual([{ person_id: rob.id, channel: 'email' }]);
    await job('deliver-outbox');
    const mails = await db.selectFrom('mailbox').selectAll().where('to_address', '=', rob.email).execute();
    const mail = mails.find((m) => m.subject.includes('Terraform state surgery'));
    expect(mail?.subject).toBe('Mia Manager suggests a workshop: Terraform state surgery');
    expect(mail?.text).toContain('Useful before the migration next quarter.');
    expect(mail?.text).toContain(`/workshops/${workshop}`);

    // Nothing was booked for Rob.
    expect((await registrationsOfRob()).length).toBe(before);
    // He sees what was suggested to him; his manager sees it on the team view.
    const received = (await as(t.app, rob.token).get('/api/v1/me/suggested-workshops')).json();
    expect(received.items.map((s: { workshop: { title: string }; note: string }) => [s.workshop.title, s.note])).toEqual([
      ['Terraform state surgery', 'Useful before the migration next quarter.'],
    ]);
    const team: TeamLearning = (await as(t.app, mia.token).get('/api/v1/me/team/learning')).json();
    expect(team.items.find((m) => m.person.id === rob.id)?.suggestions.map((s) => s.workshop.id)).toEqual([workshop]);

    // The same workshop to the same person again: refused, and nobody is told twice.
    const again = await as(t.app, mia.token).post('/api/v1/me/team/suggestions', { personId: rob.id, workshopId: workshop });
    expectError(again, 409, 'conflict');
    expect(await db.selectFrom('outbox').select('id').where('topic', '=', 'manager.suggested').execute()).toHaveLength(1);
  });

  it('refuses people who are not your reports (403), workshops you cannot see (404) and drafts (409)', async () => {
    const body = (personId: string, workshopId = kafka) => ({ personId, workshopId });
    expectError(await as(t.app, mia.token).post('/api/v1/me/team/suggestions', body(ned.id)), 403, 'forbidden');
    expectError(await as(t.app, ned.token).post('/api/v1/me/team/suggestions', body(rob.id)), 403, 'forbidden');
    // Someone who left is nobody's report any more.
    expectError(await as(t.app, mia.token).post('/api/v1/me/team/suggestions', body(ola.id)), 403, 'forbidden');
    expectError(await as(t.app, mia.token).post('/api/v1/me/team/suggestions', body(rae.id, 'no-such-workshop')), 404, 'not_found');
    const hanasDraft = await hostedWorkshop(t, hana, { draft: true, title: 'Not ready yet' });
    expectError(await as(t.app, mia.token).post('/api/v1/me/team/suggestions', body(rae.id, hanasDraft)), 404, 'not_found');
    const miasDraft = await hostedWorkshop(t, mia, { draft: true, title: 'Mine, not ready' });
    expectError(await as(t.app, mia.token).post('/api/v1/me/team/suggestions', body(rae.id, miasDraft)), 409, 'invalid_state');
    const tooLong = await as(t.app, mia.token).post('/api/v1/me/team/suggestions', { ...body(rae.id), note: 'x'.repeat(501) });
    expectError(tooLong, 400, 'validation_failed');
    expect(
      await t.database.db.selectFrom('manager_suggestions').select('id').where('person_id', 'in', [ned.id, rae.id, ola.id]).execute(),
    ).toEqual([]);
  });
});
