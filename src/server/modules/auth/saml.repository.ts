import type { Executor } from '../../platform/transaction.js';

/** Timestamps come back as text (SQLite) or as dates (PostgreSQL): the same ISO string either way. */
const iso = (value: unknown) => new Date(value as string).toISOString();

/** SAML sign-ins in progress and assertions already taken (see migration 20261202T1910). */
export const samlRepository = {
  async saveRequest(db: Executor, id: string, createdAt: Date, expiresAt: Date): Promise<void> {
    await db
      .insertInto('saml_requests')
      .values({ id, created_at: createdAt.toISOString(), expires_at: expiresAt.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  },

  async setNext(db: Executor, id: string, next: string): Promise<void> {
    await db.updateTable('saml_requests').set({ next }).where('id', '=', id).execute();
  },

  /** The request, while it has not expired. */
  async findRequest(db: Executor, id: string, now: Date): Promise<{ createdAt: string; next: string } | undefined> {
    const row = await db
      .selectFrom('saml_requests')
      .select(['created_at', 'next'])
      .where('id', '=', id)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return row && { createdAt: iso(row.created_at), next: row.next };
  },

  async deleteRequest(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('saml_requests').where('id', '=', id).execute();
  },

  /** false when this assertion was taken already (by any instance). */
  async claimAssertion(db: Executor, id: string, expiresAt: Date): Promise<boolean> {
    const result = await db
      .insertInto('saml_assertions')
      .values({ id, expires_at: expiresAt.toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** Forgets requests and assertions that can no longer be used; answers how many rows went. */
  async purgeExpired(db: Executor, now: Date): Promise<number> {
    const at = now.toISOString();
    const requests = await db.deleteFrom('saml_requests').where('expires_at', '<=', at).executeTakeFirst();
    const assertions = await db.deleteFrom('saml_assertions').where('expires_at', '<=', at).executeTakeFirst();
    return Number(requests.numDeletedRows) + Number(assertions.numDeletedRows);
  },
};
