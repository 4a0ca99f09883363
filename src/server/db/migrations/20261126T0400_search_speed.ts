import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * What search reads in one pass, without touching wide rows or counting registrations:
 *
 * - Seats taken per session and pool, kept by triggers on registrations, so "has seats left" is
 *   a column comparison instead of counting a million registrations per search.
 * - Covering indexes over upcoming sessions and published workshops holding exactly the columns
 *   search filters, sorts and counts by (descriptions make workshop rows wide).
 *
 * Triggers rather than service code for the counts: every path that writes registrations
 * (services, sweeps, demo and org seeds) keeps them right without having to remember to.
 * Seat-holding statuses are those of registrations.repository.ts SEAT_HOLDING.
 */
const HOLDING = `('enrolled', 'offered', 'attended')`;

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .alterTable('sessions')
    .addColumn('in_person_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('online_taken', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  if (postgres) {
    await sql
      .raw(`create function registrations_keep_seat_counts() returns trigger language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') and old.status in ${HOLDING} then
          update sessions set
            in_person_taken = in_person_taken - (old.mode = 'in_person')::int,
            online_taken = online_taken - (old.mode = 'online')::int
          where id = old.session_id;
        end if;
        if tg_op in ('UPDATE', 'INSERT') and new.status in ${HOLDING} then
          update sessions set
            in_person_taken = in_person_taken + (new.mode = 'in_person')::int,
            online_taken = online_taken + (new.mode = 'online')::int
          where id = new.session_id;
        end if;
        return null;
      end $$`)
      .execute(db);
    await sql
      .raw(`create trigger registrations_seat_counts after insert or delete or update of status, mode, session_id
        on registrations for each row execute function registrations_keep_seat_counts()`)
      .execute(db);
  } else {
    const add = (row: 'new' | 'old', sign: '+' | '-') => `update sessions set
        in_person_taken = in_person_taken ${sign} (${row}.mode = 'in_person'),
        online_taken = online_taken ${sign} (${row}.mode = 'online')
      where id = ${row}.session_id;`;
    await sql
      .raw(`create trigger registrations_seat_counts_insert after insert on registrations
        when new.status in ${HOLDING} begin ${add('new', '+')} end`)
      .execute(db);
    await sql
      .raw(`create trigger registrations_seat_counts_delete after delete on registrations
        when old.status in ${HOLDING} begin ${add('old', '-')} end`)
      .execute(db);
    await sql
      .raw(`create trigger registrations_seat_counts_update_old after update of status, mode, session_id on registrations
        when old.status in ${HOLDING} begin ${add('old', '-')} end`)
      .execute(db);
    await sql
      .raw(`create trigger registrations_seat_counts_update_new after update of status, mode, session_id on registrations
        when new.status in ${HOLDING} begin ${add('new', '+')} end`)
      .execute(db);
  }

  await db.schema
    .createIndex('sessions_upcoming_idx')
    .on('sessions')
    .columns(['status', 'starts_at', 'workshop_id', 'mode', 'location', 'seats', 'online_seats', 'in_person_taken', 'online_taken'])
    .execute();
  await db.schema
    .createIndex('workshops_catalog_idx')
    .on('workshops')
    .columns(['status', 'id', 'format', 'language', 'popularity', 'published_at', 'created_at'])
    .execute();

  // Registrations made before this migration.
  for (const [column, pool] of [
    ['in_person_taken', 'in_person'],
    ['online_taken', 'online'],
  ] as const) {
    await sql
      .raw(`update sessions set ${column} = (select count(*) from registrations r
        where r.session_id = sessions.id and r.mode = '${pool}' and r.status in ${HOLDING})`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('workshops_catalog_idx').execute();
  await db.schema.dropIndex('sessions_upcoming_idx').execute();
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`drop trigger registrations_seat_counts on registrations`.execute(db);
    await sql`drop function registrations_keep_seat_counts()`.execute(db);
  } else {
    for (const name of ['insert', 'delete', 'update_old', 'update_new']) {
      await sql.raw(`drop trigger registrations_seat_counts_${name}`).execute(db);
    }
  }
  await db.schema.alterTable('sessions').dropColumn('online_taken').execute();
  await db.schema.alterTable('sessions').dropColumn('in_person_taken').execute();
}
