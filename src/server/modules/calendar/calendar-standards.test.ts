import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { readInvitation } from '../../../../test/helpers/calendar.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';

// What RFC 5545 and RFC 5546 ask of every calendar Lyceum writes, checked on the bytes sent and
// read back with ical.js. No SMTP_URL: invitations land in the built-in mailbox.
let t: TestApp;
let host: TestPerson;
let admin: TestPerson;
let person: TestPerson;

beforeAll(async () => {
  t = await createTestApp({ MAIL_FROM: 'Lyceum Academy <academy@example.com>' });
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  person = await buildPerson(t.database.db, { name: 'Lea Learner' });
});
afterAll(() => t.close());

const deliver = () => t.app.jobs['deliver-outbox']?.();

/** A published workshop (titled as given) with one session; returns the session id. */
async function scheduled(title = 'Calendars done right'): Promise<string> {
  const api = as(t.app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody({ title }))).json();
  await api.post(`/api/v1/workshops/${w.id}/publish`);
  return (await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(9))).json().id;
}

/** The calendar parts of the mail this person got, oldest first. */
async function invitationsTo(p: TestPerson): Promise<string[]> {
  const admins = as(t.app, admin.token);
  const list = (await admins.get(`/api/v1/admin/mailbox?to=${encodeURIComponent(p.email)}&limit=100`)).json();
  const mails = await Promise.all(list.items.map(async (m: { id: string }) => (await admins.get(`/api/v1/admin/mailbox/${m.id}`)).json()));
  return mails
    .reverse()
    .map((m: { calendar: string | null }) => m.calendar)
    .filter((c: string | null): c is string => c !== null);
}

/** The person's feed, at an address made for the test (it is shown only when made), as raw bytes. */
async function feedBytes(p: TestPerson): Promise<Buffer> {
  const made = await (await signInWithBrowser(t.app, p.email)).post('/api/v1/me/calendar');
  expect(made.statusCode, made.body).toBe(201);
  const res = await t.app.inject({ method: 'GET', url: new URL(made.json().url).pathname });
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

async function sessionFileBytes(p: TestPerson, sessionId: string): Promise<Buffer> {
  const res = await as(t.app, p.token).get(`/api/v1/sessions/${sessionId}/calendar.ics`);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
}

/** Every content line ends with CRLF (RFC 5545 3.1), the last one too: no bare LF or CR anywhere. */
function expectCrlfLines(bytes: Buffer | string, what: string) {
  const text = Buffer.isBuffer(bytes) ? bytes.toString('utf8') : bytes;
  expect(text.endsWith('\r\n'), `${what} ends with CRLF`).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(
    lines.filter((line) => /[\r\n]/.test(line)),
    `${what}: lines with a bare CR or LF`,
  ).toEqual([]);
}

/** The event of one session in a person's feed, read with ical.js. */
const eventIn = (feed: Buffer, sessionId: string, personId: string) =>
  readInvitation(feed.toString('utf8'), `session-${sessionId}-${personId}@`);

describe('calendar files end every line with CRLF', () => {
  it('in mailed invitations, the personal feed and the per-session file', async () => {
    const id = await scheduled();
    await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    await deliver();
    const [invitation] = await invitationsTo(person);
    expectCrlfLines(invitation as string, 'the invitation');
    expectCrlfLines(await feedBytes(person), 'the feed');
    expectCrlfLines(await sessionFileBytes(person, id), 'the session file');
  });

  it('even when a workshop title has a line break in it (it names the per-session calendar)', async () => {
    const id = await scheduled('Two lines\nMETHOD:CANCEL');
    const file = await sessionFileBytes(person, id);
    expectCrlfLines(file, 'the session file');
    // The break did not start a property of its own: still one published calendar.
    expect(readInvitation(file.toString('utf8'))).toMatchObject({ method: 'PUBLISH', events: 1 });
  });
});

describe('the feed and the per-session file are the invitation, as it stands now', () => {
  it('carry the UID of the invitation and the SEQUENCE of the latest one, after two changes', async () => {
    const id = await scheduled();
    await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    await deliver();
    const uid = `session-${id}-${person.id}@localhost`;
    /** This session's invitations to the person, by SEQUENCE: mail may be delivered in any order. */
    const sent = async () =>
      (await invitationsTo(person))
        .map((text) => readInvitation(text))
        .filter((i) => i.uid === uid)
        .sort((a, b) => a.sequence - b.sequence);
    expect((await sent()).map((i) => [i.method, i.sequence])).toEqual([['REQUEST', 0]]);

    const session = (await as(t.app, host.token).get(`/api/v1/sessions/${id}`)).json();
    for (const days of [1, 2]) {
      const start = new Date(Date.parse(session.startsAt) + days * 86_400_000);
      const moved = await as(t.app, host.token).patch(`/api/v1/sessions/${id}`, {
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
      });
      expect(moved.statusCode, moved.body).toBe(200);
    }
    await deliver();
    const invitations = await sent();
    expect(invitations.map((i) => [i.method, i.sequence])).toEqual([0, 1, 2].map((n) => ['REQUEST', n]));
    const latest = invitations.at(-1) as ReturnType<typeof readInvitation>;

    const inFeed = eventIn(await feedBytes(person), id, person.id);
    const inFile = readInvitation((await sessionFileBytes(person, id)).toString('utf8'));
    for (const published of [inFeed, inFile]) {
      expect(published).toMatchObject({ method: 'PUBLISH', uid, sequence: 2, start: latest.start, end: latest.end });
    }
  });
});

describe('published calendars name their organizer', () => {
  it('as MAIL_FROM, like the invitations do', async () => {
    const id = await scheduled();
    await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    const inFeed = eventIn(await feedBytes(person), id, person.id);
    const inFile = readInvitation((await sessionFileBytes(host, id)).toString('utf8'));
    for (const published of [inFeed, inFile]) {
      expect(published.method).toBe('PUBLISH');
      expect(published.organizer.toLowerCase()).toBe('mailto:academy@example.com');
    }
  });
});
