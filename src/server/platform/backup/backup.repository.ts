import { sql } from 'kysely';
import type { Db, DbHandle } from '../db.js';
import { BackupRefused } from './backup-file.js';

/**
 * Whether a database holds Lyceum's tables, and how many people: a database "has data" when
 * people are in it (everything else in Lyceum hangs off a person; a freshly migrated database
 * holds only the starter checklists that migrations write).
 */
export interface LyceumContents {
  hasTables: boolean;
  people: number;
}

export async function lyceumContents(database: DbHandle): Promise<LyceumContents> {
  const found =
    database.dialect === 'sqlite'
      ? await sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = 'people'`.execute(database.db)
      : await sql<{ n: number }>`select count(*) as n from pg_tables where schemaname = current_schema() and tablename = 'people'`.execute(
          database.db,
        );
  if (Number(found.rows[0]?.n ?? 0) === 0) return { hasTables: false, people: 0 };
  const people = await database.db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { hasTables: true, people: Number(people.n) };
}

/**
 * The PostgreSQL schema Lyceum works in for this connection: the first schema of its search_path
 * (as the migrator uses), also when that schema does not exist yet (current_schema() is null then).
 */
export async function postgresSchema(db: Db): Promise<string> {
  const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const schema = current.rows[0]?.schema;
  if (schema) return schema;
  const path = await sql<{ search_path: string }>`show search_path`.execute(db);
  const first =
    (path.rows[0]?.search_path ?? '')
      .split(',')[0]
      ?.trim()
      .replace(/^"(.*)"$/, '$1') ?? '';
  if (!first || first === '$user')
    throw new BackupRefused('DATABASE_URL selects no schema to restore into; name one with ?options=-c%20search_path%3D<schema>');
  return first;
}

export async function postgresServerMajor(db: Db): Promise<number> {
  const version = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
  return Math.floor(Number(version.rows[0]?.v ?? 0) / 10_000);
}

export async function createSchemaIfMissing(db: Db, schema: string): Promise<void> {
  await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
}
