import { seedDemo } from '../seed/demo/seed-demo.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { migrateToLatest } from './db/migrator.js';
import { peopleRepository } from './modules/people/people.repository.js';
import { type DbHandle, openDatabase } from './platform/db.js';
import { waitForDatabase } from './platform/wait-for-database.js';

const SHUTDOWN_GRACE_MS = 10_000;

/** Demo data goes into a new embedded database in dev mode, unless SEED_DEMO says otherwise. */
async function shouldSeed(config: Config, database: DbHandle): Promise<boolean> {
  if (config.seedDemo !== undefined) return config.seedDemo;
  if (config.database.dialect !== 'sqlite' || config.authMode !== 'dev') return false;
  return (await peopleRepository.count(database.db)) === 0;
}

/**
 * `lyceum serve`: wait for the database (DB_CONNECT_TIMEOUT_S), migrate, maybe seed, listen, and
 * shut down gracefully on SIGTERM/SIGINT.
 */
export async function serve(config: Config): Promise<void> {
  const database = openDatabase(config.database);
  await waitForDatabase(database, config.database, config.databaseConnectTimeoutMs);
  await migrateToLatest(database.db);
  // Only now: a migration may run one long statement; a request must not wait on a silent connection.
  database.setQueryTimeout(config.databaseQueryTimeoutMs);
  const seed = await shouldSeed(config, database);
  const app = await buildApp({ config, database, runJobs: true });
  database.reportConnectionsTo(app.log);
  if (seed) {
    const summary = await seedDemo(database.db);
    app.log.info(summary, summary.skipped ? 'demo data already present' : 'demo data loaded');
  }
  await app.listen({ port: config.port, host: config.host });
  app.log.info(`Lyceum is serving at ${config.publicUrl}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      await app.close();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
