import { type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import type { Db } from '../platform/db.js';
import * as m20261125T1700 from './migrations/20261125T1700_people_and_auth.js';
import * as m20261125T1710 from './migrations/20261125T1710_workshops_and_sessions.js';
import * as m20261125T1830 from './migrations/20261125T1830_registrations.js';
import * as m20261126T0200 from './migrations/20261126T0200_checklists.js';
import * as m20261126T0210 from './migrations/20261126T0210_starter_checklists.js';
import * as m20261126T0300 from './migrations/20261126T0300_discovery.js';
import * as m20261126T0400 from './migrations/20261126T0400_search_speed.js';
import * as m20261126T0500 from './migrations/20261126T0500_outbox.js';
import * as m20261126T0510 from './migrations/20261126T0510_reminders.js';
import * as m20261126T0520 from './migrations/20261126T0520_integrations.js';
import * as m20261127T0100 from './migrations/20261127T0100_api_token_scope_and_expiry.js';
import * as m20261127T0110 from './migrations/20261127T0110_hashed_calendar_feeds.js';
import * as m20261127T0200 from './migrations/20261127T0200_standard_webhook_secrets.js';
import * as m20261202T0100 from './migrations/20261202T0100_checks_and_indexes.js';
import * as m20261202T1200 from './migrations/20261202T1200_feedback.js';
import * as m20261202T1300 from './migrations/20261202T1300_dashboard_viewers.js';
import * as m20261202T1400 from './migrations/20261202T1400_education_summary_kind.js';
import * as m20261202T1410 from './migrations/20261202T1410_analytics_indexes.js';
import * as m20261202T1420 from './migrations/20261202T1420_analytics_feedback_index.js';
import * as m20261202T1500 from './migrations/20261202T1500_analytics_rollups.js';
import * as m20261202T1510 from './migrations/20261202T1510_analytics_person_indexes.js';
import * as m20261202T1600 from './migrations/20261202T1600_people_lifecycle_and_audit.js';
import * as m20261202T1630 from './migrations/20261202T1630_manager_suggestions.js';
import * as m20261202T1910 from './migrations/20261202T1910_saml_requests_and_assertions.js';
import * as m20261203T0700 from './migrations/20261203T0700_scim.js';
import * as m20261203T0710 from './migrations/20261203T0710_login_session_id_token.js';
import * as m20261203T0730 from './migrations/20261203T0730_session_recordings.js';
import * as m20261203T0800 from './migrations/20261203T0800_search_changes.js';
import * as m20261203T0820 from './migrations/20261203T0820_credential_signals.js';
import * as m20261203T0830 from './migrations/20261203T0830_seat_decision_function.js';
import * as m20261204T0000 from './migrations/20261204T0000_calendar_feed_versions.js';
import * as m20261204T0100 from './migrations/20261204T0100_calendar_feed_signals.js';
import * as m20261204T0600 from './migrations/20261204T0600_feedback_reminder_index.js';
import * as m20261204T1200 from './migrations/20261204T1200_workshop_page_signals.js';
import * as m20261204T1300 from './migrations/20261204T1300_waitlist_counts.js';
import * as m20261204T1400 from './migrations/20261204T1400_waitlist_place_function.js';
import * as m20261205T0100 from './migrations/20261205T0100_waitlist_places_function.js';
import * as m20261205T0900 from './migrations/20261205T0900_place_batches_function.js';

/** Every migration, by timestamped name. Listed statically so the compiled build needs no file scan. */
const migrations: Record<string, Migration> = {
  '20261125T1700_people_and_auth': m20261125T1700,
  '20261125T1710_workshops_and_sessions': m20261125T1710,
  '20261125T1830_registrations': m20261125T1830,
  '20261126T0200_checklists': m20261126T0200,
  '20261126T0210_starter_checklists': m20261126T0210,
  '20261126T0300_discovery': m20261126T0300,
  '20261126T0400_search_speed': m20261126T0400,
  '20261126T0500_outbox': m20261126T0500,
  '20261126T0510_reminders': m20261126T0510,
  '20261126T0520_integrations': m20261126T0520,
  '20261127T0100_api_token_scope_and_expiry': m20261127T0100,
  '20261127T0110_hashed_calendar_feeds': m20261127T0110,
  '20261127T0200_standard_webhook_secrets': m20261127T0200,
  '20261202T0100_checks_and_indexes': m20261202T0100,
  '20261202T1200_feedback': m20261202T1200,
  '20261202T1300_dashboard_viewers': m20261202T1300,
  '20261202T1400_education_summary_kind': m20261202T1400,
  '20261202T1410_analytics_indexes': m20261202T1410,
  '20261202T1420_analytics_feedback_index': m20261202T1420,
  '20261202T1500_analytics_rollups': m20261202T1500,
  '20261202T1510_analytics_person_indexes': m20261202T1510,
  '20261202T1600_people_lifecycle_and_audit': m20261202T1600,
  '20261202T1630_manager_suggestions': m20261202T1630,
  '20261202T1910_saml_requests_and_assertions': m20261202T1910,
  '20261203T0700_scim': m20261203T0700,
  '20261203T0710_login_session_id_token': m20261203T0710,
  '20261203T0730_session_recordings': m20261203T0730,
  '20261203T0800_search_changes': m20261203T0800,
  '20261203T0820_credential_signals': m20261203T0820,
  '20261203T0830_seat_decision_function': m20261203T0830,
  '20261204T0000_calendar_feed_versions': m20261204T0000,
  '20261204T0100_calendar_feed_signals': m20261204T0100,
  '20261204T0600_feedback_reminder_index': m20261204T0600,
  '20261204T1200_workshop_page_signals': m20261204T1200,
  '20261204T1300_waitlist_counts': m20261204T1300,
  '20261204T1400_waitlist_place_function': m20261204T1400,
  '20261205T0100_waitlist_places_function': m20261205T0100,
  '20261205T0900_place_batches_function': m20261205T0900,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * On PostgreSQL, keep Kysely's bookkeeping tables in the schema the app works in (search_path),
 * so databases that hold several Lyceum schemas do not see each other's migrations.
 */
async function postgresSchema(db: Db): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

async function migrator(db: Db): Promise<Migrator> {
  return new Migrator({ db, provider, migrationTableSchema: await postgresSchema(db) });
}

/** Applies pending migrations; returns the names applied. Safe to run from several instances at once. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Migrates up or down to the named migration (it stays applied); returns the names run. For
 * tests of a migration against a database as it was before it (with data already in it).
 */
export async function migrateTo(db: Db, name: string): Promise<string[]> {
  const { error, results } = await (await migrator(db)).migrateTo(name);
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
