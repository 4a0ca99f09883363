import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

// Frozen here rather than imported: a migration must keep doing what it did when it shipped.
const sha256Hex = (secret: string) => createHash('sha256').update(secret).digest('hex');

/**
 * Calendar feed addresses are credentials, so they are kept like API tokens: only a SHA-256 of
 * the secret part, and its last four characters to tell it apart. Existing addresses are hashed
 * in place, so calendars already subscribed to them keep working.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // All or nothing even on SQLite (whose migrations run outside a transaction): a half-hashed
  // table would lock out the calendars whose addresses were not yet converted.
  if (!db.isTransaction) return db.transaction().execute(up);
  await db.schema.alterTable('calendar_feeds').renameColumn('token', 'token_hash').execute();
  await db.schema
    .alterTable('calendar_feeds')
    .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const feeds: { person_id: string; token_hash: string }[] = await db
    .selectFrom('calendar_feeds')
    .select(['person_id', 'token_hash'])
    .execute();
  for (const { person_id, token_hash: plain } of feeds) {
    await db
      .updateTable('calendar_feeds')
      .set({ token_hash: sha256Hex(plain), hint: plain.slice(-4) })
      .where('person_id', '=', person_id)
      .execute();
  }
}

/** A hash cannot be turned back into an address: going back removes the feeds (people make new ones). */
export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('calendar_feeds').execute();
  await db.schema.alterTable('calendar_feeds').dropColumn('hint').execute();
  await db.schema.alterTable('calendar_feeds').renameColumn('token_hash', 'token').execute();
}
