import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { DbHandle } from '../../src/server/platform/db.js';
import { createTestDatabase } from './database.js';
import { buildPerson, type TestPerson } from './factories.js';
import { checkResponsesAgainstDocument } from './openapi-conformance.js';

export interface TestApp {
  app: FastifyInstance;
  /** With the URL a second instance would open (in-memory SQLite: a new, empty one). */
  database: DbHandle & { url: string };
  close(): Promise<void>;
}

/**
 * The real app, as buildApp makes it, with every answer held to /api/openapi.json (see
 * openapi-conformance.ts): tests build apps only through here or createTestApp, so no suite
 * escapes the check. Quiet unless given a logStream; not ready yet, so a test may add routes.
 */
export async function buildTestApp(options: AppOptions): Promise<FastifyInstance> {
  const app = await buildApp({ logger: options.logStream !== undefined, ...options });
  checkResponsesAgainstDocument(app);
  return app;
}

/** The real app on a fresh real database, for requests through app.inject; `env` adds settings. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url.startsWith('sqlite') ? 'sqlite::memory:' : database.url,
    LOG_LEVEL: 'silent',
    SEARCH_CACHE_MS: '0',
    ...env,
  });
  const app = await buildTestApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

type PersonOptions = NonNullable<Parameters<typeof buildPerson>[1]>;

/**
 * The setup most suites share: one test app (createTestApp) for the whole file, made before its
 * first test and closed after its last, with the people named (`{ host: { name: 'Hana Host' } }`)
 * and `learners` more, "Learner 0", "Learner 1"… (or `learnerName` 0, 1…), made in that order.
 * The objects returned are filled in by beforeAll, so a file may take them apart at its top:
 * `const { t, host } = testAppWithPeople({ host: { name: 'Hana Host' } })`, and use them in its tests.
 */
export function testAppWithPeople<N extends string>(
  named: Record<N, PersonOptions>,
  options: { learners?: number; learnerName?: string; env?: Record<string, string> } = {},
): { t: TestApp; people: TestPerson[] } & Record<N, TestPerson> {
  const t = {} as TestApp;
  const persons = Object.fromEntries(Object.keys(named).map((key) => [key, {} as TestPerson])) as Record<N, TestPerson>;
  const people = Array.from({ length: options.learners ?? 0 }, () => ({}) as TestPerson);
  beforeAll(async () => {
    Object.assign(t, await createTestApp(options.env));
    for (const key of Object.keys(named) as N[]) Object.assign(persons[key], await buildPerson(t.database.db, named[key]));
    for (const [i, person] of people.entries()) {
      Object.assign(person, await buildPerson(t.database.db, { name: `${options.learnerName ?? 'Learner'} ${i}` }));
    }
  });
  afterAll(() => t.close?.());
  return { ...persons, t, people };
}

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Send = (method: Method, url: string, body?: unknown) => Promise<LightMyRequestResponse>;

/** get/post/put/patch/delete over one way of sending (a token, a browser's cookies). */
export function clientOver(send: Send) {
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    put: (url: string, body: unknown) => send('PUT', url, body),
    patch: (url: string, body: unknown) => send('PATCH', url, body),
    delete: (url: string) => send('DELETE', url),
  };
}

/** A client bound to one person's API token. */
export function as(app: FastifyInstance, token: string | null) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  return clientOver((method, url, body) =>
    app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) }),
  );
}
