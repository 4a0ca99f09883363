import type { Command } from 'commander';
import type { Config } from '../server/config.js';
import { BackupRefused, backupDatabase, restoreDatabase } from '../server/platform/backup/index.js';

/** `lyceum backup` and `lyceum restore`: refusals and missing tools end with the message and exit code 1. */
export function registerBackupCommands(program: Command, config: () => Config, fail: (message: string) => never): void {
  const run = async (work: () => Promise<string>) => {
    try {
      console.log(await work());
    } catch (error) {
      if (error instanceof BackupRefused) fail(error.message);
      throw error;
    }
  };

  const settings = (options: { force?: boolean }) => ({
    force: options.force === true,
    connectTimeoutMs: config().databaseConnectTimeoutMs,
    environment: config().childEnvironment,
  });

  program
    .command('backup')
    .argument('<file>', 'where to write the backup')
    .option('--force', 'replace the file if it exists')
    .description('write a consistent backup while the server runs (SQLite: online backup; PostgreSQL: pg_dump custom format)')
    .action((file: string, options: { force?: boolean }) => run(() => backupDatabase(config().database, file, settings(options))));

  program
    .command('restore')
    .argument('<file>', 'a backup written by lyceum backup')
    .option('--force', 'replace the data of a database that is not empty (stop every server using it first)')
    .description('restore a backup into an empty database, then apply pending migrations')
    .action((file: string, options: { force?: boolean }) => run(() => restoreDatabase(config().database, file, settings(options))));
}
