import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * A new kind of message people choose a channel for: `education_summary`, the weekly learning
 * summary admins may opt in to. notification_preferences.kind has a CHECK of the kinds
 * (20261202T0100_checks_and_indexes); it is widened here, and narrowed again on the way down
 * (choices of the new kind go with it).
 *
 * The lists are frozen here, as migrations import no application code.
 */
const BEFORE = ['registrations', 'changes', 'reminders', 'host_messages', 'after', 'runs_again', 'hosting'];
const AFTER = [...BEFORE, 'education_summary'];

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
  await replaceCheck(db, BEFORE, AFTER);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom(TABLE).where('kind', '=', 'education_summary').execute();
  await replaceCheck(db, AFTER, BEFORE);
}
