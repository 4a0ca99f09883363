import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Rollups the dashboard's overview reads instead of a million registrations, kept by triggers so
 * every path that writes (services, sweeps, seeds, SQL by hand) keeps them equal to the raw rows
 * (rollups.test.ts compares them after every kind of change):
 *
 * - session_tallies: per session, its registrations by status and late cancellations, and its
 *   feedback asks, answers, ratings and usefulness (what the unfiltered overview sums).
 * - learning_days: per person and UTC day, how many scheduled sessions starting that day they
 *   attended (distinct learners over any day range).
 * - learner_months: per person, the months they attended in, as bits of a 60-month block
 *   (distinct learners over whole months without reading every day: a bit test per person).
 *
 * A session that moves or is cancelled moves or drops its attendees' days. A session deleted drops
 * its days and tallies before it goes: the cascade that deletes its registrations and feedback runs
 * after the session is gone (their triggers find nothing left to change, on both databases), and a
 * trigger must not change the row being deleted.
 */

const SEATS = `('enrolled', 'attended', 'no_show')`;

/** Tally columns and what one row adds to each (`r` is new or old); 0/1 never null. */
const REGISTRATION_TALLIES: Record<string, (r: string) => string> = {
  seats: (r) => `case when ${r}.status in ${SEATS} then 1 else 0 end`,
  attended: (r) => `case when ${r}.status = 'attended' then 1 else 0 end`,
  no_shows: (r) => `case when ${r}.status = 'no_show' then 1 else 0 end`,
  waitlisted: (r) => `case when ${r}.status = 'waitlisted' then 1 else 0 end`,
  late_cancellations: (r) => `${r}.late_cancellation`,
};

const answered = (r: string, condition: string, value = '1') =>
  `case when ${r}.status = 'answered' and ${condition} then ${value} else 0 end`;

const FEEDBACK_TALLIES: Record<string, (r: string) => string> = {
  asked: () => '1',
  declined: (r) => `case when ${r}.status = 'declined' then 1 else 0 end`,
  answered: (r) => answered(r, 'true'),
  ratings: (r) => answered(r, `${r}.rating is not null`),
  rating_sum: (r) => answered(r, `${r}.rating is not null`, `${r}.rating`),
  ...Object.fromEntries([1, 2, 3, 4, 5].map((k) => [`rating_${k}`, (r: string) => answered(r, `${r}.rating = ${k}`)])),
  usefulness_n: (r) => answered(r, `${r}.usefulness is not null`),
  usefulness_sum: (r) => answered(r, `${r}.usefulness is not null`, `${r}.usefulness`),
};

const TALLY_COLUMNS = [...Object.keys(REGISTRATION_TALLIES), ...Object.keys(FEEDBACK_TALLIES)];

/** Adds a row's share to its session's tallies (creating them). */
function addTallies(tallies: Record<string, (r: string) => string>, r: string): string {
  const columns = Object.keys(tallies);
  return `insert into session_tallies (session_id, ${columns.join(', ')})
    values (${r}.session_id, ${columns.map((c) => tallies[c]?.(r)).join(', ')})
    on conflict (session_id) do update set ${columns.map((c) => `${c} = session_tallies.${c} + excluded.${c}`).join(', ')};`;
}

/** Takes a row's share off its session's tallies (an update only: the session may be going). */
function subtractTallies(tallies: Record<string, (r: string) => string>, r: string): string {
  return `update session_tallies set ${Object.entries(tallies)
    .map(([c, share]) => `${c} = ${c} - (${share(r)})`)
    .join(', ')} where session_id = ${r}.session_id;`;
}

/** The UTC day of a session's start, as text YYYY-MM-DD. */
const dayOf = (postgres: boolean, starts: string) =>
  postgres ? `to_char(${starts} at time zone 'UTC', 'YYYY-MM-DD')` : `substr(${starts}, 1, 10)`;

/** A day's month counted from year 0 (year × 12 + month − 1), its 60-month block and its bit in it. */
const monthIndex = (day: string) => `(cast(substr(${day}, 1, 4) as integer) * 12 + cast(substr(${day}, 6, 2) as integer) - 1)`;
const blockOf = (day: string) => `(${monthIndex(day)} / 60)`;
const bitOf = (postgres: boolean, day: string) => `(${postgres ? 'cast(1 as bigint)' : '1'} << (${monthIndex(day)} % 60))`;

