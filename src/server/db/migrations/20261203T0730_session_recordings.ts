import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * After the session (issue 16): a recording link and materials added to a session once it has
 * started. `session_materials` is a JSON list of { title, url } (the workshop keeps its own
 * `materials`); `recording_added_at` says when a recording first arrived, so people are told once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('recording_url', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('session_materials', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('recording_added_at', timestampType(db)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('recording_added_at').execute();
  await db.schema.alterTable('sessions').dropColumn('session_materials').execute();
  await db.schema.alterTable('sessions').dropColumn('recording_url').execute();
}
