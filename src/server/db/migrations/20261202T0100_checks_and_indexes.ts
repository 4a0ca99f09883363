import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The schema says what it means: every enum-like column refuses values the code never writes
 * (CHECK constraints, on SQLite and PostgreSQL alike), and the series lookup that runs under a
 * workshop's seat lock has an index.
 *
 * The value lists are frozen here as the code used them when this migration was written (the
 * union types of db/schema.ts, which the zod enums of src/contracts match). A later change of a
 * list needs a migration of its own.
 *
 * SQLite cannot add a constraint to an existing table, so each table is rebuilt the way SQLite
 * documents (https://sqlite.org/lang_altertable.html#otheralter): with foreign keys off, inside
 * one transaction, create the table anew from its own CREATE statement plus the checks, copy the
 * rows, drop the old one, rename the new one, recreate its indexes; triggers are dropped first
 * and recreated last; foreign_key_check must come back empty before the commit.
 */
const PHASES = ['analysis', 'design', 'development', 'implementation', 'evaluation'];
const TIMINGS = ['before', 'during', 'after'];

export const CHECKS: Record<string, Record<string, readonly string[]>> = {
  people: { role: ['member', 'admin'] },
  api_tokens: { scope: ['read', 'write'] },
  workshops: { format: ['talk', 'hands_on_lab', 'discussion', 'course', 'office_hours'], status: ['draft', 'published'] },
  workshop_hosts: { role: ['owner', 'cohost'] },
  sessions: { mode: ['in_person', 'online', 'hybrid'], promotion: ['auto', 'offer'], status: ['scheduled', 'cancelled'] },
  registrations: { mode: ['in_person', 'online'], status: ['enrolled', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show'] },
  checklist_templates: { status: ['active', 'retired'] },
  checklist_versions: { status: ['draft', 'published', 'superseded'] },
  checklist_items: { phase: PHASES, timing: TIMINGS },
  // Null (not answered yet) passes a CHECK, as SQL has it.
  checklist_answers: { answer: ['yes', 'no', 'na'] },
  checklist_suggestions: { kind: ['reword', 'add', 'remove'], phase: PHASES, timing: TIMINGS, status: ['open', 'accepted', 'declined'] },
  follows: { kind: ['channel', 'host'] },
  workshop_requests: { status: ['open', 'claimed', 'answered'] },
  outbox: { channel: ['email', 'slack', 'slack_dm', 'webhook'], status: ['pending', 'done', 'dead'] },
  notification_preferences: {
    kind: ['registrations', 'changes', 'reminders', 'host_messages', 'after', 'runs_again', 'hosting'],
    channel: ['email', 'slack', 'none'],
  },
};

const NAME = /^[a-z0-9_]+$/;

/** `constraint "registrations_status_check" check ("status" in ('enrolled', …))`, one per column. */
function constraints(table: string): string[] {
  return Object.entries(CHECKS[table] ?? {}).map(([column, values]) => {
    for (const name of [table, column, ...values]) if (!NAME.test(name)) throw new Error(`unexpected name ${name}`);
    return `constraint "${table}_${column}_check" check ("${column}" in (${values.map((v) => `'${v}'`).join(', ')}))`;
  });
}

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Series parts are read by series_key inside the workshop's lock (seat-ledger.ts promoteOtherParts,
 * registrationsRepository.seriesParts); without an index that read walks every registration.
 * Partial: most registrations belong to no series.
 */
async function createSeriesIndex(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('registrations_series_idx')
    .on('registrations')
    .columns(['series_key', 'status'])
    .where(sql.ref('series_key'), 'is not', null)
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    for (const table of Object.keys(CHECKS)) {
      await sql
        .raw(
          `alter table "${table}" ${constraints(table)
            .map((c) => `add ${c}`)
            .join(', ')}`,
        )
        .execute(db);
    }
  } else {
    await rebuildSqliteTables(db, (table, create) => `${create.slice(0, create.lastIndexOf(')'))}, ${constraints(table).join(', ')})`);
  }
  await createSeriesIndex(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registrations_series_idx').execute();
  if (isPostgres(db)) {
    for (const table of Object.keys(CHECKS)) {
      const drops = Object.keys(CHECKS[table] ?? {}).map((column) => `drop constraint "${table}_${column}_check"`);
      await sql.raw(`alter table "${table}" ${drops.join(', ')}`).execute(db);
    }
  } else {
    await rebuildSqliteTables(db, (table, create) => {
      const added = `, ${constraints(table).join(', ')})`;
      if (!create.endsWith(added)) throw new Error(`${table}: its checks are not the ones this migration added`);
      return `${create.slice(0, -added.length)})`;
    });
  }
}

interface SchemaRow {
  name: string;
  sql: string;
}

/** Rebuilds every table of CHECKS with the CREATE statement `rewrite` makes of its current one. */
async function rebuildSqliteTables(db: Kysely<any>, rewrite: (table: string, create: string) => string): Promise<void> {
  if (db.isTransaction) throw new Error('This migration switches foreign keys off around its own transaction; run it outside one.');
  const [fk] = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    const [off] = (await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db)).rows;
    // With foreign keys on, DROP TABLE would delete the rows that reference it (on delete cascade).
    if (off?.foreign_keys !== 0) throw new Error('Could not switch foreign keys off; not rebuilding tables.');
    await db.transaction().execute(async (trx) => {
      const triggers = (await sql<SchemaRow>`select name, sql from sqlite_master where type = 'trigger'`.execute(trx)).rows;
      for (const trigger of triggers) await sql.raw(`drop trigger "${trigger.name}"`).execute(trx);
      for (const table of Object.keys(CHECKS)) await rebuildSqliteTable(trx, table, rewrite);
      for (const trigger of triggers) await sql.raw(trigger.sql).execute(trx);
      const broken = (await sql`pragma foreign_key_check`.execute(trx)).rows;
      if (broken.length > 0) throw new Error(`Rebuilding tables broke foreign keys: ${JSON.stringify(broken.slice(0, 5))}`);
      // Planner statistics went with the old tables: gather them again where the database had them.
      const stats = (await sql`select name from sqlite_master where name = 'sqlite_stat1'`.execute(trx)).rows;
      if (stats.length > 0) for (const table of Object.keys(CHECKS)) await sql.raw(`analyze "${table}"`).execute(trx);
    });
  } finally {
    if (fk?.foreign_keys !== 0) await sql`pragma foreign_keys = on`.execute(db);
  }
}

async function rebuildSqliteTable(db: Kysely<any>, table: string, rewrite: (table: string, create: string) => string): Promise<void> {
  const [found] = (await sql<SchemaRow>`select name, sql from sqlite_master where type = 'table' and name = ${table}`.execute(db)).rows;
  if (!found) throw new Error(`No table ${table}`);
  const indexes = (
    await sql<SchemaRow>`select name, sql from sqlite_master where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db)
  ).rows;
  const head = /^create table\s+(?:"([a-z0-9_]+)"|([a-z0-9_]+))\s*\(/i.exec(found.sql);
  if (!head || (head[1] ?? head[2]) !== table) throw new Error(`Unexpected CREATE statement of ${table}: ${found.sql.slice(0, 80)}`);
  const temporary = `${table}__rebuilt`;
  const create = rewrite(table, found.sql);
  await sql.raw(`create table "${temporary}" (${create.slice(head[0].length)}`).execute(db);
  // Same CREATE statement, so the same columns in the same order.
  await sql.raw(`insert into "${temporary}" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${temporary}" rename to "${table}"`).execute(db);
  for (const index of indexes) await sql.raw(index.sql).execute(db);
}
