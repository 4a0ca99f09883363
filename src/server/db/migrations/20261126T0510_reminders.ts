import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * What the reminder sweep has done, so each reminder goes out once: the session start a
 * registration's 48-hour and 1-hour reminders were for (a moved session gets new ones), when the
 * thank-you went, and for which start the hosts were warned of low turnout.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('registrations').addColumn('reminded_48h_for', ts).execute();
  await db.schema.alterTable('registrations').addColumn('reminded_1h_for', ts).execute();
  await db.schema.alterTable('registrations').addColumn('thanked_at', ts).execute();
  await db.schema.alterTable('sessions').addColumn('low_turnout_warned_for', ts).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('low_turnout_warned_for').execute();
  await db.schema.alterTable('registrations').dropColumn('thanked_at').execute();
  await db.schema.alterTable('registrations').dropColumn('reminded_1h_for').execute();
  await db.schema.alterTable('registrations').dropColumn('reminded_48h_for').execute();
}
