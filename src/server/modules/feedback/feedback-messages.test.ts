import { createServer, type IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith } from '../../../../test/helpers/feedback.js';

/** One local stand-in for Slack's Web API and an integrator's webhook receiver: keeps what arrives. */
async function receiver() {
  const received: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ url: req.url ?? '', headers: req.headers, body });
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url ?? '/', 'http://local');
      if (url.pathname === '/slack/users.lookupByEmail')
        res.end(JSON.stringify({ ok: true, user: { id: `U-${url.searchParams.get('email')}` } }));
      else res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let local: Awaited<ReturnType<typeof receiver>>;
let t: TestApp;
let admin: TestPerson;
let host: TestPerson;
let people: TestPerson[];

beforeAll(async () => {
  local = await receiver();
  t = await createTestApp({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `${local.base}/slack`,
    // The stand-ins listen on loopback, which Lyceum refuses unless told otherwise.
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
  });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  people = [];
  for (const name of ['Lea Learner', 'Max Mustermann', 'Sam Slack', 'Nora None', 'Walt Webhook'])
    people.push(await buildPerson(t.database.db, { name }));
});
afterAll(async () => {
  await t.close();
  await local.close();
});

async function job(name: 'feedback-rounds' | 'send-reminders' | 'deliver-outbox'): Promise<number> {
  const run = t.app.jobs[name];
  if (!run) throw new Error(`no job ${name}`);
  return run();
}
const queued = async (sessionId: string, topic: string) =>
  t.database.db
    .selectFrom('outbox')
    .select(['person_id', 'channel'])
    .where('session_id', '=', sessionId)
    .where('topic', '=', topic)
    .orderBy('person_id')
    .execute();

/** Every mail to this person about the session (its id is in each mail's links). */
async function mailsAbout(to: TestPerson, sessionId: string) {
  const list = (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(to.email)}&limit=100`)).json();
  const mails = await Promise.all(
    (list.items as { id: string }[]).map(async (m) => (await as(t.app, admin.token).get(`/api/v1/admin/mailbox/${m.id}`)).json()),
  );
  return (mails as { subject: string; text: string }[]).filter((m) => m.text.includes(sessionId));
}

describe('the messages after a session', () => {
  it('is one mail: the ask carries the link and the materials; only someone checked in after the ask is thanked separately', async () => {
    const [lea, max] = people as [TestPerson, TestPerson];
    // Ended six minutes ago; the host checked Lea in.
    const { sessionId } = await endedSessionWith(t, host, [lea, max], { checkedIn: [lea], hoursAgo: 0.1 });
    // The reminder sweep comes first: the thank-you waits for the feedback round.
    await job('send-reminders');
    expect(await queued(sessionId, 'session.thanks')).toEqual([]);
    await job('feedback-rounds');
    await job('send-reminders');
    expect(await queued(sessionId, 'session.thanks')).toEqual([]);

    // The host checks Max in later: he was not asked, so he is thanked.
    const seat = await t.database.db
      .selectFrom('registrations')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('person_id', '=', max.id)
      .executeTakeFirstOrThrow();
    expect((await as(t.app, host.token).post(`/api/v1/registrations/${seat.id}/check-in`)).statusCode).toBe(200);
    await job('send-reminders');
    await job('feedback-rounds');
    expect((await queued(sessionId, 'session.thanks')).map((r) => r.person_id)).toEqual([max.id]);
    expect((await queued(sessionId, 'feedback.requested')).map((r) => r.person_id)).toEqual([lea.id]);

    await job('deliver-outbox');
    const after = (await mailsAbout(lea, sessionId)).filter((m) => !m.subject.startsWith("You're in"));
    expect(after.map((m) => m.subject)).toEqual(['How was it? Debugging Kafka consumer lag']);
    expect(after[0]?.text).toContain(`/sessions/${sessionId}/feedback`);
    expect(after[0]?.text).toContain('Runbook: https://wiki.example.com/kafka');
    const maxMails = (await mailsAbout(max, sessionId)).map((m) => m.subject);
    expect(maxMails).toContain('Thank you for coming: Debugging Kafka consumer lag');
    expect(maxMails).not.toContain('How was it? Debugging Kafka consumer lag');
  });

  it("goes by the channel each person chose for 'after': a Slack message, or nothing", async () => {
    const [, , sam, nora] = people as [TestPerson, TestPerson, TestPerson, TestPerson];
    for (const [who, channel] of [
      [sam, 'slack'],
      [nora, 'none'],
    ] as const) {
      const set = await as(t.app, who.token).put('/api/v1/me/notification-preferences', { channels: { after: channel } });
      expect(set.statusCode, set.body).toBe(200);
    }
    const { sessionId } = await endedSessionWith(t, host, [sam, nora]);
    await job('feedback-rounds');
    // Nora is asked (she can answer from My learning) but told nothing.
    const asked = await t.database.db.selectFrom('feedback').select('person_id').where('session_id', '=', sessionId).execute();
    expect(asked.map((r) => r.person_id).sort()).toEqual([sam.id, nora.id].sort());
    expect(await queued(sessionId, 'feedback.requested')).toEqual([{ person_id: sam.id, channel: 'slack_dm' }]);

    await job('deliver-outbox');
    const dm = local.received
      .filter((r) => r.url === '/slack/chat.postMessage')
      .map((r) => JSON.parse(r.body) as { channel: string; text: string })
      .find((m) => m.text.includes(`/sessions/${sessionId}/feedback`));
    expect(dm?.channel).toBe(`U-${sam.email}`);
    expect(dm?.text).toMatch(/^\*How was it\? Debugging Kafka consumer lag\*\nThank you for joining/);
    expect(dm?.text).not.toContain('Hi Sam');
    // Their registrations still come by mail; nothing after the session does.
    for (const who of [sam, nora]) {
      expect((await mailsAbout(who, sessionId)).map((m) => m.subject)).toEqual(["You're in: Debugging Kafka consumer lag"]);
    }
  });
});

describe('the feedback.submitted webhook', () => {
  it('reaches a subscriber signed (Standard Webhooks) with figures only: no name, email or person id', async () => {
    const walt = people[4] as TestPerson;
    const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', {
      url: `${local.base}/hook`,
      description: 'Quality dashboard',
      events: ['feedback.submitted'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { secret } = created.json();
    const { sessionId, workshopId } = await endedSessionWith(t, host, [walt]);
    const answered = await as(t.app, walt.token).put(
      `/api/v1/sessions/${sessionId}/feedback`,
      answerBody({ rating: 5, usefulness: 4, willApply: true, signed: true }),
    );
    expect(answered.statusCode, answered.body).toBe(200);
    await job('deliver-outbox');

    const hooks = local.received.filter((r) => r.url === '/hook');
    expect(hooks).toHaveLength(1);
    const [hook] = hooks as [(typeof hooks)[number]];
    const event = new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>) as {
      type: string;
      data: { feedback: Record<string, unknown> };
    };
    expect(event.type).toBe('feedback.submitted');
    expect(event.data.feedback).toMatchObject({ sessionId, workshopId, attended: true, rating: 5, usefulness: 4, willApply: true });
    for (const secretOfWalt of [walt.name, walt.email, walt.id, 'Walt']) expect(hook.body).not.toContain(secretOfWalt);
    expect(hook.body).not.toMatch(/person/i);
  });
});
