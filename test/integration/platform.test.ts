import { beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseTarget, loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/platform/db.js';
import { as, buildTestApp, testAppWithPeople } from '../helpers/app.js';
import { expectError } from '../helpers/errors.js';
import { sessionBody, workshopBody } from '../helpers/factories.js';

const { t, person } = testAppWithPeople({ person: { name: 'Pat Platform' } });
let workshopId: string;

beforeAll(async () => {
  workshopId = (await as(t.app, person.token).post('/api/v1/workshops', workshopBody())).json().id;
});

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('health', () => {
  it('answers /healthz and /readyz without signing in', async () => {
    const health = await get('/healthz');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('reports not ready (503) once the database is gone, while still alive', async () => {
    // An app of its own on a connection of its own, so closing it leaves the other tests alone.
    const target: DatabaseTarget =
      t.database.dialect === 'postgres'
        ? { dialect: 'postgres', url: String(process.env.TEST_DATABASE_URL) }
        : { dialect: 'sqlite', path: ':memory:' };
    const database = openDatabase(target);
    const app = await buildTestApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database });
    try {
      expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
      await database.close();
      const ready = await app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().error).toMatchObject({ code: 'database_unavailable', requestId: expect.any(String) });
      expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('API documentation', () => {
  it('publishes an OpenAPI 3 document with request schemas', async () => {
    const res = await get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);

    const createWorkshop = doc.paths['/api/v1/workshops']?.post;
    const workshopSchema = createWorkshop?.requestBody?.content?.['application/json']?.schema;
    expect(Object.keys(workshopSchema?.properties ?? {})).toEqual(expect.arrayContaining(['title', 'summary', 'format', 'tags']));
    expect(workshopSchema.required).toEqual(expect.arrayContaining(['title', 'summary', 'format']));
    expect(doc.paths['/api/v1/workshops']?.get?.parameters?.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'q', 'tag']),
    );

    const catalog = doc.paths['/api/v1/sessions']?.get;
    expect(catalog?.parameters?.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['cursor', 'limit', 'q', 'tag', 'from', 'to']),
    );
    const schedule = doc.paths['/api/v1/workshops/{id}/sessions']?.post?.requestBody?.content?.['application/json']?.schema;
    expect(Object.keys(schedule?.properties ?? {})).toEqual(expect.arrayContaining(['startsAt', 'endsAt', 'timeZone', 'mode', 'seats']));
  });

  it('serves browsable docs without signing in', async () => {
    const res = await get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('security headers', () => {
  it.each(['/api/v1/me', '/'])('sends a strict content security policy and nosniff on %s', async (url) => {
    const res = await get(url, { authorization: `Bearer ${person.token}` });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scriptSrc).toBeDefined();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('request ids', () => {
  it('echoes the x-request-id it was given, and quotes it in error bodies', async () => {
    const res = await get('/api/v1/workshops/01890000-0000-7000-8000-000000000000', {
      authorization: `Bearer ${person.token}`,
      'x-request-id': 'trace-abc-123',
    });
    expectError(res, 404, 'not_found');
    expect(res.headers['x-request-id']).toBe('trace-abc-123');
    expect(res.json().error.requestId).toBe('trace-abc-123');
  });

  it('makes up a request id when none was given', async () => {
    const res = await get('/api/v1/nope', { authorization: `Bearer ${person.token}` });
    expect(res.headers['x-request-id']).toBeTruthy();
    expect(res.json().error.requestId).toBe(res.headers['x-request-id']);
  });
});

describe('metrics', () => {
  it('counts requests by route pattern and reports the database pool', async () => {
    await get(`/api/v1/workshops/${workshopId}`, { authorization: `Bearer ${person.token}` });
    const res = await get('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    const counted = res.body.split('\n').filter((l) => l.startsWith('lyceum_http_requests_total{'));
    expect(counted.some((l) => l.includes('route="/api/v1/workshops/:id"') && l.includes('status_code="200"'))).toBe(true);
    expect(counted.some((l) => l.includes(workshopId))).toBe(false);
    expect(res.body).toMatch(/^lyceum_db_pool_connections\{state="total"\} \d+/m);
    expect(res.body).toMatch(/^lyceum_outbox_messages\{status="dead"\} \d+/m);
  });
});

describe('unknown things', () => {
  it('answers 404 JSON for an unknown API path', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await t.app.inject({ method, url: '/api/v1/nope', headers: { authorization: `Bearer ${person.token}` } });
      expectError(res, 404, 'not_found');
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });

  it.each([
    '/api/v1/workshops',
    '/api/v1/sessions',
    '/api/v1/tags',
    '/api/v1/people',
    '/api/v1/me/tokens',
    '/api/v1/auth/dev/accounts',
    '/api/v1/workshops/:id/sessions',
  ])('rejects an unknown query parameter on the list %s with 400', async (path) => {
    const res = await get(`${path.replace(':id', workshopId)}?colour=blue`, { authorization: `Bearer ${person.token}` });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('colour');
  });
});

describe('bad input never causes a 5xx', () => {
  const tampered = Buffer.from(JSON.stringify(['not-a-time', 'x'])).toString('base64url');

  it.each(['/api/v1/workshops', '/api/v1/sessions', '/api/v1/people', '/api/v1/workshops/:id/sessions'])(
    'answers a tampered cursor on %s without a server error',
    async (path) => {
      const res = await get(`${path.replace(':id', workshopId)}?cursor=${tampered}`, { authorization: `Bearer ${person.token}` });
      expect([200, 400]).toContain(res.statusCode);
      if (res.statusCode === 400) expectError(res, 400, 'validation_failed');
    },
  );

  it('answers a NUL character in search text without a server error', async () => {
    for (const path of ['/api/v1/sessions', '/api/v1/workshops', '/api/v1/people']) {
      const res = await get(`${path}?q=a%00b`, { authorization: `Bearer ${person.token}` });
      expect([200, 400]).toContain(res.statusCode);
      if (res.statusCode === 400) expectError(res, 400, 'validation_failed');
    }
  });

  it('answers a NUL character in a text field without a server error', async () => {
    const client = as(t.app, person.token);
    const workshop = await client.post('/api/v1/workshops', workshopBody({ title: 'Null\u0000byte' }));
    expect([201, 400]).toContain(workshop.statusCode);
    if (workshop.statusCode === 400) expectError(workshop, 400, 'validation_failed');
    const session = await client.post(`/api/v1/workshops/${workshopId}/sessions`, sessionBody(3, { location: 'Room\u0000 1' }));
    expect([201, 400]).toContain(session.statusCode);
    if (session.statusCode === 400) expectError(session, 400, 'validation_failed');
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email: 'a\u0000@example.com' } });
    expectError(signIn, 400, 'validation_failed');
  });
});
