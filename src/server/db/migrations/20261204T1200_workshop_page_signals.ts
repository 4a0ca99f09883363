import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Workshop page changes as change signals (issue 17). On PostgreSQL each instance keeps the
 * workshop pages it read (modules/workshops/workshop-pages.ts), so the page most people open is
 * answered without a database read; these triggers NOTIFY every instance (channel lyceum_changes,
 * topic 'workshop-page', the workshops' ids) when anything the page shows changes: the workshop's
 * own columns, its hosts (and a host's name or title), tags, channels (and a channel's name),
 * checklist (run, answers, items, template name) and its sessions' schedule (the page counts the
 * upcoming ones). Triggers, so every path is caught: the API, the command line, plain SQL.
 *
 * Row counts per statement decide the shape: inserts and deletes, which seeds and cascades make
 * by the thousand, signal once per statement (transition tables), naming "everyone" beyond
 * MOST_NAMED workshops (a payload holds at most 8,000 bytes). Updates signal per row behind a
 * WHEN on the columns the page shows, so the updates that do not change it (a registration moving
 * a session's kept seat counts, the popularity recount) never run a trigger function.
 *
 * SQLite has one instance, which reads the page from the database on every request.
 */
const MOST_NAMED = 50;
const TOPIC = 'workshop-page';

const notify = (payload: string) =>
  `perform pg_notify('lyceum_changes', json_build_object('topic', '${TOPIC}', 'schema', current_schema(), 'payload', ${payload})::text);`;
const named = (ids: string) => `case when cardinality(${ids}) > ${MOST_NAMED} then '*' else array_to_string(${ids}, ',') end`;

const fn = (name: string, body: string, declare = '') =>
  `create function ${name}() returns trigger language plpgsql as $$
    ${declare}
    begin
      ${body}
      return null;
    end $$`;
/** A function that signals the workshops `select` puts into `ids` (none: nothing to say). */
const signalIds = (name: string, select: string) =>
  fn(name, `${select}; if ids is null then return null; end if; ${notify(named('ids'))}`, 'declare ids text[];');

const FUNCTIONS = [
  // Statement level: the changed rows are in `changed`; TG_ARGV[0] names their workshop column.
  signalIds('lyceum_workshop_pages_changed', "execute format('select array_agg(distinct %I::text) from changed', tg_argv[0]) into ids"),
  signalIds(
    'lyceum_workshop_pages_answers_changed',
    'select array_agg(distinct r.workshop_id) into ids from changed c join checklist_runs r on r.id = c.run_id',
  ),
  signalIds('lyceum_workshop_page_host_changed', 'select array_agg(workshop_id) into ids from workshop_hosts where person_id = new.id'),
  // Row level, behind a WHEN: the row's workshop before and after (a session may move to another).
  fn(
    'lyceum_workshop_page_row_changed',
    notify("case when old.workshop_id = new.workshop_id then new.workshop_id else old.workshop_id || ',' || new.workshop_id end"),
  ),
  fn('lyceum_workshop_page_workshop_changed', notify('new.id')),
  fn('lyceum_workshop_pages_all_changed', notify("'*'")),
];

/** Columns of `workshops` the page shows or its view rule reads (not popularity: the recount). */
const WORKSHOP_COLUMNS = [
  'title',
  'summary',
  'description',
  'audience',
  'objectives',
  'prerequisites',
  'format',
  'duration_minutes',
  'materials',
  'status',
  'created_at',
  'updated_at',
  'published_at',
  'is_series',
  'language',
];
const distinct = (columns: string[]) =>
  `row(${columns.map((c) => `old.${c}`).join(', ')}) is distinct from row(${columns.map((c) => `new.${c}`).join(', ')})`;

/** Tables whose inserts and deletes signal per statement, with their workshop column. */
const BY_STATEMENT: [table: string, column: string][] = [
  ['workshops', 'id'],
  ['workshop_hosts', 'workshop_id'],
  ['workshop_tags', 'workshop_id'],
  ['workshop_channels', 'workshop_id'],
  ['checklist_runs', 'workshop_id'],
  ['sessions', 'workshop_id'],
];

interface Trigger {
  name: string;
  table: string;
  /** What follows `create trigger <name>`. */
  definition: string;
}

function triggers(): Trigger[] {
  const list: Trigger[] = [];
  const add = (name: string, table: string, definition: string) => list.push({ name, table, definition });
  for (const [table, column] of BY_STATEMENT) {
    for (const [event, rows] of [
      ['insert', 'new'],
      ['delete', 'old'],
    ] as const) {
      if (table === 'workshops' && event === 'insert') continue; // a new workshop has no page kept yet
      add(
        `${table}_page_signal_${event}`,
        table,
        `after ${event} on ${table} referencing ${rows} table as changed
          for each statement execute function lyceum_workshop_pages_changed('${column}')`,
      );
    }
  }
  for (const table of ['workshop_hosts', 'workshop_tags', 'workshop_channels', 'checklist_runs'])
    add(`${table}_page_signal_update`, table, `after update on ${table} for each row execute function lyceum_workshop_page_row_changed()`);
  add(
    'sessions_page_signal_update',
    'sessions',
    `after update on sessions for each row
      when (${distinct(['workshop_id', 'status', 'starts_at'])}) execute function lyceum_workshop_page_row_changed()`,
  );
  add(
    'workshops_page_signal_update',
    'workshops',
    `after update on workshops for each row
      when (${distinct(WORKSHOP_COLUMNS)}) execute function lyceum_workshop_page_workshop_changed()`,
  );
  add(
    'people_page_signal_update',
    'people',
    `after update on people for each row
      when (${distinct(['name', 'title'])}) execute function lyceum_workshop_page_host_changed()`,
  );
  for (const [event, rows] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const)
    add(
      `checklist_answers_page_signal_${event}`,
      'checklist_answers',
      `after ${event} on checklist_answers referencing ${rows} table as changed
        for each statement execute function lyceum_workshop_pages_answers_changed()`,
    );
  // Rare and shared by many workshops: every page is read again.
  add(
    'channels_page_signal_update',
    'channels',
    `after update on channels for each row
      when (${distinct(['slug', 'name'])}) execute function lyceum_workshop_pages_all_changed()`,
  );
  add(
    'checklist_templates_page_signal_update',
    'checklist_templates',
    `after update on checklist_templates for each row
      when (${distinct(['name'])}) execute function lyceum_workshop_pages_all_changed()`,
  );
  add(
    'checklist_items_page_signal',
    'checklist_items',
    'after insert or update or delete on checklist_items for each statement execute function lyceum_workshop_pages_all_changed()',
  );
  return list;
}

const functionName = (definition: string) => /create function (\w+)\(\)/.exec(definition)?.[1] as string;

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const definition of FUNCTIONS) await sql.raw(definition).execute(db);
  for (const trigger of triggers()) await sql.raw(`create trigger ${trigger.name} ${trigger.definition}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const trigger of triggers()) await sql.raw(`drop trigger ${trigger.name} on ${trigger.table}`).execute(db);
  for (const definition of FUNCTIONS) await sql.raw(`drop function ${functionName(definition)}()`).execute(db);
}
