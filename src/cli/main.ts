import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { seedDemo } from '../server/db/demo/seed-demo.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { serve } from '../server/main.js';
import { authRepository } from '../server/modules/auth/auth.repository.js';
import { createApiToken } from '../server/modules/auth/auth.service.js';
import { peopleRepository } from '../server/modules/people/people.repository.js';
import { PeopleImportService } from '../server/modules/people/people-import.service.js';
import { type DbHandle, openDatabase } from '../server/platform/db.js';
import { AppError } from '../server/platform/errors.js';
import { createTransactor } from '../server/platform/transaction.js';

function fail(message: string): never {
  process.stderr.write(`lyceum: ${message}\n`);
  process.exit(1);
}

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** Opens the configured database, brings it up to date, runs `work`, and closes it. */
async function withDatabase(work: (database: DbHandle) => Promise<void>): Promise<void> {
  const database = openDatabase(config().database);
  try {
    await migrateToLatest(database.db);
    await work(database);
  } finally {
    await database.close();
  }
}

const program = new Command('lyceum').description('Lyceum: peer-to-peer learning inside your company.');

program
  .command('serve')
  .description('start the web app and API (migrates first)')
  .action(() => serve(config()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const database = openDatabase(config().database);
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('load data into the database')
  .requiredOption('--demo', 'the demo organisation: people, workshops, sessions')
  .action(() =>
    withDatabase(async ({ db }) => {
      const s = await seedDemo(db);
      console.log(
        s.skipped
          ? 'demo data already present; nothing changed'
          : `demo data loaded: ${s.people} people, ${s.workshops} workshops, ${s.sessions} sessions`,
      );
    }),
  );

const people = program.command('people').description('the people directory');
people
  .command('import')
  .argument('<file.csv>', `CSV with header email,name,title,team,location,time_zone,manager_email,role`)
  .description('create or update people by email')
  .action((file: string) =>
    withDatabase(async ({ db }) => {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        fail(`cannot read ${file}: ${(error as Error).message}`);
      }
      const report = await new PeopleImportService(createTransactor(db), peopleRepository).importCsv(text);
      console.log(`created: ${report.created}, updated: ${report.updated}, rejected: ${report.rejected.length}`);
      for (const r of report.rejected) console.log(`line ${r.line}: ${r.reason}`);
    }),
  );

const token = program.command('token').description('personal API tokens');
token
  .command('create')
  .argument('<email...>', 'people to create a token for')
  .description('print one new API token per email, one per line, in order')
  .action((emails: string[]) =>
    withDatabase(async ({ db }) => {
      const tx = createTransactor(db);
      const persons = [];
      for (const email of emails) {
        const person = await peopleRepository.findByEmail(db, email);
        if (!person) fail(`nobody with email ${email} is in the directory (no tokens were created)`);
        persons.push(person);
      }
      const lines: string[] = [];
      for (const person of persons) {
        lines.push((await createApiToken(tx, authRepository, person.id, 'created with lyceum token create')).token);
      }
      console.log(lines.join('\n'));
    }),
  );

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) fail(error.message);
  if (error instanceof ConfigError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
