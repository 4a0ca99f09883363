import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/platform/db.js';

/**
 * The app as `lyceum serve` builds it, never listening and on an empty in-memory database (the
 * document needs no data): what the OpenAPI checks inspect, on a clean clone with no server.
 */
export async function describeApi<T>(use: (app: FastifyInstance) => T | Promise<T>): Promise<T> {
  const database = openDatabase({ dialect: 'sqlite', path: ':memory:' });
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database, logger: false });
  try {
    await app.ready();
    return await use(app);
  } finally {
    await app.close();
    await database.close();
  }
}
