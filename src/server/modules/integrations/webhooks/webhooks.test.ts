import { createServer, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../../test/helpers/app.js';
import { buildPerson, type TestPerson } from '../../../../../test/helpers/factories.js';
import { moveSession, publishedSession } from '../../../../../test/helpers/sessions.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiving endpoint: answers with `status` (changeable), keeps what arrives. */
function receiver() {
  const received: Received[] = [];
  const state = { status: 200 };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(state.status).end();
    });
  });
  return {
    received,
    state,
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}/hook`)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver following the README does: one call of the Standard Webhooks library (not Lyceum's code). */
function verify(r: Pick<Received, 'headers' | 'body'>, secret: string): unknown {
  return new Webhook(secret).verify(r.body, r.headers as Record<string, string>);
}
const verified = (r: Received, secret: string) => {
  try {
    verify(r, secret);
    return true;
  } catch {
    return false;
  }
};

let endpoint: ReturnType<typeof receiver>;
let url: string;
let t: TestApp;
let admin: TestPerson;
let host: TestPerson;
let people: TestPerson[];

beforeAll(async () => {
  endpoint = receiver();
  url = await endpoint.listen();
  t = await createTestApp({ OUTBOX_MAX_ATTEMPTS: '2', OUTBOX_RETRY_MS: '0', OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' });
  admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
  people = [await buildPerson(t.database.db, { name: 'Lea' }), await buildPerson(t.database.db, { name: 'Max' })];
});
afterAll(async () => {
  await t.close();
  await endpoint.close();
});

const deliver = () => t.app.jobs['deliver-outbox']?.();
const events = () => endpoint.received.map((r) => JSON.parse(r.body) as { id: string; type: string; data: Record<string, any> });

describe('outgoing webhooks', () => {
  it('are for admins, and refuse a subscription without events or with a bad address', async () => {
    const notAdmin = await as(t.app, host.token).get('/api/v1/admin/webhooks');
    expect(notAdmin.statusCode).toBe(403);
    expect(notAdmin.json().error.code).toBe('forbidden');
    const noEvents = await as(t.app, admin.token).post('/api/v1/admin/webhooks', { url, events: [] });
    expect(noEvents.statusCode).toBe(400);
    expect(noEvents.json().error.code).toBe('validation_failed');
    expect(noEvents.json().error.details.map((d: { field: string }) => d.field)).toContain('events');
    for (const body of [
      { url: 'ftp://x', events: ['session.updated'] },
      { url, events: ['lunch.served'] },
    ]) {
      const refused = await as(t.app, admin.token).post('/api/v1/admin/webhooks', body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.code, JSON.stringify(body)).toBe('validation_failed');
    }
  });

  it('deliver every subscribed event, signed, once per delivery id, and log each delivery', async () => {
    const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', {
      url,
      description: 'LMS sync',
      events: ['registration.created', 'registration.cancelled', 'registration.promoted', 'session.updated', 'attendance.recorded'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id: subscriptionId, secret } = created.json();
    expect(secret).toMatch(/^whsec_/);
    expect((await as(t.app, admin.token).get('/api/v1/admin/webhooks')).json().items[0]).not.toHaveProperty('secret');

    const sessionId = await publishedSession(t.app, host.token, { seats: 1 });
    const [a, b] = people as [TestPerson, TestPerson];
    const reg = (await as(t.app, a.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).json();
    await as(t.app, b.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
    await as(t.app, a.token).delete(`/api/v1/sessions/${sessionId}/registrations/me`);
    await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, { location: 'Room Hopper' });
    await deliver();

    const types = events().map((e) => e.type);
    expect(types.filter((x) => x === 'registration.created')).toHaveLength(2);
    expect(types).toContain('registration.cancelled');
    expect(types).toContain('registration.promoted');
    expect(types).toContain('session.updated');
    expect(endpoint.received.every((r) => verified(r, secret))).toBe(true);
    expect(endpoint.received.every((r) => r.headers['webhook-id'] === JSON.parse(r.body).id)).toBe(true);
    const cancelled = events().find((e) => e.type === 'registration.cancelled');
    expect(cancelled?.data.registration).toMatchObject({ id: reg.id, personId: a.id, status: 'cancelled' });
    expect(events().find((e) => e.type === 'session.updated')?.data).toMatchObject({
      session: { id: sessionId, location: 'Room Hopper' },
      changes: ['place'],
    });

    const log = (await as(t.app, admin.token).get(`/api/v1/admin/webhooks/${subscriptionId}/deliveries`)).json();
    expect(log.items.length).toBe(endpoint.received.length);
    expect(log.items.every((d: { status: string }) => d.status === 'done')).toBe(true);
  });

  it('retry a refusing endpoint, then dead-letter; a paused subscription gets nothing', async () => {
    const before = endpoint.received.length;
    endpoint.state.status = 500;
    const sessionId = await publishedSession(t.app, host.token);
    const reg = (await as(t.app, (people[0] as TestPerson).token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).json();
    await moveSession(t.database.db, sessionId, 5 * 60_000); // check-in is open
    expect((await as(t.app, host.token).post(`/api/v1/registrations/${reg.id}/check-in`)).statusCode).toBe(200);
    await deliver();
    await deliver();
    const attempts = endpoint.received.length - before;
    expect(attempts).toBe(4); // two events (created, attendance.recorded), two attempts each
    const subs = (await as(t.app, admin.token).get('/api/v1/admin/webhooks')).json().items;
    const log = (await as(t.app, admin.token).get(`/api/v1/admin/webhooks/${subs[0].id}/deliveries`)).json();
    expect(log.items.filter((d: { status: string }) => d.status === 'dead')).toHaveLength(2);
    expect(log.items.find((d: { status: string }) => d.status === 'dead').lastError).toContain('500');

    endpoint.state.status = 200;
    await as(t.app, admin.token).patch(`/api/v1/admin/webhooks/${subs[0].id}`, { active: false });
    const quiet = endpoint.received.length;
    await as(t.app, (people[1] as TestPerson).token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
    await deliver();
    expect(endpoint.received.length).toBe(quiet);
  });

  it('say whether a session has a video link, never the link: whoever reads the receiver may hold no seat', async () => {
    const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', { url, events: ['session.updated', 'session.cancelled'] });
    const { id: subscriptionId, secret } = created.json();
    const before = endpoint.received.length;
    const link = 'https://meet.example.com/private-room';
    const online = await publishedSession(t.app, host.token, { mode: 'online', location: null, videoUrl: link });
    const inPerson = await publishedSession(t.app, host.token);
    await as(t.app, host.token).patch(`/api/v1/sessions/${online}`, { videoUrl: `${link}-moved` });
    await as(t.app, host.token).post(`/api/v1/sessions/${online}/cancel`);
    await as(t.app, host.token).patch(`/api/v1/sessions/${inPerson}`, { location: 'Room Lovelace' });
    await deliver();

    const delivered = endpoint.received.slice(before).filter((r) => verified(r, secret));
    const seen = delivered.map((r) => {
      const { type, data } = JSON.parse(r.body);
      return { type, id: data.session.id, hasVideoLink: data.session.hasVideoLink, hasUrlField: 'videoUrl' in data.session };
    });
    expect(seen).toHaveLength(3);
    expect(seen).toEqual(
      expect.arrayContaining([
        { type: 'session.updated', id: online, hasVideoLink: true, hasUrlField: false },
        { type: 'session.cancelled', id: online, hasVideoLink: true, hasUrlField: false },
        { type: 'session.updated', id: inPerson, hasVideoLink: false, hasUrlField: false },
      ]),
    );
    // A new link is news ('link' among the changes), but the receiver is told where to find it, not what it is.
    expect(delivered.map((r) => JSON.parse(r.body).data.changes)).toContainEqual(['link']);
    expect(delivered.map((r) => r.body).join('\n')).not.toContain('meet.example.com');
    await as(t.app, admin.token).patch(`/api/v1/admin/webhooks/${subscriptionId}`, { active: false });
  });
});

describe('Standard Webhooks', () => {
  afterEach(() => {
    vi.useRealTimers();
    endpoint.state.status = 200;
  });

  async function registrationDelivered(secret: string): Promise<Received[]> {
    const before = endpoint.received.length;
    const sessionId = await publishedSession(t.app, host.token);
    await as(t.app, (people[1] as TestPerson).token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
    await deliver();
    return endpoint.received.slice(before).filter((r) => verified(r, secret));
  }

  it('signs id, timestamp and body so that the standardwebhooks library verifies them, and refuses anything changed', async () => {
    const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', { url, events: ['registration.created'] });
    const { secret } = created.json() as { secret: string };
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);

    const [delivery] = await registrationDelivered(secret);
    if (!delivery) throw new Error('no verified delivery');
    expect(verify(delivery, secret)).toMatchObject({ type: 'registration.created', id: delivery.headers['webhook-id'] });
    expect(delivery.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(Math.abs(Number(delivery.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
    expect(delivery.headers['x-lyceum-event']).toBe('registration.created');
    expect(delivery.headers).not.toHaveProperty('x-lyceum-signature');

    const tampered = { ...delivery, body: delivery.body.replace('"registration.created"', '"registration.cancelled"') };
    expect(tampered.body).not.toBe(delivery.body);
    expect(() => verify(tampered, secret)).toThrow('No matching signature found');
    expect(() => verify({ ...delivery, headers: { ...delivery.headers, 'webhook-id': 'another' } }, secret)).toThrow(
      'No matching signature found',
    );
    expect(() => verify(delivery, `whsec_${Buffer.alloc(32, 1).toString('base64')}`)).toThrow('No matching signature found');

    // Received more than five minutes after it was signed: a replay, refused; four minutes is within tolerance.
    const signedAt = Number(delivery.headers['webhook-timestamp']) * 1000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(signedAt + 6 * 60_000);
    expect(() => verify(delivery, secret)).toThrow('Message timestamp too old');
    vi.setSystemTime(signedAt + 4 * 60_000);
    expect(verify(delivery, secret)).toMatchObject({ type: 'registration.created' });
    await as(t.app, admin.token).patch(`/api/v1/admin/webhooks/${created.json().id}`, { active: false });
  });

  it('sends a retry with the same webhook-id, signed afresh', async () => {
    const created = await as(t.app, admin.token).post('/api/v1/admin/webhooks', { url, events: ['registration.created'] });
    const { secret } = created.json() as { secret: string };
    endpoint.state.status = 503;
    // Two attempts (OUTBOX_MAX_ATTEMPTS), the second at once (OUTBOX_RETRY_MS=0).
    const attempts = await registrationDelivered(secret);
    expect(attempts).toHaveLength(2);
    const [first, retry] = attempts;
    expect(first?.headers['webhook-id']).toEqual(expect.any(String));
    expect(retry?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(JSON.parse(retry?.body ?? '{}').id).toBe(first?.headers['webhook-id']);
    await as(t.app, admin.token).patch(`/api/v1/admin/webhooks/${created.json().id}`, { active: false });
  });
});

describe('subscriptions made before Standard Webhooks', () => {
  it('keep their key: a receiver that kept the old secret s verifies with whsec_ + base64(s)', async () => {
    const { up } = await import('../../../db/migrations/20261127T0200_standard_webhook_secrets.js');
    const own = await createTestApp({ OUTBOUND_ALLOWED_NETWORKS: '127.0.0.1/32' });
    try {
      const oldSecret = 'whsec_Zm9vYmFyLWJhei1xdXV4LTEyMzQ1Njc4OTA-_x';
      const now = new Date().toISOString();
      await own.database.db
        .insertInto('webhook_subscriptions')
        .values({
          id: 'old-subscription',
          url,
          description: '',
          events: '["registration.created"]',
          secret: oldSecret,
          active: 1,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await up(own.database.db);

      const ownHost = await buildPerson(own.database.db, { name: 'Otto Host' });
      const learner = await buildPerson(own.database.db, { name: 'Lia' });
      const before = endpoint.received.length;
      const sessionId = await publishedSession(own.app, ownHost.token);
      await as(own.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
      await own.app.jobs['deliver-outbox']?.();
      const [delivery] = endpoint.received.slice(before);
      if (!delivery) throw new Error('nothing delivered');
      expect(verify(delivery, `whsec_${Buffer.from(oldSecret).toString('base64')}`)).toMatchObject({ type: 'registration.created' });
    } finally {
      await own.close();
    }
  });
});
