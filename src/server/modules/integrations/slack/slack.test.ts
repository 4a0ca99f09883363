import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../../test/helpers/sessions.js';

/** A stand-in for Slack: its Web API (users.lookupByEmail, chat.postMessage) and an incoming webhook. */
function fakeSlack() {
  const posts: { path: string; auth?: string; body: any }[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const body = raw ? JSON.parse(raw) : {};
      posts.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      const url = new URL(req.url ?? '/', 'http://slack');
      if (url.pathname === '/api/users.lookupByEmail') {
        const known = req.method === 'GET' && url.searchParams.get('email');
        res.end(JSON.stringify(known ? { ok: true, user: { id: `U-${known}` } } : { ok: false, error: 'users_not_found' }));
      } else if (req.url?.startsWith('/api/chat.postMessage')) res.end(JSON.stringify({ ok: true }));
      else res.end('ok');
    });
  });
  return {
    posts,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let slack: ReturnType<typeof fakeSlack>;
let base: string;
let t: TestApp;
let admin: TestPerson;
let host: TestPerson;
let person: TestPerson;

beforeAll(async () => {
  slack = fakeSlack();
  base = await slack.listen();
  t = await createTestApp({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_API_URL: `${base}/api`,
    // The stand-in for Slack listens on loopback, which Lyceum refuses unless told otherwise.
    OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32',
  });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  person = await buildPerson(t.database.db, { name: 'Sam Slack' });
});
afterAll(async () => {
  await t.close();
  await slack.close();
});

const deliver = () => t.app.jobs['deliver-outbox']?.();
const mails = async (p: TestPerson) =>
  (await as(t.app, admin.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(p.email)}`)).json().items as { subject: string }[];

describe('Slack and notification preferences', () => {
  it('sends a direct message instead of mail to someone who chose Slack, and nothing to someone who chose nothing', async () => {
    const prefs = await as(t.app, person.token).get('/api/v1/me/notification-preferences');
    expect(prefs.json()).toMatchObject({ slackAvailable: true });
    expect(prefs.json().items.every((i: { channel: string }) => i.channel === 'email')).toBe(true);
    const set = await as(t.app, person.token).put('/api/v1/me/notification-preferences', {
      channels: { registrations: 'slack', changes: 'none' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items.find((i: { kind: string }) => i.kind === 'registrations').channel).toBe('slack');

    const id = await publishedSession(t.app, host.token);
    await as(t.app, person.token).post(`/api/v1/sessions/${id}/registrations`, {});
    await as(t.app, host.token).patch(`/api/v1/sessions/${id}`, { location: 'Room Lovelace' });
    await deliver();
    const dm = slack.posts.find((p) => p.path === '/api/chat.postMessage');
    expect(dm).toMatchObject({ auth: 'Bearer xoxb-test-token', body: { channel: `U-${person.email}` } });
    expect(dm?.body.text).toMatch(/^\*You're in: /);
    // Neither the confirmation (Slack) nor the change (nothing) went by mail.
    expect(await mails(person)).toEqual([]);
  });

  it("announces a new session in the Slack channel connected to the workshop's channel", async () => {
    const created = await as(t.app, admin.token).post('/api/v1/channels', { slug: 'platform', name: 'Platform' });
    expect(created.statusCode, created.body).toBe(201);
    const connected = await as(t.app, admin.token).patch('/api/v1/channels/platform', { slackWebhookUrl: `${base}/hooks/platform` });
    expect(connected.json()).toMatchObject({ slackConnected: true });
    expect(connected.body).not.toContain('/hooks/platform');

    const api = as(t.app, host.token);
    const w = (await api.post('/api/v1/workshops', workshopBody({ title: 'Terraform without tears' }))).json();
    await api.post(`/api/v1/workshops/${w.id}/publish`);
    await api.put(`/api/v1/workshops/${w.id}/channels`, { channels: ['platform'] });
    await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(10));
    await deliver();
    const announced = slack.posts.find((p) => p.path === '/hooks/platform');
    expect(announced?.body.text).toContain('New session: *Terraform without tears*');
  });
});

describe('without Slack', () => {
  it('offers email or nothing, and refuses Slack with a clear error', async () => {
    const plain = await createTestApp();
    try {
      const p = await buildPerson(plain.database.db, { name: 'No Slack' });
      expect((await as(plain.app, p.token).get('/api/v1/me/notification-preferences')).json()).toMatchObject({ slackAvailable: false });
      const refused = await as(plain.app, p.token).put('/api/v1/me/notification-preferences', { channels: { reminders: 'slack' } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.code).toBe('validation_failed');
      expect(refused.json().error.details[0]).toMatchObject({ field: 'channels.reminders' });
      const bad = await as(plain.app, p.token).put('/api/v1/me/notification-preferences', { channels: { lunch: 'email' } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe('validation_failed');
    } finally {
      await plain.close();
    }
  });
});
