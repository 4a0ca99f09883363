import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { DbHandle } from '../../src/server/platform/db.js';
import { createTestDatabase } from './database.js';
import { checkResponsesAgainstDocument } from './openapi-conformance.js';

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
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