/** One more attended session for `person` on the day `session` starts (when it is scheduled). */
function addDay(postgres: boolean, person: string, session: string): string {
  return `insert into learning_days (person_id, day, sessions)
    select ${person}, ${dayOf(postgres, 's.starts_at')}, 1 from sessions s where s.id = ${session} and s.status = 'scheduled'
    on conflict (person_id, day) do update set sessions = learning_days.sessions + 1;`;
}

function removeDay(postgres: boolean, person: string, session: string): string {
  return `update learning_days set sessions = sessions - 1 where person_id = ${person}
      and day = (select ${dayOf(postgres, 's.starts_at')} from sessions s where s.id = ${session} and s.status = 'scheduled');
    delete from learning_days where person_id = ${person} and sessions <= 0;`;
}

/**
 * Every attendee of a session (`s` is old or new) loses or gains the session's day. `when` is the
 * condition SQLite puts into each statement (its triggers have no IF).
 */
function moveDays(postgres: boolean, s: string, sign: '+' | '-', when = 'true'): string {
  const day = dayOf(postgres, `${s}.starts_at`);
  if (sign === '-') {
    return `update learning_days set sessions = sessions - 1 where ${when} and day = ${day}
        and person_id in (select r.person_id from registrations r where r.session_id = ${s}.id and r.status = 'attended');
      delete from learning_days where day = ${day} and sessions <= 0;`;
  }
  return `insert into learning_days (person_id, day, sessions)
    select r.person_id, ${day}, 1 from registrations r where ${when} and r.session_id = ${s}.id and r.status = 'attended'
    on conflict (person_id, day) do update set sessions = learning_days.sessions + 1;`;
}

function setMonth(postgres: boolean): string {
  return `insert into learner_months (person_id, block, mask) values (new.person_id, ${blockOf('new.day')}, ${bitOf(postgres, 'new.day')})
    on conflict (person_id, block) do update set mask = learner_months.mask | excluded.mask;`;
}

/** The month's bit again from the days left in it. */
function recountMonth(postgres: boolean): string {
  return `update learner_months set mask = (mask & ~${bitOf(postgres, 'old.day')}) | (case when exists (
      select 1 from learning_days d where d.person_id = old.person_id
        and d.day between substr(old.day, 1, 7) || '-01' and substr(old.day, 1, 7) || '-31'
    ) then ${bitOf(postgres, 'old.day')} else 0 end)
    where person_id = old.person_id and block = ${blockOf('old.day')};`;
}

