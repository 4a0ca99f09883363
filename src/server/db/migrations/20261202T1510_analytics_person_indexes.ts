import type { Kysely } from 'kysely';

/**
 * A manager's whole organisation (thousands of people) is counted from their own rows: their
 * registrations and feedback by person, then each row's session. These indexes hold every column
 * those reads need, so they never touch the wide rows (on the org-sized data a 2,000-person
 * organisation's year read 100,000 registrations and as many sessions row by row).
 *
 * The person indexes grow by the columns read instead of being added beside the old ones: the
 * same number of indexes to keep on each registration and answer, and their old prefixes still
 * serve "my registrations" and "my open feedback".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_person_idx').execute();
  await db.schema
    .createIndex('registrations_person_idx')
    .on('registrations')
    .columns(['person_id', 'status', 'session_id', 'late_cancellation'])
    .execute();
  await db.schema.dropIndex('feedback_person_idx').execute();
  await db.schema
    .createIndex('feedback_person_idx')
    .on('feedback')
    .columns(['person_id', 'closes_at', 'session_id', 'status', 'rating', 'usefulness'])
    .execute();
  await db.schema
    .createIndex('sessions_id_analytics_idx')
    .on('sessions')
    .columns(['id', 'status', 'starts_at', 'ends_at', 'workshop_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('sessions_id_analytics_idx').execute();
  await db.schema.dropIndex('feedback_person_idx').execute();
  await db.schema.createIndex('feedback_person_idx').on('feedback').columns(['person_id', 'closes_at']).execute();
  await db.schema.dropIndex('registrations_person_idx').execute();
  await db.schema.createIndex('registrations_person_idx').on('registrations').columns(['person_id', 'status']).execute();
}
