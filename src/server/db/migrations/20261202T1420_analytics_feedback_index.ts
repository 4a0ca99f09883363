import type { Kysely } from 'kysely';

/**
 * The overview reads every feedback ask of a year's sessions (and the previous year's): by session,
 * with status, rating, usefulness and who gave it, from the index alone (on the org-sized data the
 * table lookups were most of the feedback read's time).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('feedback_analytics_idx')
    .on('feedback')
    .columns(['session_id', 'status', 'rating', 'usefulness', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('feedback_analytics_idx').execute();
}
