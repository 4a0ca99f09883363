import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/server/config.js';
import { type Api, fileBody, sendJsonText } from '../../src/server/platform/http.js';
import { installOpenApi } from '../../src/server/platform/openapi.js';
import { as, buildTestApp, createTestApp, type TestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { expectError } from '../helpers/errors.js';
import { checkResponsesAgainstDocument, takeMismatches } from '../helpers/openapi-conformance.js';

// The hook that holds every integration test's answers to the OpenAPI document: it must notice
// each way an answer can contradict it, or the suite proves nothing.

describe('checking answers against the OpenAPI document', () => {
  let app: Api;

  beforeAll(async () => {
    app = Fastify().withTypeProvider() as unknown as Api;
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await installOpenApi(app, loadConfig({ DATABASE_URL: 'sqlite::memory:' }));
    const tags = ['operations'];
    const answer = z.object({ level: z.enum(['low', 'high']).nullable() });
    const about = { tags, summary: 'Probe', description: 'A probe.' };
    // Declared without the zod type provider's types: this handler breaks its promises on purpose.
    (app as unknown as FastifyInstance).get(
      '/probe/:kind',
      {
        config: { public: true },
        schema: { ...about, operationId: 'probe', params: z.object({ kind: z.string() }), response: { 200: answer } },
      },
      async (request, reply) => {
        const { kind } = request.params as { kind: string };
        // Cached JSON text skips the serializer, as the search route does: only the document check sees it.
        if (kind === 'lie') return sendJsonText(reply, JSON.stringify({ level: 'medium' }));
        if (kind === 'teapot') {
          reply.statusCode = 418;
          return { level: null };
        }
        if (kind === 'text') return reply.type('text/plain').send('hello');
        return { level: kind === 'null' ? null : 'low' };
      },
    );
    app.get(
      '/probe.csv',
      { config: { public: true }, schema: { ...about, operationId: 'probeCsv', produces: ['text/csv'], response: { 200: fileBody } } },
      async (_request, reply) => reply.type('text/csv; charset=utf-8').send('a,b\r\n'),
    );
    checkResponsesAgainstDocument(app);
    await app.ready();
  });
  afterAll(() => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('passes answers that keep the promise, including null for a nullable enum and a CSV file', async () => {
    expect((await get('/probe/ok')).statusCode).toBe(200);
    expect((await get('/probe/null')).json()).toEqual({ level: null });
    expect((await get('/probe.csv')).statusCode).toBe(200);
    expect(takeMismatches()).toEqual([]);
  });

  it('names the route, the status and what is wrong', async () => {
    await get('/probe/lie');
    await get('/probe/teapot');
    await get('/probe/text');
    const found = takeMismatches();
    expect(found).toEqual([
      { route: 'GET /probe/{kind}', status: 200, problem: expect.stringMatching(/body\/level must be equal to one of the allowed values/) },
      { route: 'GET /probe/{kind}', status: 418, problem: expect.stringMatching(/status 418 is not documented/) },
      { route: 'GET /probe/{kind}', status: 200, problem: expect.stringMatching(/content type "text\/plain" is not documented/) },
    ]);
  });
});

describe('the test app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('checks its answers, errors included', async () => {
    // Served by the real app: a documented 401; nothing to report.
    expectError(await as(t.app, null).get('/api/v1/me'), 401, 'unauthenticated');
    expect(takeMismatches()).toEqual([]);
    // A route the document does not list is not the document's business (the web app, metrics).
    expect((await as(t.app, null).get('/metrics')).statusCode).toBe(200);
    expect(takeMismatches()).toEqual([]);
  });
});

describe('every app a test builds', () => {
  it('checks its answers when built with buildTestApp, options and all', async () => {
    const database = await createTestDatabase();
    const lines: string[] = [];
    const app = await buildTestApp({
      config: loadConfig({ LOG_LEVEL: 'info' }),
      database,
      logStream: { write: (line: string) => void lines.push(line) },
    });
    try {
      const about = { tags: ['operations'], summary: 'Probe', description: 'A probe.', operationId: 'teapot' };
      // Breaks its promise on purpose: only 200 is documented.
      app.get(
        '/probe/teapot',
        { config: { public: true }, schema: { ...about, response: { 200: z.object({ ok: z.boolean() }) } } },
        async (_request, reply) => {
          reply.statusCode = 418;
          return { ok: false };
        },
      );
      await app.ready();
      expect((await app.inject({ method: 'GET', url: '/probe/teapot' })).statusCode).toBe(418);
      expect(takeMismatches()).toEqual([{ route: 'GET /probe/teapot', status: 418, problem: expect.stringMatching(/not documented/) }]);
      expect(lines.length).toBeGreaterThan(0);
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('is built through the test helpers, never by calling buildApp directly (its answers would go unchecked)', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = ['src', 'test']
      .flatMap((dir) => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`))
      .filter((f) => f.endsWith('.ts') && f !== 'test/helpers/app.ts');
    const direct = files
      .filter((f) => f.includes('.test.') || f.startsWith('test/'))
      .filter((f) => /\bbuildApp\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(direct).toEqual([]);
  });
});
