import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from './transaction.js';

/**
 * Ids given as one bound parameter, a JSON array as text, read as a one-column table `id`: a list
 * of thousands of ids stays one parameter, and a query filtering by any number of ids has one
 * SQL text (so `prepared` can compile it once: pass the JSON text through as its argument).
 */
export function jsonIdList(db: Executor, json: string) {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? db.selectNoFrom(sql<string>`jsonb_array_elements_text(cast(${json} as jsonb))`.as('id'))
    : db.selectFrom(sql<{ value: string }>`json_each(${json})`.as('ids')).select(sql<string>`ids.value`.as('id'));
}

/** The same for ids in hand. */
export const idList = (db: Executor, ids: readonly string[]) => jsonIdList(db, JSON.stringify(ids));
