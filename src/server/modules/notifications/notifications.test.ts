import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { readInvitation } from '../../../../test/helpers/calendar.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

// No SMTP_URL: mail lands in the built-in mailbox, read back through the admin API.
let t: TestApp;
let host: TestPerson;
let admin: TestPerson;
let people: TestPerson[];

beforeAll(async () => {
  t = await createTestApp();
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  people = [];
  for (let i = 0; i < 4; i++) people.push(await buildPerson(t.database.db, { name: `Learner ${i}`, timeZone: 'America/New_York' }));
});
afterAll(() => t.close());

const deliver = () => t.app.jobs['deliver-outbox']?.();
const register = (p: TestPerson, id: string) => as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {});

/** Every mail to this person, oldest first, with text and calendar part. */
async function mailTo(p: TestPerson) {
  const list = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(p.email)}&limit=100`)).json();
  const full = await Promise.all(
    list.items.map(async (m: { id: string }) => (await as(t.app, admin.token).get(`/api/v1/admin/mailbox/${m.id}`)).json()),
  );
  return full.reverse() as { subject: string; text: string; html: string; calendar: string | null }[];
}

describe('messages and calendar invitations', () => {
  it('invites on enrolment, updates in place on a change, and cancels with a higher SEQUENCE', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b] = people as [TestPerson, TestPerson];
    await register(a, id);
    await register(b, id);
    await deliver();
    const [enrolled] = await mailTo(a);
    expect(enrolled?.subject).toMatch(/^You're in: /);
    const invite = readInvitation(enrolled?.calendar as string);
    const session = (await as(t.app, a.token).get(`/api/v1/sessions/${id}`)).json();
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0, start: session.startsAt, end: session.endsAt });
    expect(invite.organizer).toMatch(/^mailto:/i);
    expect(invite.attendees.map((x) => x.toLowerCase())).toEqual([`mailto:${a.email}`]);
    // Waitlisted: told their place, no invitation yet.
    const [waiting] = await mailTo(b);
    expect(waiting?.subject).toMatch(/^Waitlist #1: /);
    expect(waiting?.calendar).toBeNull();

    const later = new Date(Date.parse(session.startsAt) + 86_400_000);
    const moved = await as(t.app, host.token).patch(`/api/v1/sessions/${id}`, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await deliver();
    const update = (await mailTo(a)).at(-1);
    expect(update?.subject).toMatch(/^Changed: /);
    expect(readInvitation(update?.calendar as string)).toMatchObject({
      method: 'REQUEST',
      uid: invite.uid,
      sequence: 1,
      start: later.toISOString(),
    });
    expect((await mailTo(b)).at(-1)?.calendar).toBeNull();

    await as(t.app, a.token).delete(`/api/v1/sessions/${id}/registrations/me`);
    await deliver();
    const cancelled = (await mailTo(a)).at(-1);
    expect(readInvitation(cancelled?.calendar as string)).toMatchObject({ method: 'CANCEL', uid: invite.uid, sequence: 2 });
    // The freed seat went to b, who now gets the invitation.
    const promoted = (await mailTo(b)).at(-1);
    expect(promoted?.subject).toMatch(/^A seat opened up/);
    expect(readInvitation(promoted?.calendar as string)).toMatchObject({ method: 'REQUEST', sequence: 0 });
  });

  it('invites someone who comes back with the same UID and a higher SEQUENCE than its cancellation', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 2 });
    const a = people[3] as TestPerson;
    await register(a, id);
    await as(t.app, a.token).delete(`/api/v1/sessions/${id}/registrations/me`);
    expect((await register(a, id)).statusCode).toBe(201);
    await deliver();
    // Delivered in one run, so in no particular order: by SEQUENCE.
    const invitations = (await mailTo(a)).map((m) => readInvitation(m.calendar as string)).sort((x, y) => x.sequence - y.sequence);
    expect(invitations.map((i) => [i.method, i.sequence, i.uid])).toEqual([
      ['REQUEST', 0, invitations[0]?.uid],
      ['CANCEL', 1, invitations[0]?.uid],
      ['REQUEST', 2, invitations[0]?.uid],
    ]);
  });

  it('cancels every invitation when the session is cancelled', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 });
    const [a] = people as [TestPerson];
    await register(a, id);
    await deliver();
    await as(t.app, host.token).post(`/api/v1/sessions/${id}/cancel`);
    await deliver();
    const last = (await mailTo(a)).at(-1);
    expect(last?.subject).toMatch(/^Cancelled: /);
    expect(readInvitation(last?.calendar as string)).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', sequence: 1 });
  });

  it('puts the right UTC instants in invitations of a series planned in Los Angeles across a daylight-saving change', async () => {
    const api = as(t.app, host.token);
    const w = (await api.post('/api/v1/workshops', workshopBody({ title: 'Pacific mornings' }))).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    // 10:00 in Los Angeles on Thursday 4 March 2027 (PST, UTC−8); DST starts on 14 March.
    const created = await api.post(`/api/v1/workshops/${w.id}/sessions/recurring`, {
      ...sessionBody(7),
      startsAt: '2027-03-04T18:00:00Z',
      endsAt: '2027-03-04T19:00:00Z',
      timeZone: 'America/Los_Angeles',
      repeat: { frequency: 'weekly', count: 3 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [p] = people as [TestPerson];
    for (const s of created.json().items) await register(p, s.id);
    await deliver();
    const starts = (await mailTo(p))
      .filter((m) => m.calendar && m.subject.includes('Pacific mornings'))
      .map((m) => readInvitation(m.calendar as string).start)
      .sort();
    expect(starts).toEqual(['2027-03-04T18:00:00.000Z', '2027-03-11T18:00:00.000Z', '2027-03-18T17:00:00.000Z']);
    // The mail shows the reader's own zone (New York), and the planning zone beside it.
    const first = (await mailTo(p)).find((m) => m.text.includes('4 March 2027'));
    expect(first?.text).toContain('Thursday 4 March 2027, 13:00');
    expect(first?.text).toContain('10:00 in America/Los_Angeles');
  });

  it('acts once on a message delivered twice (a worker that died before marking it done)', async () => {
    const id = await publishedSession(t.app, host.token);
    const [, b] = people as [TestPerson, TestPerson];
    await register(b, id);
    await deliver();
    const before = (await mailTo(b)).length;
    // As if the worker had sent it and crashed before recording that: the message is due again.
    await t.database.db.updateTable('outbox').set({ status: 'pending', done_at: null }).where('status', '=', 'done').execute();
    expect(await deliver()).toBeGreaterThan(0);
    expect((await mailTo(b)).length).toBe(before);
  });

  it('keeps the mailbox and the outbox for admins only', async () => {
    const member = as(t.app, (people[0] as TestPerson).token);
    for (const path of ['/api/v1/admin/mailbox', '/api/v1/admin/outbox']) {
      const refused = await member.get(path);
      expect(refused.statusCode, path).toBe(403);
      expect(refused.json().error.code, path).toBe('forbidden');
    }
    const outbox = (await as(t.app, admin.token).get('/api/v1/admin/outbox?status=done')).json();
    expect(outbox.counts.done).toBeGreaterThan(0);
    expect(outbox.items.every((m: { status: string }) => m.status === 'done')).toBe(true);
  });
});

describe('timed messages and messages from hosts', () => {
  const HOUR = 3_600_000;
  /** Moves a session (and how long ago it and its registrations were made) without sending an update. */
  async function setTimes(sessionId: string, startsInMs: number, madeAgoMs = 5 * 24 * HOUR) {
    const start = Date.now() + startsInMs;
    const made = new Date(Date.now() - madeAgoMs).toISOString();
    await t.database.db
      .updateTable('sessions')
      .set({ starts_at: new Date(start).toISOString(), ends_at: new Date(start + HOUR).toISOString(), created_at: made })
      .where('id', '=', sessionId)
      .execute();
    await t.database.db.updateTable('registrations').set({ created_at: made }).where('session_id', '=', sessionId).execute();
  }
  const remind = () => t.app.jobs['send-reminders']?.();

  it('reminds 48 hours before with the invitation again, and 1 hour before with the video link, once each', async () => {
    const id = await publishedSession(t.app, host.token, { mode: 'online', location: null, videoUrl: 'https://meet.example.com/r' });
    const [, , c] = people as [TestPerson, TestPerson, TestPerson];
    await register(c, id);
    await setTimes(id, 40 * HOUR);
    expect(await remind()).toBeGreaterThanOrEqual(1);
    expect(await remind()).toBe(0);
    await deliver();
    const coming = (await mailTo(c)).find((m) => m.subject.startsWith('Coming up: '));
    const first = (await mailTo(c)).find((m) => m.subject.startsWith("You're in"));
    expect(readInvitation(coming?.calendar as string)).toMatchObject({
      method: 'REQUEST',
      uid: readInvitation(first?.calendar as string).uid,
    });

    await setTimes(id, 30 * 60_000);
    await remind();
    await deliver();
    const soon = (await mailTo(c)).find((m) => m.subject.startsWith('Starting in an hour: '));
    expect(soon?.text).toContain('https://meet.example.com/r');
  });

  it('warns the hosts 72 hours before a session under 30 % full', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 10 });
    await register(people[0] as TestPerson, id);
    await setTimes(id, 60 * HOUR);
    await remind();
    await deliver();
    // Other tests' sessions may warn too: this one is the session with ten seats.
    const warnings = (await mailTo(host)).filter((m) => m.subject.startsWith('Few registrations so far: '));
    expect(warnings.some((m) => m.text.includes('1 of 10 seats are taken'))).toBe(true);
  });

  it('thanks the people who came, with the materials', async () => {
    const api = as(t.app, host.token);
    const w = (
      await api.post(
        '/api/v1/workshops',
        workshopBody({ title: 'Thanks for coming', materials: [{ title: 'Slides', url: 'https://slides.example.com/t' }] }),
      )
    ).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    const s = (await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(3))).json();
    const [a] = people as [TestPerson];
    const reg = (await register(a, s.id)).json();
    await setTimes(s.id, -2 * HOUR);
    // Attendance is marked after the session, as hosts often do.
    expect((await api.post(`/api/v1/registrations/${reg.id}/check-in`)).statusCode).toBe(200);
    await remind();
    await deliver();
    const thanks = (await mailTo(a)).find((m) => m.subject === 'Thank you for coming: Thanks for coming');
    expect(thanks?.text).toContain('Slides: https://slides.example.com/t');
  });

  it("sends a host's message to everyone holding a seat", async () => {
    const id = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b] = people as [TestPerson, TestPerson];
    await register(a, id);
    await register(b, id);
    await deliver();
    const sent = await as(t.app, host.token).post(`/api/v1/sessions/${id}/messages`, {
      subject: 'Bring a laptop',
      body: 'With Docker installed.',
    });
    expect(sent.json()).toMatchObject({ delivered: true });
    await deliver();
    const got = (await mailTo(a)).find((m) => m.subject.startsWith('Bring a laptop'));
    expect(got?.text).toContain('With Docker installed.');
    expect((await mailTo(b)).some((m) => m.subject.startsWith('Bring a laptop'))).toBe(false);
  });

  it('tells people who asked to be notified when the workshop runs again', async () => {
    const api = as(t.app, host.token);
    const w = (await api.post('/api/v1/workshops', workshopBody({ title: 'Once more with feeling' }))).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    const [, b] = people as [TestPerson, TestPerson];
    expect((await as(t.app, b.token).put(`/api/v1/workshops/${w.id}/interest`, {})).statusCode).toBe(200);
    await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(12));
    await deliver();
    expect((await mailTo(b)).some((m) => m.subject === 'It runs again: Once more with feeling')).toBe(true);
  });
});

describe('calendar files and feeds', () => {
  it('serves a personal feed at a secret address that can be replaced', async () => {
    const id = await publishedSession(t.app, host.token);
    const [, , c] = people as [TestPerson, TestPerson, TestPerson];
    await register(c, id);
    const browser = await signInWithBrowser(t.app, c.email);
    const made = await browser.post('/api/v1/me/calendar');
    expect(made.statusCode).toBe(201);
    const { url } = made.json();
    const path = new URL(url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/^text\/calendar/);
    expect(feed.body).toContain(`session-${id}-`);
    expect(readInvitation(feed.body).method).toBe('PUBLISH');

    const replaced = (await browser.post('/api/v1/me/calendar')).json().url;
    expect(replaced).not.toBe(url);
    const gone = await t.app.inject({ method: 'GET', url: path });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('not_found');
    expect((await t.app.inject({ method: 'GET', url: new URL(replaced).pathname })).statusCode).toBe(200);
  });

  it('gives any session as a calendar file to people who can see it', async () => {
    const id = await publishedSession(t.app, host.token);
    const res = await as(t.app, (people[1] as TestPerson).token).get(`/api/v1/sessions/${id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(readInvitation(res.body).events).toBe(1);
    const anonymous = await as(t.app, null).get(`/api/v1/sessions/${id}/calendar.ics`);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('unauthenticated');
  });
});

