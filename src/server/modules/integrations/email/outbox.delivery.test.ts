import { createServer, type Socket } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { readInvitation } from '../../../../../test/helpers/calendar.js';
import { buildPerson, type TestPerson } from '../../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../../test/helpers/sessions.js';

/** A real SMTP server in the test: it keeps what it receives, or refuses every recipient while `refusing`. */
function smtp() {
  const received: { raw: string; to: string[] }[] = [];
  const state = { refusing: false };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (state.refusing) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  return {
    received,
    state,
    listen: () =>
      new Promise<number>((resolve) => {
        server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let mail: ReturnType<typeof smtp>;
let t: TestApp;
let host: TestPerson;
let admin: TestPerson;
let person: TestPerson;

beforeAll(async () => {
  mail = smtp();
  const port = await mail.listen();
  // Retries at once and three attempts at most, so the test sees a dead letter without waiting.
  t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Lyceum <lyceum@example.com>',
    OUTBOX_MAX_ATTEMPTS: '3',
    OUTBOX_RETRY_MS: '0',
  });
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  person = await buildPerson(t.database.db, { name: 'Lea Learner' });
});
afterAll(async () => {
  await t.close();
  await mail.close();
});

const deliver = () => t.app.jobs['deliver-outbox']?.() as Promise<number>;

describe('email over SMTP', () => {
  it('sends the confirmation with an invitation as a calendar part, one Message-ID per message', async () => {
    const id = await publishedSession(t.app, host.token);
    await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    expect(await deliver()).toBe(1);
    expect(mail.received).toHaveLength(1);
    const parsed = await simpleParser(mail.received[0]?.raw as string);
    expect(mail.received[0]?.to).toEqual([person.email]);
    expect(parsed.subject).toMatch(/^You're in: /);
    expect(parsed.from?.text).toContain('lyceum@example.com');
    expect(parsed.messageId).toMatch(/^<.+@localhost>$/);
    expect(parsed.text).toContain('Hi Lea Learner');
    const calendarPart = parsed.attachments.find((a) => a.contentType === 'text/calendar');
    expect(calendarPart).toBeDefined();
    const ics = calendarPart?.content.toString('utf8') as string;
    // Over the wire too, every line of the invitation ends with CRLF (RFC 5545), the last one included.
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const invite = readInvitation(ics);
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0 });
    expect(invite.organizer.toLowerCase()).toBe('mailto:lyceum@example.com');
  });

  it('retries a refused message, then keeps it as a dead letter that an admin can send again', async () => {
    const id = await publishedSession(t.app, host.token);
    mail.state.refusing = true;
    const registered = await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    // The request that caused the message does not wait for mail: it is answered, the message waits.
    expect(registered.statusCode).toBe(201);
    for (let i = 0; i < 3; i++) await deliver();
    const dead = (await as(t.app, admin.token).get('/api/v1/admin/outbox?status=dead')).json();
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({ status: 'dead', attempts: 3, topic: 'registration.enrolled' });
    expect(dead.items[0].lastError).toMatch(/550|unavailable/i);

    mail.state.refusing = false;
    const before = mail.received.length;
    const retried = await as(t.app, admin.token).post(`/api/v1/admin/outbox/${dead.items[0].id}/retry`);
    expect(retried.json()).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await deliver()).toBe(1);
    expect(mail.received.length).toBe(before + 1);
    expect((await as(t.app, admin.token).get('/api/v1/admin/outbox?status=dead')).json().counts.dead).toBe(0);
  });
});

describe('an SMTP server that never answers', () => {
  it('times out, retries, then dead-letters; registering is answered without waiting for it', async () => {
    // Accepts connections and says nothing: the SMTP greeting never comes.
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    const port = await new Promise<number>((resolve) =>
      silent.listen(0, '127.0.0.1', () => resolve((silent.address() as { port: number }).port)),
    );
    const app = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      SMTP_TIMEOUT_MS: '300',
      OUTBOX_MAX_ATTEMPTS: '2',
      OUTBOX_RETRY_MS: '0',
    });
    try {
      const h = await buildPerson(app.database.db, { name: 'Hana Host' });
      const p = await buildPerson(app.database.db, { name: 'Pat Patient' });
      const id = await publishedSession(app.app, h.token);
      const registered = await as(app.app, p.token).post(`/api/v1/sessions/${id}/registrations`, {});
      expect(registered.statusCode).toBe(201);
      const pending = await app.database.db.selectFrom('outbox').select('status').execute();
      expect(pending.map((r) => r.status)).toEqual(['pending']);
      await app.app.jobs['deliver-outbox']?.();
      await app.app.jobs['deliver-outbox']?.();
      const [row] = await app.database.db.selectFrom('outbox').selectAll().execute();
      expect(row).toMatchObject({ status: 'dead', attempts: 2 });
      expect(row?.last_error).toMatch(/greeting never received|timeout|timed out/i);
    } finally {
      for (const s of sockets) s.destroy();
      await app.close();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
