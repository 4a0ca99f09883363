import { CompiledQuery, PostgresAdapter } from 'kysely';
import type { Executor } from './transaction.js';

/**
 * On SQLite every write changes one of two numbers: `total_changes()` counts the rows this
 * connection (the server's only writer) has written, triggers' rows and rolled-back ones
 * included; `data_version` changes when any other connection commits (the CLI, another process).
 */
const MARK = CompiledQuery.raw('select total_changes() as changes, data_version as version from pragma_data_version');

/**
 * A mark that stays the same as long as nothing is written to the database: what was read under
 * one mark is still true while a later read gives the same mark. Null on PostgreSQL, where no
 * read is cheap enough to tell (there, read again each time).
 */
export async function writeMark(db: Executor): Promise<string | null> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return null;
  const { rows } = await db.executeQuery<{ changes: number; version: number }>(MARK);
  const row = rows[0];
  return row ? `${row.changes}:${row.version}` : null;
}
