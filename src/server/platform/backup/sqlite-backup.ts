import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { migrateToLatest } from '../../db/migrator.js';
import { openDatabase, openSqliteReadOnly } from '../db.js';
import { type LyceumContents, lyceumContents } from './backup.repository.js';
import { BackupRefused, describeRestored, describeWritten, writeBackupFile } from './backup-file.js';

/**
 * SQLite's online backup API, copying every page in ONE step: a step reads inside one read
 * transaction, so the copy is the database as of one commit, while the server keeps writing
 * (WAL lets it). Copying in several steps would restart whenever the server commits in between.
 */
const allPagesAtOnce = { progress: () => 0x7fffffff };

function openExisting(path: string, options: SQLite.Options = {}): SQLite.Database {
  const database = new SQLite(path, { fileMustExist: true, ...options });
  database.pragma('busy_timeout = 5000');
  return database;
}

export async function backupSqlite(databasePath: string, file: string, force: boolean): Promise<string> {
  if (databasePath === ':memory:') throw new BackupRefused('DATABASE_URL is an in-memory database; there is nothing on disk to back up');
  const source = resolve(databasePath);
  if (!existsSync(source)) throw new BackupRefused(`there is no database at ${source}; is DATABASE_URL right?`);
  if (resolve(file) === source) throw new BackupRefused('the backup file cannot be the database itself');
  const written = await writeBackupFile(file, force, async (partial) => {
    const database = openExisting(source);
    try {
      await database.backup(partial, allPagesAtOnce);
    } finally {
      database.close();
    }
    // The copy inherits WAL mode from its source; a backup is one self-contained file, and
    // opening it later (to restore or inspect) should not leave -wal and -shm files beside it.
    const copy = openExisting(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
  });
  return describeWritten(written, 'SQLite database, consistent as of one moment');
}

/**
 * Copies a backup into place through the same backup API (so SQLite's locks and journal keep
 * the target whole even if something else has it open), then brings its schema up to date.
 */
export async function restoreSqlite(file: string, databasePath: string, force: boolean): Promise<string> {
  if (databasePath === ':memory:') throw new BackupRefused('DATABASE_URL is an in-memory database; restore into a file (sqlite:<path>)');
  const from = resolve(file);
  const target = resolve(databasePath);
  if (from === target) throw new BackupRefused('the backup file is the database DATABASE_URL points at');
  if (!(await contentsOf(from)).hasTables)
    throw new BackupRefused(`${from} is a SQLite database without Lyceum's people table; it is not a Lyceum backup`);
  if (existsSync(target)) await refuseUnlessEmpty(target, force);
  mkdirSync(dirname(target), { recursive: true });
  const backup = openExisting(from, { readonly: true });
  try {
    await backup.backup(target, allPagesAtOnce);
  } finally {
    backup.close();
  }
  const restored = openDatabase({ dialect: 'sqlite', path: target });
  try {
    const applied = await migrateToLatest(restored.db);
    return describeRestored(from, target, (await lyceumContents(restored)).people, applied);
  } finally {
    await restored.close();
  }
}

/** What a SQLite file holds, read without changing it (a backup, or a restore's target). */
async function contentsOf(path: string): Promise<LyceumContents> {
  const database = openSqliteReadOnly(path);
  try {
    return await lyceumContents(database);
  } finally {
    await database.close();
  }
}

async function refuseUnlessEmpty(target: string, force: boolean): Promise<void> {
  const { people } = await contentsOf(target);
  if (people > 0 && !force) {
    throw new BackupRefused(
      `${target} is not empty (it holds ${people} people); nothing was restored. Restore into a new file, ` +
        'or stop the Lyceum server using this database and add --force to replace its data',
    );
  }
}
