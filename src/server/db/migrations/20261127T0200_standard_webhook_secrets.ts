import type { Kysely } from 'kysely';

// Frozen here rather than imported: a migration must keep doing what it did when it shipped.
const PREFIX = 'whsec_';

/**
 * Webhooks are signed as the Standard Webhooks specification says, whose secrets are "whsec_"
 * and the HMAC key in base64. Lyceum's earlier secrets were used as keys character for
 * character, so each becomes "whsec_" + base64(its UTF-8 bytes): the key stays the same, and a
 * receiver that kept the old secret s verifies with 'whsec_' + base64(s).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // All or nothing even on SQLite (whose migrations run outside a transaction): converting a
  // secret twice would break it.
  if (!db.isTransaction) return db.transaction().execute(up);
  const rows: { id: string; secret: string }[] = await db.selectFrom('webhook_subscriptions').select(['id', 'secret']).execute();
  for (const { id, secret } of rows) {
    await db
      .updateTable('webhook_subscriptions')
      .set({ secret: `${PREFIX}${Buffer.from(secret, 'utf8').toString('base64')}` })
      .where('id', '=', id)
      .execute();
  }
}

/** Back to keys used as written: right for the converted secrets; newer ones (random bytes) do not survive it. */
export async function down(db: Kysely<any>): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute(down);
  const rows: { id: string; secret: string }[] = await db.selectFrom('webhook_subscriptions').select(['id', 'secret']).execute();
  for (const { id, secret } of rows) {
    await db
      .updateTable('webhook_subscriptions')
      .set({ secret: Buffer.from(secret.slice(PREFIX.length), 'base64').toString('utf8') })
      .where('id', '=', id)
      .execute();
  }
}
