import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A backup or restore that was refused or failed in a way the person can act on; the CLI prints the message. */
export class BackupRefused extends Error {}

export interface BackupOptions {
  /** Replace an existing backup file (backup), or a database that holds data (restore). */
  force: boolean;
  /** How long to wait for a PostgreSQL server that does not answer yet (DB_CONNECT_TIMEOUT_S). */
  connectTimeoutMs: number;
  /** What pg_dump and pg_restore run with (config's childEnvironment): PATH to find them, libpq's settings. */
  environment: Readonly<Record<string, string | undefined>>;
}

export interface BackupWritten {
  path: string;
  bytes: number;
  seconds: number;
}

/**
 * Writes a backup under a temporary name next to `file` and renames it when complete, so a
 * crash or a failed dump never leaves a half-written file under the name a restore would use.
 */
export async function writeBackupFile(file: string, force: boolean, write: (partial: string) => Promise<void>): Promise<BackupWritten> {
  const path = resolve(file);
  if (existsSync(path) && !force) {
    throw new BackupRefused(`${path} already exists; choose another name, or add --force to replace it`);
  }
  // A first nightly run into /var/backups/lyceum/ should not fail for want of the folder.
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial-${process.pid}`;
  const started = performance.now();
  try {
    await write(partial);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
  return { path, bytes: statSync(path).size, seconds: (performance.now() - started) / 1000 };
}

export type BackupKind = 'sqlite' | 'postgres' | 'unknown';

/** What a backup file holds, from its first bytes: SQLite's file header or pg_dump's custom-format magic. */
export function backupKind(file: string): BackupKind {
  if (!existsSync(file)) throw new BackupRefused(`${resolve(file)} does not exist`);
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'postgres';
  return 'unknown';
}

export function describeWritten(written: BackupWritten, what: string): string {
  return `backup written: ${written.path} (${formatBytes(written.bytes)}, ${what}) in ${written.seconds.toFixed(1)} s at ${new Date().toISOString()}`;
}

export function describeRestored(from: string, into: string, people: number, migrations: string[]): string {
  const migrated = migrations.length ? `; migrations applied: ${migrations.join(', ')}` : '; its schema is up to date';
  return `restored ${from} into ${into}: ${people} people${migrated}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
