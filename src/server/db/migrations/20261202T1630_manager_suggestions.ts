import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * A manager's view (issue 15): a manager suggests a workshop to one of their reports, who hears
 * of it and decides alone (a suggestion registers nobody).
 *
 * - manager_suggestions: who suggested which workshop to whom, with an optional note. One row per
 *   manager, report and workshop: suggesting the same workshop twice is refused, not repeated.
 * - notification_preferences.kind gains `manager_suggestions`, so a report can choose how (or
 *   whether) they hear of suggestions; the CHECK of the kinds is widened as in
 *   20261202T1400_education_summary_kind, and narrowed again on the way down.
 *
 * The lists are frozen here, as migrations import no application code.
 */
const BEFORE = ['registrations', 'changes', 'reminders', 'host_messages', 'after', 'runs_again', 'hosting', 'education_summary'];
const AFTER = [...BEFORE, 'manager_suggestions'];

const TABLE = 'notification_preferences';
const CONSTRAINT = 'notification_preferences_kind_check';
const check = (kinds: string[]) => `constraint "${CONSTRAINT}" check ("kind" in (${kinds.map((k) => `'${k}'`).join(', ')}))`;

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

async function replaceCheck(db: Kysely<any>, from: string[], to: string[]): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table "${TABLE}" drop constraint "${CONSTRAINT}", add ${check(to)}`).execute(db);
    return;
  }
  // SQLite cannot alter a constraint: the table is made anew from its own CREATE statement with the
  // other list (https://sqlite.org/lang_altertable.html#otheralter). Nothing references this table
  // and it has no triggers, so dropping it with foreign keys on deletes nothing elsewhere.
  await db.transaction().execute(async (trx) => {
    const [table] = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = ${TABLE}`.execute(trx)).rows;
    if (!table?.sql.includes(check(from))) throw new Error(`${TABLE}: its kind check is not the one this migration expects`);
    const indexes = (
      await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = ${TABLE} and sql is not null`.execute(
        trx,
      )
    ).rows;
    const temporary = `${TABLE}__rebuilt`;
    const create = table.sql
      .replace(check(from), check(to))
      .replace(/^create table\s+("?)notification_preferences\1/i, `create table "${temporary}"`);
    await sql.raw(create).execute(trx);
    await sql.raw(`insert into "${temporary}" select * from "${TABLE}"`).execute(trx);
    await sql.raw(`drop table "${TABLE}"`).execute(trx);
    await sql.raw(`alter table "${temporary}" rename to "${TABLE}"`).execute(trx);
    for (const index of indexes) await sql.raw(index.sql).execute(trx);
  });
}

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('manager_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('manager_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.check(sql`note is null or length(note) <= 500`))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addCheckConstraint('manager_suggestions_not_self_check', sql`manager_id <> person_id`)
    .addUniqueConstraint('manager_suggestions_once_unique', ['manager_id', 'person_id', 'workshop_id'])
    .execute();
  // The report's own list ("suggested to you"), newest first.
  await db.schema.createIndex('manager_suggestions_person_idx').on('manager_suggestions').columns(['person_id', 'created_at']).execute();
  await replaceCheck(db, BEFORE, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom(TABLE).where('kind', '=', 'manager_suggestions').execute();
  await replaceCheck(db, AFTER, BEFORE);
  await db.schema.dropTable('manager_suggestions').execute();
}
