import { resolve } from 'node:path';
import { migrateToLatest } from '../../db/migrator.js';
import { type DbHandle, openDatabase } from '../db.js';
import { waitForDatabase } from '../wait-for-database.js';
import { createSchemaIfMissing, lyceumContents, postgresSchema, postgresServerMajor } from './backup.repository.js';
import { type BackupOptions, BackupRefused, describeRestored, describeWritten, writeBackupFile } from './backup-file.js';
import { commandLine, libpqConnection, runPgTool } from './pg-tools.js';

const install = (major: number) =>
  `Install PostgreSQL's client tools, version ${major} or newer (Debian/Ubuntu: apt-get install postgresql-client-${major}), or run this where they are installed:`;

/** The database once it answers: waited for as long as `lyceum serve` would (DB_CONNECT_TIMEOUT_S). */
async function connect(url: string, timeoutMs: number): Promise<DbHandle> {
  const target = { dialect: 'postgres', url } as const;
  const database = openDatabase(target);
  try {
    await waitForDatabase(database, target, timeoutMs);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** pg_dump's --schema takes a pattern; double quotes make it match the one name exactly. */
const schemaPattern = (schema: string) => (/^[a-z_][a-z0-9_]*$/.test(schema) ? schema : `"${schema.replaceAll('"', '""')}"`);

/** pg_dump in custom format of the schema Lyceum works in (the search_path of DATABASE_URL, else public). */
export async function backupPostgres(url: string, file: string, options: BackupOptions): Promise<string> {
  const { force } = options;
  const database = await connect(url, options.connectTimeoutMs);
  let schema: string;
  let major: number;
  try {
    schema = await postgresSchema(database.db);
    major = await postgresServerMajor(database.db);
    if (!(await lyceumContents(database)).hasTables) {
      throw new BackupRefused(`schema ${schema} of DATABASE_URL holds no Lyceum tables; is DATABASE_URL right?`);
    }
  } finally {
    await database.close();
  }
  const { uri, password } = libpqConnection(url);
  const args = (out: string) => ['--format=custom', `--schema=${schemaPattern(schema)}`, `--file=${out}`, `--dbname=${uri}`];
  const missing = `pg_dump is not on the PATH, so no backup was made. ${install(major)}\n  ${commandLine('pg_dump', args(resolve(file)), password)}`;
  const written = await writeBackupFile(file, force, async (partial) => {
    await runPgTool('pg_dump', args(partial), { password, environment: options.environment, missing });
  });
  return describeWritten(written, `pg_dump custom format of schema ${schema}`);
}

/**
 * pg_restore into the schema DATABASE_URL points at, in one transaction (all or nothing).
 * pg_restore cannot rename a schema, so the target must be the schema the backup was taken from.
 */
export async function restorePostgres(url: string, file: string, options: BackupOptions): Promise<string> {
  const { force } = options;
  const path = resolve(file);
  const { uri, password } = libpqConnection(url);
  const target = await connect(url, options.connectTimeoutMs);
  try {
    const schema = await postgresSchema(target.db);
    const major = await postgresServerMajor(target.db);
    const contents = await lyceumContents(target);
    if (contents.people > 0 && !force) {
      throw new BackupRefused(
        `schema ${schema} of DATABASE_URL is not empty (it holds ${contents.people} people); nothing was restored. ` +
          'Restore into a new, empty database, or stop every Lyceum server using this one and add --force to replace its data',
      );
    }
    const args = [
      '--no-owner',
      '--no-privileges',
      `--schema=${schema}`,
      '--single-transaction',
      // Tables that exist (a freshly migrated or --force'd target) are dropped and recreated.
      ...(contents.hasTables ? ['--clean', '--if-exists'] : []),
      `--dbname=${uri}`,
      path,
    ];
    const missing =
      `pg_restore is not on the PATH, so nothing was restored. ${install(major)}\n` +
      `  ${commandLine('pg_restore', args, password)}\n` +
      `(create schema ${schema} first if it does not exist), then run: lyceum migrate`;
    const { environment } = options;
    const toc = await runPgTool('pg_restore', ['--list', path], { password: undefined, environment, missing, capture: true });
    const backedUp = /^\d+; \d+ \d+ TABLE (\S+) people /m.exec(toc)?.[1];
    if (!backedUp) throw new BackupRefused(`${path} is a PostgreSQL dump without Lyceum's people table; it is not a Lyceum backup`);
    if (backedUp !== schema) {
      throw new BackupRefused(
        `${path} holds schema ${backedUp}, but DATABASE_URL points at schema ${schema}; pg_restore cannot rename a schema. ` +
          `Point DATABASE_URL at a database where schema ${backedUp} is free (?options=-c%20search_path%3D${backedUp})`,
      );
    }
    await createSchemaIfMissing(target.db, schema);
    await runPgTool('pg_restore', args, { password, environment, missing });
    const applied = await migrateToLatest(target.db);
    const restored = await lyceumContents(target);
    return describeRestored(path, `schema ${schema}`, restored.people, applied);
  } finally {
    await target.close();
  }
}
