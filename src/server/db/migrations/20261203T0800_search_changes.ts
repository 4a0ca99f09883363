import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * What changed for search (issue 17): each instance keeps the catalog's searchable data in memory
 * (modules/catalog/search-memory.ts) and reads here which workshops to read again. Triggers, not
 * service code, write it, so every path sees the same index: the API, the CLI in another process,
 * the seeds, and plain SQL. A row names a workshop whose search data changed (its row, tags,
 * channels, hosts, a host's name or title, a session's schedule, place, seats or recording); a row
 * without a workshop says the channel list changed. On PostgreSQL each change also NOTIFYs the
 * instances (one notification per transaction: identical payloads are folded), which read the log
 * at once instead of at their next search.
 *
 * A session's kept seat counts change with every registration; only a change of "has a seat left"
 * (the search filter) is logged, so registering does not touch the log in the common case.
 */
const SESSION_COLUMNS = [
  'workshop_id',
  'status',
  'starts_at',
  'ends_at',
  'time_zone',
  'mode',
  'location',
  'seats',
  'online_seats',
  'recording_url',
];
const WORKSHOP_COLUMNS = ['status', 'title', 'summary', 'description', 'language', 'format', 'popularity', 'published_at', 'created_at'];

/** search.repository.ts's seatsLeft, on the row before or after an update. */
const seatLeft = (r: 'old' | 'new') => `(${r}.seats is null
  or (${r}.mode <> 'online' and ${r}.seats > ${r}.in_person_taken)
  or (${r}.mode = 'online' and ${r}.seats > ${r}.online_taken)
  or (${r}.mode = 'hybrid' and (${r}.online_seats is null or ${r}.online_seats > ${r}.online_taken)))`;

const NOTIFY = `perform pg_notify('lyceum_changes', json_build_object('topic', 'search', 'schema', current_schema(), 'payload', '')::text);`;

