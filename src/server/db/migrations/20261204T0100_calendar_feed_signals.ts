import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Calendar feed changes as change signals (issue 17). On PostgreSQL each instance keeps a feed's
 * version by its address for a few minutes, so a calendar app's conditional request is answered
 * without a database read; these triggers NOTIFY every instance (channel lyceum_changes, topic
 * 'calendar', the people's ids) when a feed's version moves (a calendar_changes row, 20261204T0000)
 * or its address is replaced or deleted. Triggers, so every path is caught: the API, the command
 * line, plain SQL. One notification per statement: a session moved with 500 people in it is one
 * NOTIFY naming "everyone" rather than 500 (a payload holds at most 8,000 bytes).
 *
 * SQLite has one instance, whose feeds read their version from the database on every request.
 */
const MOST_NAMED = 50;

const NOTIFY_FUNCTION = `create function lyceum_calendar_changed() returns trigger language plpgsql as $$
  declare
    people text[];
  begin
    select array_agg(distinct person_id) into people from changed;
    if people is null then return null; end if;
    perform pg_notify('lyceum_changes', json_build_object(
      'topic', 'calendar', 'schema', current_schema(),
      'payload', case when cardinality(people) > ${MOST_NAMED} then '*' else array_to_string(people, ',') end)::text);
    return null;
  end $$`;

const TRIGGERS = [
  `create trigger calendar_changes_signal after insert on calendar_changes
    referencing new table as changed for each statement execute function lyceum_calendar_changed()`,
  `create trigger calendar_feeds_signal_update after update on calendar_feeds
    referencing old table as changed for each statement execute function lyceum_calendar_changed()`,
  `create trigger calendar_feeds_signal_delete after delete on calendar_feeds
    referencing old table as changed for each statement execute function lyceum_calendar_changed()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw(NOTIFY_FUNCTION).execute(db);
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw('drop trigger calendar_changes_signal on calendar_changes').execute(db);
  await sql.raw('drop trigger calendar_feeds_signal_update on calendar_feeds').execute(db);
  await sql.raw('drop trigger calendar_feeds_signal_delete on calendar_feeds').execute(db);
  await sql.raw('drop function lyceum_calendar_changed()').execute(db);
}
