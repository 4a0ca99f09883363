import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** A timestamp column: timestamptz on PostgreSQL, ISO-8601 text on SQLite. */
export function timestampType(db: Kysely<any>) {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql`timestamptz` : sql`text`;
}
