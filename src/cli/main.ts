import { readFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import { Command, Option } from 'commander';
import { TOKEN_LIFETIMES_DAYS, type TokenScope, tokenScope } from '../contracts/index.js';
import { seedDemo } from '../seed/demo/seed-demo.js';
import { OrgSeedRefused, seedOrg } from '../seed/org/seed-org.js';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { migrateToLatest } from '../server/db/migrator.js';
import { serve } from '../server/main.js';
import { authRepository } from '../server/modules/auth/auth.repository.js';
import { createApiToken } from '../server/modules/auth/auth.service.js';
import { peopleRepository } from '../server/modules/people/people.repository.js';
import { PeopleImportService } from '../server/modules/people/people-import.service.js';
import { createScimToken, listScimTokens, revokeScimToken } from '../server/modules/scim/scim.tokens.js';
import { type DbHandle, openDatabase } from '../server/platform/db.js';
import { AppError } from '../server/platform/errors.js';
import { createTransactor } from '../server/platform/transaction.js';
import { waitForDatabase } from '../server/platform/wait-for-database.js';
import { registerBackupCommands } from './backup-commands.js';

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

/** Opens the configured database once it answers (it is retried for DB_CONNECT_TIMEOUT_S). */
async function openConfiguredDatabase(): Promise<DbHandle> {
  const { database: target, databaseConnectTimeoutMs } = config();
  const database = openDatabase(target);
  try {
    await waitForDatabase(database, target, databaseConnectTimeoutMs);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** Opens the configured database, brings it up to date, runs `work`, and closes it. */
async function withDatabase(work: (database: DbHandle) => Promise<void>): Promise<void> {
  const database = await openConfiguredDatabase();
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
    const database = await openConfiguredDatabase();
    try {
      const applied = await migrateToLatest(database.db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    } finally {
      await database.close();
    }
  });

program
  .command('seed')
  .description('load data into the database: the demo organisation, or an organization-sized data set')
  .option(
    '--demo',
    'the demo organisation: ~200 people, ~40 workshops, two years of sessions with attendance and feedback, the coming weeks open for registration',
  )
  .addOption(
    new Option(
      '--scale <size>',
      'org: 20,000 people, 5,000 workshops, 50,000 sessions, 1,000,000 registrations (empty database only)',
    ).choices(['org']),
  )
  .action((options: { demo?: boolean; scale?: 'org' }) => {
    if ((options.demo === true) === (options.scale !== undefined)) fail('choose one: seed --demo, or seed --scale org');
    return withDatabase(async ({ db }) => {
      if (options.demo) {
        const s = await seedDemo(db);
        console.log(
          s.skipped
            ? 'demo data already present; nothing changed'
            : `demo data loaded: ${s.people} people, ${s.workshops} workshops, ${s.sessions} sessions`,
        );
        return;
      }
      const s = await seedOrgWithProgress(db);
      const n = (value: number) => value.toLocaleString('en-US');
      console.log(
        `org data loaded in ${formatSeconds(s.seconds)}: ${n(s.people)} people (${s.admins} admins), ${n(s.channels)} channels, ` +
          `${n(s.workshops)} workshops (${n(s.published)} published), ${n(s.sessions)} sessions (${n(s.upcomingSessions)} upcoming), ` +
          `${n(s.registrations)} registrations, ${n(s.follows)} follows, ${n(s.checklistRuns)} checklist runs, ` +
          `${n(s.feedback)} feedback asks (${n(s.answeredFeedback)} answered), ${n(s.followUps)} follow-ups, ` +
          `${n(s.wishes)} wishes, ${n(s.requests)} requests, ${n(s.searchDocuments)} search documents`,
      );
    });
  });

/** seedOrg with a progress bar on stderr (drawn only when stderr is a terminal). */
async function seedOrgWithProgress(db: DbHandle['db']) {
  const bar = new SingleBar(
    { format: 'seeding {phase} |{bar}| {percentage}% · {value}/{total} rows · {duration_formatted}', hideCursor: true, fps: 5 },
    Presets.shades_classic,
  );
  let started = false;
  try {
    return await seedOrg(db, {
      onProgress: (phase, done, total) => {
        if (!started) bar.start(total, 0, { phase: phase.padEnd(13) });
        started = true;
        bar.update(done, { phase: phase.padEnd(13) });
      },
    });
  } catch (error) {
    if (error instanceof OrgSeedRefused) fail(error.message);
    throw error;
  } finally {
    if (started) bar.stop();
  }
}

const formatSeconds = (s: number) => (s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`);

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
  .addOption(
    new Option('--scope <scope>', 'read: may only look; write: acts fully as the person').choices(tokenScope.options).default('write'),
  )
  .addOption(
    new Option('--expires-in-days <days>', 'how long the tokens work')
      .choices(TOKEN_LIFETIMES_DAYS.map(String))
      .default('90')
      .conflicts('expiry'),
  )
  .option('--no-expiry', 'tokens that never expire (for long-lived service accounts)')
  .action((emails: string[], options: { scope: TokenScope; expiresInDays: string; expiry: boolean }) =>
    withDatabase(async ({ db }) => {
      const lifetime = { scope: options.scope, expiresInDays: options.expiry ? Number(options.expiresInDays) : null };
      const tx = createTransactor(db);
      const persons = [];
      for (const email of emails) {
        const person = await peopleRepository.findByEmail(db, email);
        if (!person) fail(`nobody with email ${email} is in the directory (no tokens were created)`);
        persons.push(person);
      }
      const lines: string[] = [];
      for (const person of persons) {
        lines.push((await createApiToken(tx, authRepository, person.id, { name: 'created with lyceum token create', ...lifetime })).token);
      }
      console.log(lines.join('\n'));
    }),
  );

const scimToken = program.command('scim-token').description('bearer tokens for SCIM provisioning (Okta, Microsoft Entra ID…)');
scimToken
  .command('create')
  .description('print a new SCIM token once (only its hash is kept); give it to the identity provider')
  .action(() =>
    withDatabase(async ({ db }) => {
      const { id, token } = await createScimToken(db);
      console.log(token);
      process.stderr.write(`SCIM token ${id} created. It is shown only now; revoke it with: lyceum scim-token revoke ${id}\n`);
    }),
  );
scimToken
  .command('list')
  .description('the SCIM tokens made here: id, last four characters, made, revoked')
  .action(() =>
    withDatabase(async ({ db }) => {
      for (const t of await listScimTokens(db)) {
        console.log([t.id, `…${t.hint}`, String(t.created_at), t.revoked_at ? `revoked ${String(t.revoked_at)}` : 'active'].join('\t'));
      }
    }),
  );
scimToken
  .command('revoke')
  .argument('<id>', 'the token id printed by create or list')
  .description('stop a SCIM token at once')
  .action((id: string) =>
    withDatabase(async ({ db }) => {
      if (!(await revokeScimToken(db, id))) fail(`no active SCIM token has the id ${id}`);
      console.log(`revoked ${id}`);
    }),
  );

registerBackupCommands(program, config, fail);

program.parseAsync().catch((error: unknown) => {
  if (error instanceof AppError) fail(error.message);
  if (error instanceof ConfigError) fail(error.message);
  fail(error instanceof Error ? error.message : String(error));
});