async function createTables(db: Kysely<any>, postgres: boolean): Promise<void> {
  // SQLite: rows live in their primary key's b-tree (a lookup by key reads no second page).
  // PostgreSQL: room on each page for the new version of a row a trigger updates (HOT updates).
  const clustered = postgres ? sql`with (fillfactor = 70)` : sql`without rowid`;
  let tallies = db.schema.createTable('session_tallies').addColumn('session_id', 'text', (c) => c.primaryKey());
  for (const column of TALLY_COLUMNS) tallies = tallies.addColumn(column, 'integer', (c) => c.notNull().defaultTo(0));
  await tallies.modifyEnd(clustered).execute();
  await db.schema
    .createTable('learning_days')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_days_pk', ['person_id', 'day'])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex('learning_days_day_idx').on('learning_days').columns(['day', 'person_id']).execute();
  await db.schema
    .createTable('learner_months')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('block', 'integer', (c) => c.notNull())
    .addColumn('mask', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('learner_months_pk', ['person_id', 'block'])
    .modifyEnd(clustered)
    .execute();
  // The first session a host ever had, and a host's sessions: a seek per host and workshop.
  await db.schema.createIndex('sessions_workshop_status_idx').on('sessions').columns(['workshop_id', 'status', 'starts_at']).execute();
  // A team filter finds its people without reading everyone; a session's format without the workshop's wide row.
  await db.schema.createIndex('people_team_idx').on('people').columns(['team', 'location']).execute();
  await db.schema.createIndex('workshops_format_idx').on('workshops').columns(['id', 'format']).execute();
}

/** Rollups of the rows written before this migration. */
async function backfill(db: Kysely<any>, postgres: boolean): Promise<void> {
  const sums = (tallies: Record<string, (r: string) => string>, r: string) =>
    Object.entries(tallies)
      .map(([, share]) => `sum(${share(r)})`)
      .join(', ');
  await sql
    .raw(`insert into session_tallies (session_id, ${Object.keys(REGISTRATION_TALLIES).join(', ')})
      select r.session_id, ${sums(REGISTRATION_TALLIES, 'r')} from registrations r group by r.session_id`)
    .execute(db);
  const feedback = Object.keys(FEEDBACK_TALLIES);
  await sql
    .raw(`insert into session_tallies (session_id, ${feedback.join(', ')})
      select f.session_id, ${sums(FEEDBACK_TALLIES, 'f')} from feedback f where true group by f.session_id
      on conflict (session_id) do update set ${feedback.map((c) => `${c} = excluded.${c}`).join(', ')}`)
    .execute(db);
  await sql
    .raw(`insert into learning_days (person_id, day, sessions)
      select r.person_id, ${dayOf(postgres, 's.starts_at')}, count(*) from registrations r
      join sessions s on s.id = r.session_id where r.status = 'attended' and s.status = 'scheduled'
      group by r.person_id, ${dayOf(postgres, 's.starts_at')}`)
    .execute(db);
  // Distinct powers of two add up to their bitwise or (both databases lack a portable bit_or).
  await sql
    .raw(`insert into learner_months (person_id, block, mask)
      select person_id, block, sum(bit) from (
        select distinct person_id, ${blockOf('day')} as block, ${bitOf(postgres, 'day')} as bit from learning_days
      ) months group by person_id, block`)
    .execute(db);
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `create trigger registrations_tallies_insert after insert on registrations begin ${addTallies(REGISTRATION_TALLIES, 'new')} end`,
    `create trigger registrations_tallies_delete after delete on registrations begin ${subtractTallies(REGISTRATION_TALLIES, 'old')} end`,
    `create trigger registrations_tallies_update after update of status, session_id, late_cancellation on registrations begin
      ${subtractTallies(REGISTRATION_TALLIES, 'old')} ${addTallies(REGISTRATION_TALLIES, 'new')} end`,
    `create trigger feedback_tallies_insert after insert on feedback begin ${addTallies(FEEDBACK_TALLIES, 'new')} end`,
    `create trigger feedback_tallies_delete after delete on feedback begin ${subtractTallies(FEEDBACK_TALLIES, 'old')} end`,
    `create trigger feedback_tallies_update after update of status, rating, usefulness, session_id on feedback begin
      ${subtractTallies(FEEDBACK_TALLIES, 'old')} ${addTallies(FEEDBACK_TALLIES, 'new')} end`,
    `create trigger registrations_days_insert after insert on registrations when new.status = 'attended' begin
      ${addDay(false, 'new.person_id', 'new.session_id')} end`,
    `create trigger registrations_days_delete after delete on registrations when old.status = 'attended' begin
      ${removeDay(false, 'old.person_id', 'old.session_id')} end`,
    `create trigger registrations_days_update_old after update of status, session_id, person_id on registrations
      when old.status = 'attended' begin ${removeDay(false, 'old.person_id', 'old.session_id')} end`,
    `create trigger registrations_days_update_new after update of status, session_id, person_id on registrations
      when new.status = 'attended' begin ${addDay(false, 'new.person_id', 'new.session_id')} end`,
    `create trigger sessions_days_update after update of starts_at, status on sessions
      when old.starts_at is not new.starts_at or old.status is not new.status begin
      ${moveDays(false, 'old', '-', "old.status = 'scheduled'")} ${moveDays(false, 'new', '+', "new.status = 'scheduled'")} end`,
    `create trigger sessions_rollups_delete before delete on sessions begin
      ${moveDays(false, 'old', '-', "old.status = 'scheduled'")} delete from session_tallies where session_id = old.id; end`,
    `create trigger learning_days_month_insert after insert on learning_days begin ${setMonth(false)} end`,
    `create trigger learning_days_month_delete after delete on learning_days begin ${recountMonth(false)} end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  const statements = [
    `create function session_tallies_from_registrations() returns trigger language plpgsql as $$ begin
      if tg_op in ('UPDATE', 'DELETE') then ${subtractTallies(REGISTRATION_TALLIES, 'old')} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${addTallies(REGISTRATION_TALLIES, 'new')} end if;
      return null; end $$`,
    `create trigger registrations_tallies after insert or delete or update of status, session_id, late_cancellation
      on registrations for each row execute function session_tallies_from_registrations()`,
    `create function session_tallies_from_feedback() returns trigger language plpgsql as $$ begin
      if tg_op in ('UPDATE', 'DELETE') then ${subtractTallies(FEEDBACK_TALLIES, 'old')} end if;
      if tg_op in ('UPDATE', 'INSERT') then ${addTallies(FEEDBACK_TALLIES, 'new')} end if;
      return null; end $$`,
    `create trigger feedback_tallies after insert or delete or update of status, rating, usefulness, session_id
      on feedback for each row execute function session_tallies_from_feedback()`,
    `create function learning_days_from_registrations() returns trigger language plpgsql as $$ begin
      if tg_op in ('UPDATE', 'DELETE') and old.status = 'attended' then ${removeDay(true, 'old.person_id', 'old.session_id')} end if;
      if tg_op in ('UPDATE', 'INSERT') and new.status = 'attended' then ${addDay(true, 'new.person_id', 'new.session_id')} end if;
      return null; end $$`,
    `create trigger registrations_days after insert or delete or update of status, session_id, person_id
      on registrations for each row execute function learning_days_from_registrations()`,
    `create function learning_days_from_sessions() returns trigger language plpgsql as $$ begin
      if old.starts_at is not distinct from new.starts_at and old.status is not distinct from new.status then return null; end if;
      if old.status = 'scheduled' then ${moveDays(true, 'old', '-')} end if;
      if new.status = 'scheduled' then ${moveDays(true, 'new', '+')} end if;
      return null; end $$`,
    `create trigger sessions_days after update of starts_at, status on sessions
      for each row execute function learning_days_from_sessions()`,
    `create function session_rollups_before_delete() returns trigger language plpgsql as $$ begin
      if old.status = 'scheduled' then ${moveDays(true, 'old', '-')} end if;
      delete from session_tallies where session_id = old.id;
      return old; end $$`,
    `create trigger sessions_rollups_delete before delete on sessions for each row execute function session_rollups_before_delete()`,
    `create function learner_months_from_days() returns trigger language plpgsql as $$ begin
      if tg_op = 'INSERT' then ${setMonth(true)} else ${recountMonth(true)} end if;
      return null; end $$`,
    `create trigger learning_days_months after insert or delete on learning_days
      for each row execute function learner_months_from_days()`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await createTables(db, postgres);
  await backfill(db, postgres);
  // Planner statistics for the new tables now, not whenever autovacuum or `pragma optimize` gets to them.
  for (const table of ['session_tallies', 'learning_days', 'learner_months']) await sql.raw(`analyze ${table}`).execute(db);
  if (postgres) await createPostgresTriggers(db);
  else await createSqliteTriggers(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    for (const [trigger, table, fn] of [
      ['registrations_tallies', 'registrations', 'session_tallies_from_registrations'],
      ['feedback_tallies', 'feedback', 'session_tallies_from_feedback'],
      ['registrations_days', 'registrations', 'learning_days_from_registrations'],
      ['sessions_days', 'sessions', 'learning_days_from_sessions'],
      ['sessions_rollups_delete', 'sessions', 'session_rollups_before_delete'],
      ['learning_days_months', 'learning_days', 'learner_months_from_days'],
    ]) {
      await sql.raw(`drop trigger ${trigger} on ${table}`).execute(db);
      await sql.raw(`drop function ${fn}()`).execute(db);
    }
  } else {
    for (const name of [
      'registrations_tallies_insert',
      'registrations_tallies_delete',
      'registrations_tallies_update',
      'feedback_tallies_insert',
      'feedback_tallies_delete',
      'feedback_tallies_update',
      'registrations_days_insert',
      'registrations_days_delete',
      'registrations_days_update_old',
      'registrations_days_update_new',
      'sessions_days_update',
      'sessions_rollups_delete',
      'learning_days_month_insert',
      'learning_days_month_delete',
    ]) {
      await sql.raw(`drop trigger ${name}`).execute(db);
    }
  }
  await db.schema.dropIndex('workshops_format_idx').execute();
  await db.schema.dropIndex('people_team_idx').execute();
  await db.schema.dropIndex('sessions_workshop_status_idx').execute();
  await db.schema.dropTable('learner_months').execute();
  await db.schema.dropTable('learning_days').execute();
  await db.schema.dropTable('session_tallies').execute();
}
