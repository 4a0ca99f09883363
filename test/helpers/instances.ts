import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/schema.js';
import type { DbHandle } from '../../src/server/platform/db.js';
import { openPostgresPool } from '../../src/server/platform/postgres-pool.js';
import { buildTestApp } from './app.js';
import { createTestDatabase } from './database.js';

/**
 * Another instance's database handle on the same PostgreSQL database, whose every query is
 * counted: what an instance answers from memory shows as a query it did not make.
 */
export function countedDatabase(url: string): DbHandle & { queries: string[] } {
  const connections = openPostgresPool(url);
  const queries: string[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: connections.pool }),
    log: (event) => void queries.push(event.query.sql),
  });
  return {
    db,
    dialect: 'postgres',
    queries,
    poolStats: () => connections.stats(),
    reportConnectionsTo: (log) => connections.reportTo(log),
    setQueryTimeout: (ms) => connections.setQueryTimeout(ms),
    close: () => db.destroy(),
  };
}

/** Polls `check` every 5 ms until it holds (no fixed sleep); throws past `ms`. Resolves to the time it took. */
export async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return Date.now() - started;
}

export interface TwoInstances {
  database: DbHandle & { url: string };
  a: FastifyInstance;
  b: FastifyInstance;
  /** Every query B made, as SQL text. */
  queriesOfB: string[];
  close(): Promise<void>;
}

/**
 * Two instances of one Lyceum on a fresh PostgreSQL database, both listening for change signals,
 * B's queries counted; `env` as for loadConfig (the search cache off unless it says otherwise).
 */
export async function twoInstances(env: Record<string, string>): Promise<TwoInstances> {
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', SEARCH_CACHE_MS: '0', ...env });
  const counted = countedDatabase(database.url);
  const a = await buildTestApp({ config, database });
  const b = await buildTestApp({ config, database: counted });
  await Promise.all([a.ready(), b.ready()]);
  await Promise.all([a.lyceum.container.signals.ready(), b.lyceum.container.signals.ready()]);
  return {
    database,
    a,
    b,
    queriesOfB: counted.queries,
    close: async () => {
      await a.close();
      await b.close();
      await counted.close();
      await database.close();
    },
  };
}
