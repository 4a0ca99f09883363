import type { DatabaseTarget } from '../../config.js';
import { type BackupOptions, BackupRefused, backupKind } from './backup-file.js';
import { backupPostgres, restorePostgres } from './postgres-backup.js';
import { backupSqlite, restoreSqlite } from './sqlite-backup.js';

export { type BackupOptions, BackupRefused } from './backup-file.js';

/** Writes a consistent backup of the database to `file`; returns the line to print. */
export function backupDatabase(target: DatabaseTarget, file: string, options: BackupOptions): Promise<string> {
  return target.dialect === 'sqlite' ? backupSqlite(target.path, file, options.force) : backupPostgres(target.url, file, options);
}

/** Restores `file` (made by backupDatabase) into the database, which must be empty unless forced. */
export function restoreDatabase(target: DatabaseTarget, file: string, options: BackupOptions): Promise<string> {
  const kind = backupKind(file);
  const expected = target.dialect === 'sqlite' ? 'sqlite' : 'postgres';
  if (kind !== expected) {
    const found = kind === 'unknown' ? 'not a Lyceum backup' : `a ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} backup`;
    throw new BackupRefused(`${file} is ${found}, but DATABASE_URL points at ${expected === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
  }
  return target.dialect === 'sqlite' ? restoreSqlite(file, target.path, options.force) : restorePostgres(target.url, file, options);
}
