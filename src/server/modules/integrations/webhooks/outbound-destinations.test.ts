import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../../test/helpers/sessions.js';

/** A local HTTP endpoint that records what reaches it. */
async function receiver(handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end()) {
  const requests: { method?: string; url?: string }[] = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    req.resume();
    req.on('end', () => handle(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
type Receiver = Awaited<ReturnType<typeof receiver>>;

let receivers: Receiver[] = [];
const listen = async (handle?: (req: IncomingMessage, res: ServerResponse) => void) => {
  const r = await receiver(handle);
  receivers.push(r);
  return r;
};
afterEach(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

/** Lyceum as shipped (default attempts): nothing internal is reachable. */
let closed: TestApp;
/** An on-premise install that lets Lyceum reach its loopback receivers. One attempt: a failed delivery is dead at once. */
let onPremise: TestApp;
let people: Record<'admin' | 'owner' | 'host' | 'learner', TestPerson>[] = [];

beforeAll(async () => {
  closed = await createTestApp();
  onPremise = await createTestApp({ OUTBOX_MAX_ATTEMPTS: '1', OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' });
  people = [];
  for (const t of [closed, onPremise]) {
    people.push({
      admin: await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' }),
      owner: await buildPerson(t.database.db, { name: 'Olli Owner' }),
      host: await buildPerson(t.database.db, { name: 'Hana Host' }),
      learner: await buildPerson(t.database.db, { name: 'Lea Learner' }),
    });
  }
});
afterAll(async () => {
  await closed?.close();
  await onPremise?.close();
});

const of = (t: TestApp) => people[t === closed ? 0 : 1] as Record<'admin' | 'owner' | 'host' | 'learner', TestPerson>;

/** Subscribes `url` to registrations, registers someone, delivers; returns the subscription's delivery log. */
async function deliverWebhookTo(t: TestApp, url: string) {
  const { admin, host, learner } = of(t);
  const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', { url, events: ['registration.created'] });
  expect(created.statusCode, created.body).toBe(201);
  const sessionId = await publishedSession(t.app, host.token);
  expect((await as(t.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).statusCode).toBe(201);
  await t.app.jobs['deliver-outbox']?.();
  const log = await as(t.app, admin.token).get(`/api/v1/admin/webhooks/${created.json().id}/deliveries`);
  await as(t.app, admin.token).patch(`/api/v1/admin/webhooks/${created.json().id}`, { active: false });
  return log.json().items as { status: string; attempts: number; lastError: string | null }[];
}

describe('Lyceum is not a proxy into the internal network', () => {
  it('refuses to save a webhook whose host is an internal address', async () => {
    const api = as(closed.app, of(closed).admin.token);
    const metadata = await api.post('/api/v1/admin/webhooks', {
      url: 'http://169.254.169.254/latest/meta-data/',
      events: ['session.updated'],
    });
    expect(metadata.statusCode).toBe(400);
    expect(metadata.json().error).toMatchObject({
      code: 'validation_failed',
      details: [
        {
          field: 'url',
          message:
            'Lyceum does not send to internal addresses: 169.254.169.254 is a link-local address (where cloud metadata services live).',
        },
      ],
    });
    const fine = await api.post('/api/v1/admin/webhooks', { url: 'https://lms.example.com/hooks', events: ['session.updated'] });
    expect(fine.statusCode).toBe(201);
    const mapped = await api.patch(`/api/v1/admin/webhooks/${fine.json().id}`, { url: 'http://[::ffff:10.0.0.5]:8080/' });
    expect(mapped.statusCode).toBe(400);
    expect(mapped.json().error.code).toBe('validation_failed');
    expect(mapped.json().error.details[0]).toMatchObject({ field: 'url', message: expect.stringContaining('is a private address') });
    await api.patch(`/api/v1/admin/webhooks/${fine.json().id}`, { active: false });
  });

  it('refuses at delivery a name that resolves to loopback: a dead letter after one attempt, saying why; the receiver gets nothing', async () => {
    const local = await listen();
    const log = await deliverWebhookTo(closed, `http://localhost:${local.port}/hook`);
    expect(log).toHaveLength(1);
    // Retrying would be refused again: no hour of retries before the admin learns why.
    expect(log[0]).toMatchObject({ status: 'dead', attempts: 1 });
    expect(log[0]?.lastError).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/);
    expect(local.requests).toEqual([]);
    // The Outbox page shows the same reason.
    const outbox = await as(closed.app, of(closed).admin.token).get('/api/v1/admin/outbox?status=dead');
    expect(outbox.json().items.find((m: { channel: string }) => m.channel === 'webhook').lastError).toMatch(
      /^refused: localhost resolves to/,
    );
  });

  it('does not follow a webhook endpoint that redirects', async () => {
    const inside = await listen();
    const redirecting = await listen((_req, res) => res.writeHead(302, { location: `http://127.0.0.1:${inside.port}/admin` }).end());
    const log = await deliverWebhookTo(onPremise, `http://127.0.0.1:${redirecting.port}/hook`);
    expect(log[0]?.status).toBe('dead');
    expect(log[0]?.lastError).toBe(
      `127.0.0.1:${redirecting.port} answered 302, a redirect to http://127.0.0.1:${inside.port}/admin; redirects are not followed.`,
    );
    expect(redirecting.requests).toHaveLength(1);
    expect(inside.requests).toEqual([]);
  });

  it('reads at most 64 KB of what an endpoint answers', async () => {
    const total = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    let hungUp: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      hungUp = resolve;
    });
    const flood = await listen((_req, res) => {
      res.on('close', () => hungUp());
      res.writeHead(200, { 'content-type': 'text/plain' });
      const write = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('close', () => res.removeAllListeners('drain'));
      write();
    });
    const log = await deliverWebhookTo(onPremise, `http://127.0.0.1:${flood.port}/hook`);
    expect(log[0]?.status).toBe('done');
    await closed;
    // Lyceum hung up: the endpoint could not push its 50 MB through.
    expect(sent).toBeLessThan(total);
  });

  it("lets a channel's owners connect only a Slack webhook, and admins anything but an internal address", async () => {
    const { admin, owner } = of(closed);
    const adminApi = as(closed.app, admin.token);
    expect((await adminApi.post('/api/v1/channels', { slug: 'platform', name: 'Platform', ownerIds: [owner.id] })).statusCode).toBe(201);
    const ownerApi = as(closed.app, owner.token);

    for (const url of ['http://127.0.0.1:8080/', 'https://chat.example.com/hooks/1', 'http://hooks.slack.com/services/T/B/X']) {
      const refused = await ownerApi.patch('/api/v1/channels/platform', { slackWebhookUrl: url });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', details: [{ field: 'slackWebhookUrl' }] });
    }
    const slack = await ownerApi.patch('/api/v1/channels/platform', { slackWebhookUrl: 'https://hooks.slack.com/services/T0/B0/abc' });
    expect(slack.statusCode, slack.body).toBe(200);
    expect(slack.json().slackConnected).toBe(true);
    expect((await ownerApi.patch('/api/v1/channels/platform', { slackWebhookUrl: null })).json().slackConnected).toBe(false);

    const own = await adminApi.patch('/api/v1/channels/platform', { slackWebhookUrl: 'https://chat.example.com/hooks/1' });
    expect(own.statusCode, own.body).toBe(200);
    const internal = await adminApi.patch('/api/v1/channels/platform', { slackWebhookUrl: 'http://127.0.0.1:8080/' });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().error.code).toBe('validation_failed');
    expect(internal.json().error.details[0]).toMatchObject({
      field: 'slackWebhookUrl',
      message: 'Lyceum does not send to internal addresses: 127.0.0.1 is a loopback address.',
    });
  });

  it('does not follow a Slack channel webhook that redirects', async () => {
    const { admin, host } = of(onPremise);
    const inside = await listen();
    const redirecting = await listen((_req, res) => res.writeHead(301, { location: `http://127.0.0.1:${inside.port}/` }).end());
    const adminApi = as(onPremise.app, admin.token);
    await adminApi.post('/api/v1/channels', { slug: 'redirected', name: 'Redirected' });
    const connected = await adminApi.patch('/api/v1/channels/redirected', { slackWebhookUrl: `http://127.0.0.1:${redirecting.port}/hook` });
    expect(connected.statusCode, connected.body).toBe(200);
    const hostApi = as(onPremise.app, host.token);
    const w = (await hostApi.post('/api/v1/workshops', workshopBody({ title: 'Redirects considered harmful' }))).json();
    await hostApi.post(`/api/v1/workshops/${w.id}/publish`);
    await hostApi.put(`/api/v1/workshops/${w.id}/channels`, { channels: ['redirected'] });
    await hostApi.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(10));
    await onPremise.app.jobs['deliver-outbox']?.();

    expect(redirecting.requests).toHaveLength(1);
    expect(inside.requests).toEqual([]);
    const dead = (await adminApi.get('/api/v1/admin/outbox?status=dead'))
      .json()
      .items.filter((m: { channel: string }) => m.channel === 'slack');
    expect(dead.map((m: { lastError: string }) => m.lastError)).toEqual([
      expect.stringMatching(/answered 301, .*redirects are not followed/),
    ]);
  });
});
