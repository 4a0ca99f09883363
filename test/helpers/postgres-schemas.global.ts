import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * PostgreSQL test schemas are dropped once, when every test file is done, not by each file as it
 * ends: Kysely's migrator lists the tables of every schema before it migrates, and a schema
 * dropped by another file in the middle of that listing fails the migration ("relation
 * t_….kysely_migration does not exist"). Each run names its schemas with its own prefix, so a run
 * drops only its own, never those of another run on the same database.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const prefix = `t${randomBytes(3).toString('hex')}_`;
  process.env.LYCEUM_TEST_SCHEMA_PREFIX = prefix;
  return async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ nspname: string }>('select nspname from pg_namespace where starts_with(nspname, $1)', [prefix]);
      for (const { nspname } of rows) await client.query(`drop schema "${nspname}" cascade`);
    } finally {
      await client.end();
    }
  };
}
