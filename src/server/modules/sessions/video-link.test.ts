import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { readInvitation } from '../../../../test/helpers/calendar.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';

// The video link is the way into an online session: only seat holders, hosts and admins get it.
const LINK = 'https://meet.example.com/secret-room';

const { t, host, admin, stranger, enrolled, waitlisted } = testAppWithPeople({
  host: { name: 'Hana Host' },
  admin: { name: 'Ada Admin', role: 'admin' },
  stranger: { name: 'Sam Stranger' },
  enrolled: { name: 'Eve Enrolled' },
  waitlisted: { name: 'Wes Waiting' },
});
let workshopId: string;
let sessionId: string;

const TITLE = 'Quokka tracing for beginners';

/** A calendar's text with folded lines joined again (RFC 5545 3.1), so values can be searched whole. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

beforeAll(async () => {
  const api = as(t.app, host.token);
  workshopId = (await api.post('/api/v1/workshops', workshopBody({ title: TITLE }))).json().id;
  await api.post(`/api/v1/workshops/${workshopId}/publish`);
  const created = await api.post(
    `/api/v1/workshops/${workshopId}/sessions`,
    sessionBody(5, { mode: 'online', location: null, videoUrl: LINK, seats: 1 }),
  );
  expect(created.statusCode, created.body).toBe(201);
  sessionId = created.json().id;
  expect((await register(enrolled)).json().status).toBe('enrolled');
  expect((await register(waitlisted)).json().status).toBe('waitlisted');
});

const register = (p: TestPerson, id = sessionId) => as(t.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {});

/** The session's video link as each place of the API shows it to this person. */
async function linkSeenBy(p: TestPerson) {
  const api = as(t.app, p.token);
  const one = (await api.get(`/api/v1/sessions/${sessionId}`)).json();
  const workshopPage = (await api.get(`/api/v1/workshops/${workshopId}/sessions`)).json();
  const catalog = (await api.get(`/api/v1/sessions?q=${encodeURIComponent('quokka tracing')}`)).json();
  const pick = (items: { id: string; videoUrl: string | null }[]) => items.find((s) => s.id === sessionId)?.videoUrl;
  return { session: one.videoUrl, workshopPage: pick(workshopPage.items), catalog: pick(catalog.items) };
}