/** Tables whose rows carry a workshop_id: each insert, delete and update logs it. */
const BY_WORKSHOP = ['workshop_tags', 'workshop_channels', 'workshop_hosts'];

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`create table search_changes (
      seq bigint generated always as identity primary key,
      workshop_id text,
      changed_at timestamptz not null default now()
    )`.execute(db);
    const fn = (name: string, body: string) =>
      sql.raw(`create function ${name}() returns trigger language plpgsql as $$
        begin
          ${body}
          ${NOTIFY}
          return null;
        end $$`);
    const byRow = `if tg_op in ('UPDATE', 'DELETE') then insert into search_changes (workshop_id) values (old.workshop_id); end if;
      if tg_op in ('UPDATE', 'INSERT') then insert into search_changes (workshop_id) values (new.workshop_id); end if;`;
    await fn('search_log_by_workshop_id', byRow).execute(db);
    await fn(
      'search_log_workshop',
      `if tg_op = 'DELETE' then insert into search_changes (workshop_id) values (old.id);
      else insert into search_changes (workshop_id) values (new.id); end if;`,
    ).execute(db);
    await fn(
      'search_log_channel',
      `insert into search_changes (workshop_id) values (null);
      if tg_op = 'UPDATE' then insert into search_changes (workshop_id) select workshop_id from workshop_channels where channel_id = new.id; end if;`,
    ).execute(db);
    await fn(
      'search_log_host',
      'insert into search_changes (workshop_id) select workshop_id from workshop_hosts where person_id = new.id;',
    ).execute(db);
    const distinct = (columns: string[]) =>
      `row(${columns.map((c) => `old.${c}`).join(', ')}) is distinct from row(${columns.map((c) => `new.${c}`).join(', ')})`;
    for (const table of BY_WORKSHOP) {
      await sql
        .raw(`create trigger ${table}_search_changes after insert or update or delete on ${table}
          for each row execute function search_log_by_workshop_id()`)
        .execute(db);
    }
    await sql
      .raw(`create trigger sessions_search_changes after insert or delete on sessions
        for each row execute function search_log_by_workshop_id()`)
      .execute(db);
    await sql
      .raw(`create trigger sessions_search_changes_update after update on sessions for each row
        when (${distinct(SESSION_COLUMNS)} or ${seatLeft('old')} is distinct from ${seatLeft('new')})
        execute function search_log_by_workshop_id()`)
      .execute(db);
    await sql
      .raw(`create trigger workshops_search_changes after insert or delete on workshops
        for each row execute function search_log_workshop()`)
      .execute(db);
    await sql
      .raw(`create trigger workshops_search_changes_update after update on workshops for each row
        when (${distinct(WORKSHOP_COLUMNS)}) execute function search_log_workshop()`)
      .execute(db);
    await sql
      .raw(`create trigger channels_search_changes after insert or delete on channels
        for each row execute function search_log_channel()`)
      .execute(db);
    await sql
      .raw(`create trigger channels_search_changes_update after update on channels for each row
        when (${distinct(['slug', 'name'])}) execute function search_log_channel()`)
      .execute(db);
    await sql
      .raw(`create trigger people_search_changes after update on people for each row
        when (${distinct(['name', 'title'])}) execute function search_log_host()`)
      .execute(db);
  } else {
    // AUTOINCREMENT: a sequence number is never reused, even after the log is pruned empty.
    await sql`create table search_changes (
      seq integer primary key autoincrement,
      workshop_id text,
      changed_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    )`.execute(db);
    const log = (row: 'new' | 'old') => `insert into search_changes (workshop_id) values (${row}.workshop_id);`;
    const changed = (columns: string[]) => columns.map((c) => `old.${c} is not new.${c}`).join(' or ');
    for (const table of [...BY_WORKSHOP, 'sessions']) {
      await sql.raw(`create trigger ${table}_search_changes_insert after insert on ${table} begin ${log('new')} end`).execute(db);
      await sql.raw(`create trigger ${table}_search_changes_delete after delete on ${table} begin ${log('old')} end`).execute(db);
    }
    for (const table of BY_WORKSHOP) {
      await sql
        .raw(`create trigger ${table}_search_changes_update after update on ${table} begin ${log('old')} ${log('new')} end`)
        .execute(db);
    }
    await sql
      .raw(`create trigger sessions_search_changes_update after update on sessions
        when ${changed(SESSION_COLUMNS)} or ${seatLeft('old')} is not ${seatLeft('new')}
        begin ${log('old')} ${log('new')} end`)
      .execute(db);
    await sql
      .raw(`create trigger workshops_search_changes_insert after insert on workshops
        begin insert into search_changes (workshop_id) values (new.id); end`)
      .execute(db);
    await sql
      .raw(`create trigger workshops_search_changes_delete after delete on workshops
        begin insert into search_changes (workshop_id) values (old.id); end`)
      .execute(db);
    await sql
      .raw(`create trigger workshops_search_changes_update after update on workshops when ${changed(WORKSHOP_COLUMNS)}
        begin insert into search_changes (workshop_id) values (new.id); end`)
      .execute(db);
    await sql
      .raw(`create trigger channels_search_changes_insert after insert on channels
        begin insert into search_changes (workshop_id) values (null); end`)
      .execute(db);
    await sql
      .raw(`create trigger channels_search_changes_delete after delete on channels
        begin insert into search_changes (workshop_id) values (null); end`)
      .execute(db);
    await sql
      .raw(`create trigger channels_search_changes_update after update on channels when ${changed(['slug', 'name'])}
        begin insert into search_changes (workshop_id) values (null);
          insert into search_changes (workshop_id) select workshop_id from workshop_channels where channel_id = new.id; end`)
      .execute(db);
    await sql
      .raw(`create trigger people_search_changes_update after update on people when ${changed(['name', 'title'])}
        begin insert into search_changes (workshop_id) select workshop_id from workshop_hosts where person_id = new.id; end`)
      .execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    for (const table of [...BY_WORKSHOP, 'sessions', 'workshops', 'channels']) {
      await sql.raw(`drop trigger ${table}_search_changes on ${table}`).execute(db);
    }
    for (const table of ['sessions', 'workshops', 'channels']) {
      await sql.raw(`drop trigger ${table}_search_changes_update on ${table}`).execute(db);
    }
    await sql`drop trigger people_search_changes on people`.execute(db);
    for (const fn of ['search_log_by_workshop_id', 'search_log_workshop', 'search_log_channel', 'search_log_host']) {
      await sql.raw(`drop function ${fn}()`).execute(db);
    }
  } else {
    for (const table of [...BY_WORKSHOP, 'sessions', 'workshops', 'channels']) {
      for (const op of ['insert', 'delete', 'update']) await sql.raw(`drop trigger ${table}_search_changes_${op}`).execute(db);
    }
    await sql`drop trigger people_search_changes_update`.execute(db);
  }
  await sql`drop table search_changes`.execute(db);
}
