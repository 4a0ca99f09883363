import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Places waiting per session and pool, kept by triggers on registrations beside the seats taken
 * (migration 20261126T0400), so every page that shows sessions reads its counts from the session
 * row alone: before, each session cost two more index steps, to each pool's last waitlist place,
 * about a sixth of an uncached search's time at org scale (issue 17).
 *
 * On PostgreSQL the triggers fire only for rows that are or were waitlisted (their WHEN clause),
 * so taking a seat, the hot path, calls no extra function. Renumbering a waitlist changes
 * positions, not statuses, and leaves the counts alone.
 */
const WAITLISTED = `'waitlisted'`;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const column of ['in_person_waiting', 'online_waiting']) {
    await db.schema
      .alterTable('sessions')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  if (postgres) {
    await sql
      .raw(`create function registrations_keep_waiting_counts() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status = ${WAITLISTED} then
          update sessions set
            in_person_waiting = in_person_waiting - (old.mode = 'in_person')::int,
            online_waiting = online_waiting - (old.mode = 'online')::int
          where id = old.session_id;
        end if;
        if tg_op in ('UPDATE', 'INSERT') and new.status = ${WAITLISTED} then
          update sessions set
            in_person_waiting = in_person_waiting + (new.mode = 'in_person')::int,
            online_waiting = online_waiting + (new.mode = 'online')::int
          where id = new.session_id;
        end if;
        return null;
      end $$`)
      .execute(db);
    const trigger = (name: string, event: string, when: string) =>
      sql
        .raw(`create trigger ${name} after ${event} on registrations for each row
          when (${when}) execute function registrations_keep_waiting_counts()`)
        .execute(db);
    await trigger('registrations_waiting_counts_insert', 'insert', `new.status = ${WAITLISTED}`);
    await trigger('registrations_waiting_counts_delete', 'delete', `old.status = ${WAITLISTED}`);
    await trigger(
      'registrations_waiting_counts_update',
      'update of status, mode, session_id',
      `old.status = ${WAITLISTED} or new.status = ${WAITLISTED}`,
    );
  } else {
    const add = (row: 'new' | 'old', sign: '+' | '-') => `update sessions set
        in_person_waiting = in_person_waiting ${sign} (${row}.mode = 'in_person'),
        online_waiting = online_waiting ${sign} (${row}.mode = 'online')
      where id = ${row}.session_id;`;
    const trigger = (name: string, event: string, row: 'new' | 'old', sign: '+' | '-') =>
      sql
        .raw(`create trigger ${name} after ${event} on registrations
          when ${row}.status = ${WAITLISTED} begin ${add(row, sign)} end`)
        .execute(db);
    await trigger('registrations_waiting_counts_insert', 'insert', 'new', '+');
    await trigger('registrations_waiting_counts_delete', 'delete', 'old', '-');
    await trigger('registrations_waiting_counts_update_old', 'update of status, mode, session_id', 'old', '-');
    await trigger('registrations_waiting_counts_update_new', 'update of status, mode, session_id', 'new', '+');
  }

  // Waitlists made before this migration.
  for (const [column, pool] of [
    ['in_person_waiting', 'in_person'],
    ['online_waiting', 'online'],
  ] as const) {
    await sql
      .raw(`update sessions set ${column} = (select count(*) from registrations r
        where r.session_id = sessions.id and r.mode = '${pool}' and r.status = ${WAITLISTED})`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const triggers = postgres ? ['insert', 'delete', 'update'] : ['insert', 'delete', 'update_old', 'update_new'];
  for (const name of triggers) {
    await sql.raw(`drop trigger registrations_waiting_counts_${name}${postgres ? ' on registrations' : ''}`).execute(db);
  }
  if (postgres) await sql`drop function registrations_keep_waiting_counts()`.execute(db);
  await db.schema.alterTable('sessions').dropColumn('online_waiting').execute();
  await db.schema.alterTable('sessions').dropColumn('in_person_waiting').execute();
}