describe('who sees the video link', () => {
  it('is null for a member without a registration, everywhere the session is shown', async () => {
    expect(await linkSeenBy(stranger)).toEqual({ session: null, workshopPage: null, catalog: null });
  });

  it('is null for a waitlisted person: a place in line is not a seat', async () => {
    expect(await linkSeenBy(waitlisted)).toEqual({ session: null, workshopPage: null, catalog: null });
    const mine = (await as(t.app, waitlisted.token).get('/api/v1/me/registrations')).json();
    expect(mine.items.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ videoUrl: null });
  });

  it('is the link for the enrolled person, the hosts and admins', async () => {
    const everywhere = { session: LINK, workshopPage: LINK, catalog: LINK };
    expect(await linkSeenBy(enrolled)).toEqual(everywhere);
    expect(await linkSeenBy(host)).toEqual(everywhere);
    expect(await linkSeenBy(admin)).toEqual(everywhere);
    const mine = (await as(t.app, enrolled.token).get('/api/v1/me/registrations')).json();
    expect(mine.items.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ videoUrl: LINK });
  });

  it('answers hosts and admins who change the session with the link', async () => {
    const changed = await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, { videoUrl: LINK });
    expect(changed.json().videoUrl).toBe(LINK);
    expect((await as(t.app, admin.token).patch(`/api/v1/sessions/${sessionId}`, { seats: 1 })).json().videoUrl).toBe(LINK);
  });

  it('comes with a confirmed seat: not while a seat is offered, yes once it is confirmed', async () => {
    const api = as(t.app, host.token);
    const s = (
      await api.post(
        `/api/v1/workshops/${workshopId}/sessions`,
        sessionBody(6, { mode: 'online', location: null, videoUrl: LINK, seats: 1, promotion: 'offer' }),
      )
    ).json();
    const [first, second] = [await buildPerson(t.database.db), await buildPerson(t.database.db)];
    await register(first, s.id);
    await register(second, s.id);
    await as(t.app, first.token).delete(`/api/v1/sessions/${s.id}/registrations/me`);
    const offered = (await as(t.app, second.token).get(`/api/v1/sessions/${s.id}`)).json();
    expect(offered.myRegistration.status).toBe('offered');
    expect(offered.videoUrl).toBeNull();
    await as(t.app, second.token).post(`/api/v1/registrations/${offered.myRegistration.id}/confirm`);
    expect((await as(t.app, second.token).get(`/api/v1/sessions/${s.id}`)).json().videoUrl).toBe(LINK);
  });

  // Search hits carried no video link before this rule either: this test guards that, it fixed nothing.
  it('guard: never travels in search hits, which are shared between everyone who searches the same', async () => {
    for (const p of [stranger, enrolled, host, admin]) {
      const res = await as(t.app, p.token).get(`/api/v1/search?q=${encodeURIComponent('quokka tracing')}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((h: { nextSession: { id: string } | null }) => h.nextSession?.id)).toContain(sessionId);
      expect(res.body).not.toContain('meet.example.com');
    }
  });
});

describe('whether a session has a video link', () => {
  /** Whether the session has a link, and the link itself, as each place of the API shows them to this person. */
  async function doorSeenBy(p: TestPerson, id: string) {
    const api = as(t.app, p.token);
    const one = (await api.get(`/api/v1/sessions/${id}`)).json();
    const workshopPage = (await api.get(`/api/v1/workshops/${workshopId}/sessions`)).json().items.find((s: { id: string }) => s.id === id);
    const catalog = (await api.get(`/api/v1/sessions?q=${encodeURIComponent('quokka tracing')}&limit=100`)).json();
    const entry = catalog.items.find((s: { id: string }) => s.id === id);
    const door = (s: { videoUrl: string | null; hasVideoLink: boolean }) => ({ videoUrl: s.videoUrl, hasVideoLink: s.hasVideoLink });
    return { session: door(one), workshopPage: door(workshopPage), catalog: door(entry) };
  }
  const everywhere = <T>(v: T) => ({ session: v, workshopPage: v, catalog: v });

  it('is told to a member without a seat, without the link, where there is one', async () => {
    expect(await doorSeenBy(stranger, sessionId)).toEqual(everywhere({ videoUrl: null, hasVideoLink: true }));
  });

  it('is false where there is none: an in-person session, an online one whose link is not set yet', async () => {
    const api = as(t.app, host.token);
    for (const body of [sessionBody(9, { mode: 'in_person' }), sessionBody(10, { mode: 'online', location: null })]) {
      const created = await api.post(`/api/v1/workshops/${workshopId}/sessions`, body);
      expect(created.statusCode, created.body).toBe(201);
      expect(await doorSeenBy(stranger, created.json().id)).toEqual(everywhere({ videoUrl: null, hasVideoLink: false }));
    }
  });

  it('is in My learning for someone waiting for a seat', async () => {
    const mine = (await as(t.app, waitlisted.token).get('/api/v1/me/registrations')).json();
    expect(mine.items.find((s: { id: string }) => s.id === sessionId)).toMatchObject({ videoUrl: null, hasVideoLink: true });
  });
});

describe('the video link in calendars', () => {
  const ics = (p: TestPerson) => as(t.app, p.token).get(`/api/v1/sessions/${sessionId}/calendar.ics`);

  it("leaves it out of the session's calendar file for people without a seat", async () => {
    for (const p of [stranger, waitlisted]) {
      const res = await ics(p);
      expect(res.statusCode).toBe(200);
      // The raw text, unfolded: no line of the file carries the link, in any property.
      expect(unfold(res.body)).not.toContain('meet.example.com');
      expect(readInvitation(res.body).location).toBe('Online');
    }
  });

  it('puts it in for the enrolled person and the hosts', async () => {
    for (const p of [enrolled, host]) {
      const event = readInvitation((await ics(p)).body);
      expect(event.location).toBe(LINK);
      expect(event.description).toContain(`Video link: ${LINK}`);
    }
  });

  it('puts it in the personal feed of a seat holder, not of someone who is only offered a seat', async () => {
    const offeredSession = (
      await as(t.app, host.token).post(
        `/api/v1/workshops/${workshopId}/sessions`,
        sessionBody(8, { mode: 'online', location: null, videoUrl: `${LINK}-2`, seats: 1, promotion: 'offer' }),
      )
    ).json();
    const [first, second] = [await buildPerson(t.database.db), await buildPerson(t.database.db)];
    await register(first, offeredSession.id);
    await register(second, offeredSession.id);
    await as(t.app, first.token).delete(`/api/v1/sessions/${offeredSession.id}/registrations/me`);
    // An offered seat is held for them, so the session is in their calendar, without the way in.
    const offeredFeed = unfold(await feedOf(second));
    expect(offeredFeed).toContain(`session-${offeredSession.id}-${second.id}`);
    expect(offeredFeed).not.toContain('meet.example.com');
    expect(unfold(await feedOf(enrolled))).toContain(`Video link: ${LINK}`);
  });
});

/** A fresh secret feed address for the person (shown when made), then the feed behind it. */
async function feedOf(p: TestPerson): Promise<string> {
  const made = await (await signInWithBrowser(t.app, p.email)).post('/api/v1/me/calendar');
  expect(made.statusCode, made.body).toBe(201);
  const res = await t.app.inject({ method: 'GET', url: new URL(made.json().url).pathname });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe('the video link in messages', () => {
  const deliver = () => t.app.jobs['deliver-outbox']?.();

  /** Every mail to this person, oldest first, read through the admins' mailbox. */
  async function mailTo(p: TestPerson) {
    const list = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(p.email)}&limit=100`)).json();
    const full = await Promise.all(
      list.items.map(async (m: { id: string }) => (await as(t.app, admin.token).get(`/api/v1/admin/mailbox/${m.id}`)).json()),
    );
    return full.reverse() as { subject: string; text: string; html: string; calendar: string | null }[];
  }
  const unfolded = (m: { text: string; html: string; calendar: string | null }) => `${m.text}\n${m.html}\n${unfold(m.calendar ?? '')}`;

  it('is in the confirmation of a seat, not in the waitlist place', async () => {
    await deliver();
    const [youreIn] = await mailTo(enrolled);
    expect(youreIn?.subject).toMatch(/^You're in: /);
    expect(youreIn?.text).toContain(`Video link: ${LINK}`);
    expect(readInvitation(youreIn?.calendar as string).location).toBe(LINK);
    // (They may also hear of another session of the workshop: that mail is not the one looked at here.)
    const waiting = (await mailTo(waitlisted)).find((m) => !m.subject.startsWith('Another session:'));
    expect(waiting?.subject).toMatch(/^Waitlist #1: /);
    expect(unfolded(waiting as never)).not.toContain('meet.example.com');
  });

  it('is in the news of a new link for seat holders, not for the people waiting', async () => {
    const moved = `${LINK}-moved`;
    expect((await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, { videoUrl: moved })).statusCode).toBe(200);
    await deliver();
    const toEnrolled = (await mailTo(enrolled)).at(-1);
    expect(toEnrolled?.subject).toMatch(/^Changed: /);
    expect(toEnrolled?.text).toContain(`Video link: ${moved}`);
    const toWaiting = (await mailTo(waitlisted)).at(-1);
    expect(toWaiting?.subject).toMatch(/^Changed: /);
    expect(unfolded(toWaiting as never)).not.toContain('meet.example.com');
    await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, { videoUrl: LINK });
    await deliver();
  });

  it('is not in "it runs again": the people told have not registered for the new session', async () => {
    const fan = await buildPerson(t.database.db, { name: 'Fay Fan' });
    expect((await as(t.app, fan.token).put(`/api/v1/workshops/${workshopId}/interest`, {})).statusCode).toBe(200);
    await as(t.app, host.token).post(
      `/api/v1/workshops/${workshopId}/sessions`,
      sessionBody(12, { mode: 'online', location: null, videoUrl: `${LINK}-again` }),
    );
    await deliver();
    const again = (await mailTo(fan)).find((m) => m.subject.startsWith('It runs again: '));
    expect(again).toBeDefined();
    expect(unfolded(again as never)).not.toContain('meet.example.com');
  });

  it('is in the reminder an hour before, sent to the people enrolled', async () => {
    const s = (
      await as(t.app, host.token).post(
        `/api/v1/workshops/${workshopId}/sessions`,
        sessionBody(4, { mode: 'online', location: null, videoUrl: `${LINK}-soon` }),
      )
    ).json();
    const learner = await buildPerson(t.database.db, { name: 'Lou Learner' });
    await register(learner, s.id);
    // As if it had been planned days ago and now starts in half an hour.
    const start = Date.now() + 30 * 60_000;
    const madeAgo = new Date(Date.now() - 5 * 86_400_000).toISOString();
    await t.database.db
      .updateTable('sessions')
      .set({ starts_at: new Date(start).toISOString(), ends_at: new Date(start + 3_600_000).toISOString(), created_at: madeAgo })
      .where('id', '=', s.id)
      .execute();
    await t.database.db.updateTable('registrations').set({ created_at: madeAgo }).where('session_id', '=', s.id).execute();
    await t.app.jobs['send-reminders']?.();
    await deliver();
    const soon = (await mailTo(learner)).find((m) => m.subject.startsWith('Starting in an hour: '));
    expect(soon?.text).toContain(`Join here: ${LINK}-soon`);
  });
});
