import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Db } from '../platform/db.js';
import * as m20261125T1700 from './migrations/20261125T1700_people_and_auth.js';
import * as m20261125T1710 from './migrations/20261125T1710_workshops_and_sessions.js';

/** Every migration, by timestamped name. Listed statically so the compiled build needs no file scan. */
const migrations: Record<string, Migration> = {
  '20261125T1700_people_and_auth': m20261125T1700,
  '20261125T1710_workshops_and_sessions': m20261125T1710,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations; returns the names applied. Safe to run from several instances at once. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
