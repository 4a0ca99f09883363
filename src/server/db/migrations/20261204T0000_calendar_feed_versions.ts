import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * What changed in personal calendar feeds (issue 17), so a calendar app polling its feed gets a
 * 304 after one indexed read, and each instance keeps a rendered feed until it changes.
 * Triggers, not service code, write it, so every writer is seen (the API, the CLI, plain SQL) and
 * every instance reads the same: a seat taken, given up or attended, a host added or removed, an
 * invitation's SEQUENCE, a person's role; a session's schedule, place, link or status (for its
 * seat holders and the workshop's hosts); a workshop's title, summary or status (for all its seat
 * holders and hosts). Waitlist moves and seat counts change no feed and log nothing, and only
 * people who have a feed are logged.
 *
 * A log, not a version column on calendar_feeds: an UPDATE there would lock feed rows in whatever
 * order each writer reaches them (a session edit, many at once; a registration, one) and two
 * writers could deadlock. Inserts lock nothing another writer waits for. A feed's version is the
 * sum of its rows' numbers: a late commit of a lower number changes it as surely as a new one.
 */
const HOLDING = `('enrolled', 'offered', 'attended')`;
const SESSION_COLUMNS = ['workshop_id', 'starts_at', 'ends_at', 'mode', 'location', 'video_url', 'status', 'updated_at'];
const WORKSHOP_COLUMNS = ['title', 'summary', 'status', 'updated_at'];

/** Seat holders of one session, or of every session of a workshop, and the workshop's hosts. */
const ofSession = (row: string) =>
  `select person_id from registrations where session_id = ${row}.id and status in ${HOLDING}
   union select person_id from workshop_hosts where workshop_id = ${row}.workshop_id`;
const ofWorkshop = (row: string) =>
  `select r.person_id from registrations r join sessions s on s.id = r.session_id
     where s.workshop_id = ${row}.id and r.status in ${HOLDING}
   union select person_id from workshop_hosts where workshop_id = ${row}.id`;

/** Logs each of `people` who has a feed. */
const log = (people: string) =>
  `insert into calendar_changes (person_id) select person_id from calendar_feeds where person_id in (${people});`;

export async function up(db: Kysely<any>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await upPostgres(db);
  else await upSqlite(db);
  await db.schema.createIndex('calendar_changes_by_person').on('calendar_changes').columns(['person_id', 'seq']).execute();
}

async function upPostgres(db: Kysely<any>): Promise<void> {
  // clock_timestamp(), not now(): the moment of the change, not of its transaction's start.
  await sql`create table calendar_changes (
    seq bigint generated always as identity primary key,
    person_id text not null,
    changed_at timestamptz not null default clock_timestamp()
  )`.execute(db);
  const fn = (name: string, body: string) =>
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        ${body}
        return null;
      end $$`);
  const both = (build: (row: string) => string) =>
    `if tg_op in ('UPDATE', 'DELETE') then ${build('old')} end if;
     if tg_op in ('UPDATE', 'INSERT') then ${build('new')} end if;`;
  await fn(
    'calendar_log_person',
    both((row) => log(`${row}.person_id`)),
  ).execute(db);
  await fn(
    'calendar_log_session',
    both((row) => log(ofSession(row))),
  ).execute(db);
  await fn('calendar_log_workshop', log(ofWorkshop('new'))).execute(db);
  await fn('calendar_log_role', log('new.id')).execute(db);
  const distinct = (columns: string[]) =>
    `row(${columns.map((c) => `old.${c}`).join(', ')}) is distinct from row(${columns.map((c) => `new.${c}`).join(', ')})`;
  const triggers = [
    `create trigger registrations_calendar_insert after insert on registrations for each row
      when (new.status in ${HOLDING}) execute function calendar_log_person()`,
    `create trigger registrations_calendar_update after update on registrations for each row
      when (${distinct(['status', 'person_id', 'session_id'])}) execute function calendar_log_person()`,
    `create trigger registrations_calendar_delete after delete on registrations for each row
      execute function calendar_log_person()`,
    `create trigger workshop_hosts_calendar after insert or update or delete on workshop_hosts for each row
      execute function calendar_log_person()`,
    `create trigger calendar_invites_calendar after insert or update on calendar_invites for each row
      execute function calendar_log_person()`,
    `create trigger sessions_calendar after insert or delete on sessions for each row
      execute function calendar_log_session()`,
    `create trigger sessions_calendar_update after update on sessions for each row
      when (${distinct(SESSION_COLUMNS)}) execute function calendar_log_session()`,
    `create trigger workshops_calendar_update after update on workshops for each row
      when (${distinct(WORKSHOP_COLUMNS)}) execute function calendar_log_workshop()`,
    `create trigger people_calendar_update after update on people for each row
      when (${distinct(['role', 'active'])}) execute function calendar_log_role()`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

async function upSqlite(db: Kysely<any>): Promise<void> {
  await sql`create table calendar_changes (
    seq integer primary key autoincrement,
    person_id text not null,
    changed_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
  )`.execute(db);
  const changed = (columns: string[]) => columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
  const triggers = [
    `create trigger registrations_calendar_insert after insert on registrations when new.status in ${HOLDING}
      begin ${log('new.person_id')} end`,
    `create trigger registrations_calendar_update after update on registrations when ${changed(['status', 'person_id', 'session_id'])}
      begin ${log('old.person_id, new.person_id')} end`,
    `create trigger registrations_calendar_delete after delete on registrations begin ${log('old.person_id')} end`,
    `create trigger workshop_hosts_calendar_insert after insert on workshop_hosts begin ${log('new.person_id')} end`,
    `create trigger workshop_hosts_calendar_update after update on workshop_hosts begin ${log('old.person_id, new.person_id')} end`,
    `create trigger workshop_hosts_calendar_delete after delete on workshop_hosts begin ${log('old.person_id')} end`,
    `create trigger calendar_invites_calendar_insert after insert on calendar_invites begin ${log('new.person_id')} end`,
    `create trigger calendar_invites_calendar_update after update on calendar_invites begin ${log('old.person_id, new.person_id')} end`,
    `create trigger sessions_calendar_insert after insert on sessions begin ${log(ofSession('new'))} end`,
    `create trigger sessions_calendar_delete after delete on sessions begin ${log(ofSession('old'))} end`,
    `create trigger sessions_calendar_update after update on sessions when ${changed(SESSION_COLUMNS)}
      begin ${log(`${ofSession('old')} union ${ofSession('new')}`)} end`,
    `create trigger workshops_calendar_update after update on workshops when ${changed(WORKSHOP_COLUMNS)}
      begin ${log(ofWorkshop('new'))} end`,
    `create trigger people_calendar_update after update on people when ${changed(['role', 'active'])}
      begin ${log('new.id')} end`,
  ];
  for (const trigger of triggers) await sql.raw(trigger).execute(db);
}

const FUNCTIONS = ['person', 'session', 'workshop', 'role'];

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    for (const fn of FUNCTIONS) await sql.raw(`drop function calendar_log_${fn}() cascade`).execute(db);
  } else {
    const tables = ['registrations', 'workshop_hosts', 'calendar_invites', 'sessions'];
    const names = tables.flatMap((t) => ['insert', 'update', 'delete'].map((op) => `${t}_calendar_${op}`));
    for (const name of [...names, 'workshops_calendar_update', 'people_calendar_update'])
      await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
  await db.schema.dropTable('calendar_changes').execute();
}
