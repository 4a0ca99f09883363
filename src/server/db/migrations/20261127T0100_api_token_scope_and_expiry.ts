import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * API tokens get a scope (a `read` token may only look) and an expiry. Tokens made before this
 * keep what they could do: scope `write`, no expiry.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('write'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', timestampType(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('expires_at').execute();
  await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
}
