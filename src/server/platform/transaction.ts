import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';

/** What repositories run their queries on: the database or an open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

/** Services own transactions; this is the only way they open one. */
export interface Transactor {
  executor: Kysely<Database>;
  transaction<T>(work: (trx: Executor) => Promise<T>): Promise<T>;
}

export function createTransactor(db: Kysely<Database>): Transactor {
  return {
    executor: db,
    transaction: (work) => db.transaction().execute((trx) => work(trx)),
  };
}
