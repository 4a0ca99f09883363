import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateToLatest } from '../../src/server/db/migrator.js';
import { type DbHandle, openDatabase } from '../../src/server/platform/db.js';

/**
 * A fresh, migrated database for one test file: in-memory SQLite by default; with
 * LYCEUM_TEST_DB=postgres, a throwaway schema in TEST_DATABASE_URL, dropped afterwards.
 */
export async function createTestDatabase(): Promise<DbHandle & { url: string }> {
  if (process.env.LYCEUM_TEST_DB !== 'postgres') {
    const handle = openDatabase({ dialect: 'sqlite', path: ':memory:' });
    await migrateToLatest(handle.db);
    return { ...handle, url: 'sqlite::memory:' };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('LYCEUM_TEST_DB=postgres needs TEST_DATABASE_URL');
  // The run's prefix (postgres-schemas.global.ts drops its schemas when every file is done).
  const schema = `${process.env.LYCEUM_TEST_SCHEMA_PREFIX ?? 't_'}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = withSearchPath(baseUrl, schema);
  const handle = openDatabase({ dialect: 'postgres', url });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      // Dropped at the end of the run, not now: see postgres-schemas.global.ts. Without the
      // run's global setup (a file run on its own in an editor), dropped now as before.
      if (process.env.LYCEUM_TEST_SCHEMA_PREFIX) return;
      const cleanup = new pg.Client({ connectionString: baseUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}
