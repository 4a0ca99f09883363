import { randomBytes } from 'node:crypto';
import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/platform/db.js';
import { as, buildTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson, type TestPerson } from '../helpers/factories.js';
import { callApi, serveLyceum, startLyceum, stopServers } from '../helpers/lyceum-process.js';
import { publishedSession } from '../helpers/sessions.js';

// Real `lyceum serve` processes (the compiled code in dist/) whose PostgreSQL connections are cut
// from under them: by the server (pg_terminate_backend) and by the network (a proxy that closes).
const onPostgres = process.env.LYCEUM_TEST_DB === 'postgres';

afterAll(stopServers);

/**
 * A TCP proxy on loopback in front of PostgreSQL: closing it is the database vanishing from the
 * network; pausing it is a network that silently drops packets (a failover) under open connections.
 */
class TcpProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly pairs = new Set<[client: Socket, upstream: Socket]>();
  private paused = false;
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  /** `silent`: connections are accepted and never answered, like a host whose packets are dropped. */
  async open({ silent = false } = {}): Promise<void> {
    const server = createServer((client) => {
      if (silent) {
        this.sockets.add(client.on('close', () => this.sockets.delete(client)));
        return;
      }
      const upstream = netConnect(this.targetPort, this.host);
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      for (const socket of pair) {
        this.sockets.add(socket);
        socket.on('close', () => {
          this.sockets.delete(socket);
          this.pairs.delete(pair);
          client.destroy();
          upstream.destroy();
        });
        socket.on('error', () => socket.destroy());
      }
      if (!this.paused) forward(pair);
    });
    // The same port every time: the app reconnects to the address it was given.
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  /** Every connection stays open (no reset, keepalives answered) but nothing passes either way, new ones included. */
  pause(): void {
    this.paused = true;
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream).pause();
      upstream.unpipe(client).pause();
    }
  }

  /** What was held back flows on, as when the network heals. */
  resume(): void {
    this.paused = false;
    for (const pair of this.pairs) forward(pair);
  }

  /** Stops listening and cuts every open connection, as a database host going away does. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

function forward([client, upstream]: [Socket, Socket]): void {
  client.pipe(upstream);
  upstream.pipe(client);
}

function withParams(url: string, params: Record<string, string>, port?: number): string {
  const u = new URL(url);
  for (const [name, value] of Object.entries(params)) u.searchParams.set(name, value);
  if (port !== undefined) {
    u.hostname = '127.0.0.1';
    u.port = String(port);
  }
  return u.toString();
}

const logged = (lines: string[], message: string) => lines.filter((l) => l.includes(message));

describe.runIf(onPostgres)('a server whose PostgreSQL connections are cut', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let admin: pg.Client;
  let person: TestPerson;

  beforeAll(async () => {
    database = await createTestDatabase();
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    person = await buildPerson(database.db);
  });
  afterAll(async () => {
    // The servers' outbox workers hold row locks; they go before the schema is dropped.
    await stopServers();
    await admin?.end();
    await database?.close();
  });
  afterEach(stopServers);

  it('keeps serving when PostgreSQL terminates every one of its connections (restart, failover, idle timeout)', async () => {
    const applicationName = `lyceum_${randomBytes(4).toString('hex')}`;
    const server = await serveLyceum(withParams(database.url, { application_name: applicationName }));
    const me = () => callApi(server.url, person.token, 'GET', '/api/v1/me');
    // Several connections in the pool, idle afterwards.
    expect((await Promise.all(Array.from({ length: 12 }, me))).map((r) => r.status)).toEqual(Array(12).fill(200));
    const backends = async () =>
      (await admin.query('select pid from pg_stat_activity where application_name = $1', [applicationName])).rows.map((r) => r.pid);
    const before = await backends();
    expect(before.length).toBeGreaterThan(1);

    // Cut them all, also while requests are being answered on them.
    const during = Array.from({ length: 30 }, me);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [applicationName]);
    for (const answer of await Promise.all(during)) {
      // A request whose query was on a cut connection may fail, as a 503 with a stable code.
      if (answer.status !== 200) expect(answer).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    }
    const stillThere = async () => (await backends()).filter((pid) => before.includes(pid));
    await expect.poll(stillThere, { timeout: 5_000, interval: 100 }).toEqual([]);
    expect(server.alive()).toBe(true);

    // Every request made after the termination succeeds: reads and writes, many at once, so that
    // every connection the pool had is replaced, none handed out broken.
    const after = await Promise.all([
      ...Array.from({ length: 20 }, me),
      ...Array.from({ length: 10 }, (_, i) =>
        callApi(server.url, person.token, 'POST', '/api/v1/workshops', {
          title: `After the failover ${i}`,
          summary: 'Written on a new connection',
          format: 'talk',
        }),
      ),
    ]);
    expect(after.map((answer) => answer.status)).toEqual([...Array(20).fill(200), ...Array(10).fill(201)]);
    expect((await callApi(server.url, null, 'GET', '/readyz')).status).toBe(200);
    expect(await stillThere()).toEqual([]);
    expect(server.alive()).toBe(true);
  }, 60_000);

  it('answers 503 database_unavailable while the database is unreachable, then recovers by itself', async () => {
    const target = new URL(String(process.env.TEST_DATABASE_URL));
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const server = await serveLyceum(withParams(database.url, {}, proxy.port), { OUTBOX_POLL_MS: '200', LOG_LEVEL: 'info' });
    const me = () => callApi(server.url, person.token, 'GET', '/api/v1/me');
    expect((await me()).status).toBe(200);

    await proxy.close();
    for (let i = 0; i < 5; i++) {
      const answer = await me();
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable', requestId: expect.any(String) } } });
      expect(answer.body.error.message).toMatch(/database/i);
      expect(answer.ms).toBeLessThan(5_000);
    }
    const write = await callApi(server.url, person.token, 'POST', '/api/v1/workshops', {
      title: 'Lost',
      summary: 'Never stored',
      format: 'talk',
    });
    expect(write).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect(await callApi(server.url, null, 'GET', '/readyz')).toMatchObject({
      status: 503,
      body: { error: { code: 'database_unavailable' } },
    });
    expect((await callApi(server.url, null, 'GET', '/healthz')).status).toBe(200);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    // Background work (the outbox worker ticks every 200 ms here) meets the outage too, and says so.
    const outboxWaits = () => logged(server.lines, 'job waits for the database').filter((l) => l.includes('"deliver-outbox"'));
    await expect.poll(() => outboxWaits().length, { timeout: 10_000, interval: 100 }).toBe(1);
    expect(server.alive()).toBe(true);

    // A database host that accepts connections and never answers: a bounded wait, not a hang.
    await proxy.open({ silent: true });
    const unanswered = await me();
    expect(unanswered).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect(unanswered.ms).toBeLessThan(10_000);
    await proxy.close();

    await proxy.open();
    expect((await me()).status).toBe(200);
    expect((await callApi(server.url, null, 'GET', '/readyz')).status).toBe(200);
    const sessionHost = await callApi(server.url, person.token, 'POST', '/api/v1/workshops', {
      title: 'Back',
      summary: 'Stored',
      format: 'talk',
    });
    expect(sessionHost.status).toBe(201);
    // The outbox worker delivers again: a registration's mail leaves the outbox.
    const learner = await buildPerson(database.db);
    const sessionId = await sessionThrough(server.url, person.token);
    const registered = await callApi(server.url, learner.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {});
    expect(registered.status).toBe(201);
    await expect.poll(() => pendingMailFor(learner.id), { timeout: 10_000, interval: 200 }).toBe(0);
    expect(server.alive()).toBe(true);

    // Said once, without a stack trace per request or per tick.
    expect(logged(server.lines, 'database connection lost')).toHaveLength(1);
    expect(logged(server.lines, 'database connection restored')).toHaveLength(1);
    expect(logged(server.lines, '"stack"')).toEqual([]);
    await proxy.close();
  }, 60_000);

  it('answers 503 within DB_QUERY_TIMEOUT_S when the network goes silent under open connections, then recovers', async () => {
    const target = new URL(String(process.env.TEST_DATABASE_URL));
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const server = await serveLyceum(withParams(database.url, {}, proxy.port), { DB_QUERY_TIMEOUT_S: '2', LOG_LEVEL: 'info' });
    const me = () => callApi(server.url, person.token, 'GET', '/api/v1/me', undefined, { timeoutMs: 20_000 });
    // Several connections in the pool, open and idle.
    expect((await Promise.all(Array.from({ length: 12 }, me))).map((r) => r.status)).toEqual(Array(12).fill(200));

    proxy.pause();
    // Each request's query goes out on an open connection and no answer comes back: without a
    // query timeout it would wait until TCP gives up (minutes), the request with it.
    const silent = await Promise.all(Array.from({ length: 6 }, me));
    for (const answer of silent) {
      expect(answer).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
      expect(answer.ms).toBeGreaterThanOrEqual(1_900);
      expect(answer.ms).toBeLessThan(4_000);
    }
    const write = await callApi(server.url, person.token, 'POST', '/api/v1/workshops', {
      title: 'Into the silence',
      summary: 'Never stored',
      format: 'talk',
    });
    expect(write).toMatchObject({ status: 503, body: { error: { code: 'database_unavailable' } } });
    expect(write.ms).toBeLessThan(7_000);
    expect((await callApi(server.url, null, 'GET', '/healthz')).status).toBe(200);
    expect(server.alive()).toBe(true);

    proxy.resume();
    expect((await me()).status).toBe(200);
    const created = await callApi(server.url, person.token, 'POST', '/api/v1/workshops', {
      title: 'Heard again',
      summary: 'Stored',
      format: 'talk',
    });
    expect(created.status).toBe(201);
    expect((await callApi(server.url, null, 'GET', '/readyz')).status).toBe(200);
    expect(server.alive()).toBe(true);
    const lost = logged(server.lines, 'database connection lost');
    expect(lost).toHaveLength(1);
    expect(lost[0]).toContain('no answer within DB_QUERY_TIMEOUT_S');
    expect(logged(server.lines, 'database connection restored')).toHaveLength(1);
    await proxy.close();
  }, 60_000);

  async function sessionThrough(base: string, token: string): Promise<string> {
    const w = await callApi(base, token, 'POST', '/api/v1/workshops', { title: 'Recovery', summary: 'After the outage', format: 'talk' });
    await callApi(base, token, 'POST', `/api/v1/workshops/${w.body.id}/publish`, {});
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const s = await callApi(base, token, 'POST', `/api/v1/workshops/${w.body.id}/sessions`, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      timeZone: 'UTC',
      mode: 'online',
      seats: 10,
    });
    return s.body.id;
  }

  async function pendingMailFor(personId: string): Promise<number> {
    const rows = await database.db
      .selectFrom('outbox')
      .select('status')
      .where('person_id', '=', personId)
      .where('channel', '=', 'email')
      .execute();
    if (rows.length === 0) return -1;
    return rows.filter((r) => r.status !== 'done').length;
  }

  it('keeps background work (token use, outbox) for after the outage instead of failing or losing it', async () => {
    const target = new URL(String(process.env.TEST_DATABASE_URL));
    const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.open();
    const proxied = openDatabase({ dialect: 'postgres', url: withParams(database.url, {}, proxy.port) });
    const app = await buildTestApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: proxied });
    try {
      const learner = await buildPerson(database.db);
      const host = await buildPerson(database.db);
      const sessionId = await publishedSession(app, host.token);
      await app.jobs['record-token-use']?.();
      // The learner's token is used: its "last used" waits in memory for the next flush.
      expect((await as(app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`)).statusCode).toBe(201);

      await proxy.close();
      await expect(app.jobs['record-token-use']?.()).rejects.toThrow();
      await expect(app.jobs['deliver-outbox']?.()).rejects.toThrow();

      await proxy.open();
      expect(await app.jobs['deliver-outbox']?.()).toBeGreaterThan(0);
      expect(await pendingMailFor(learner.id)).toBe(0);
      // The use seen before the outage is written now, not dropped with the failed attempt.
      expect(await app.jobs['record-token-use']?.()).toBe(1);
      const token = await database.db
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('person_id', '=', learner.id)
        .executeTakeFirstOrThrow();
      expect(token.last_used_at).not.toBeNull();
    } finally {
      await app.close();
      await proxied.close();
      await proxy.close();
    }
  }, 60_000);
});

describe('start-up against a database that does not answer', () => {
  it(`retries for DB_CONNECT_TIMEOUT_S, then exits with one line naming DATABASE_URL (password masked) and the reason`, async () => {
    // A port nobody listens on: connection refused, every time.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));

    const started = Date.now();
    const server = startLyceum(`postgres://lyceum:s3cret@127.0.0.1:${port}/lyceum`, { DB_CONNECT_TIMEOUT_S: '2' });
    // 'close', not 'exit': the process is gone and its output has been read to the end.
    const code = await new Promise<number | null>((resolve) => server.child.once('close', resolve));
    const elapsed = Date.now() - started;

    expect(code).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(2_000);
    expect(elapsed).toBeLessThan(20_000);
    expect(server.lines).toEqual([expect.stringContaining(`DATABASE_URL=postgres://lyceum:***@127.0.0.1:${port}/lyceum`)]);
    expect(server.lines[0]).toMatch(/connection refused/);
    expect(server.lines[0]).not.toContain('s3cret');
  }, 30_000);
});