describe('retention', () => {
  it('forgets delivered messages and stored mail after OUTBOX_RETENTION_DAYS, keeping dead letters', async () => {
    const db = t.database.db;
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const [dead] = await db.selectFrom('outbox').select('id').where('status', '=', 'done').limit(1).execute();
    await db
      .updateTable('outbox')
      .set({ status: 'dead' })
      .where('id', '=', dead?.id as string)
      .execute();
    await db.updateTable('outbox').set({ created_at: old }).execute();
    await db.updateTable('mailbox').set({ created_at: old }).execute();
    const recent = await register(people[0] as TestPerson, await publishedSession(t.app, host.token));
    expect(recent.statusCode).toBe(201);
    expect(await t.app.jobs['purge-outbox']?.()).toBeGreaterThan(0);
    // Delivered ones went; the dead letter and everything not yet delivered stay.
    const left = await db.selectFrom('outbox').select(['id', 'status']).execute();
    expect(left.some((r) => r.status === 'done')).toBe(false);
    expect(left.filter((r) => r.status === 'dead').map((r) => r.id)).toEqual([dead?.id]);
    expect(left.filter((r) => r.status === 'pending').length).toBeGreaterThan(0);
    expect(await db.selectFrom('mailbox').select('id').execute()).toEqual([]);
  });
});
