import type { IdempotentRequest } from './idempotency.js';
import type { Executor } from './transaction.js';

/** How long a key is remembered: a client retries within minutes, a day leaves room for a night's outage. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3_600_000;

export function findKey(db: Executor, personId: string, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('person_id', '=', personId).where('key', '=', key).executeTakeFirst();
}

export function saveKey(db: Executor, request: IdempotentRequest, status: number, response: string) {
  return db
    .insertInto('idempotency_keys')
    .values({
      person_id: request.personId,
      key: request.key,
      request: request.fingerprint,
      status_code: status,
      response,
      created_at: new Date().toISOString(),
    })
    .onConflict((oc) => oc.columns(['person_id', 'key']).doNothing())
    .execute();
}

/** Forgets keys older than the retention (a periodic job). */
export async function purgeIdempotencyKeys(db: Executor, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString();
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
