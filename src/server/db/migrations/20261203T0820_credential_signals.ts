import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * Credential changes as change signals (issue 17). Each instance answers valid API tokens and
 * browser sessions from memory for a few seconds (AUTH_CACHE_MS); on PostgreSQL these triggers
 * NOTIFY every instance (channel lyceum_changes, topic 'credentials', the person's id) when
 * someone's token is revoked, deleted or changed, a live session ends, or the person is
 * deactivated, erased, deleted, renamed or given another role or time zone. Triggers, not only
 * service code, so every path is caught: the API, the command line in another process, plain SQL.
 * PostgreSQL delivers a notification when its transaction commits, and folds identical ones.
 *
 * SQLite has one instance and its signals stay in the process: the services send them there.
 * Updates of `last_used_at` (batched by the server) and expired sessions swept away notify nobody.
 */
const NOTIFY_FUNCTION = `create function lyceum_credentials_changed() returns trigger language plpgsql as $$
  begin
    -- tg_argv[0]: the column that holds the person's id in this table.
    perform pg_notify('lyceum_changes', json_build_object(
      'topic', 'credentials', 'schema', current_schema(), 'payload', to_jsonb(old) ->> tg_argv[0])::text);
    return null;
  end $$`;

const distinct = (columns: string[]) =>
  `row(${columns.map((c) => `old.${c}`).join(', ')}) is distinct from row(${columns.map((c) => `new.${c}`).join(', ')})`;

const TRIGGERS = [
  `create trigger people_credentials_update after update on people for each row
    when (${distinct(['role', 'active', 'name', 'time_zone'])}) execute function lyceum_credentials_changed('id')`,
  `create trigger people_credentials_delete after delete on people for each row execute function lyceum_credentials_changed('id')`,
  `create trigger api_tokens_credentials_update after update on api_tokens for each row
    when (${distinct(['person_id', 'token_hash', 'scope', 'expires_at', 'revoked_at'])})
    execute function lyceum_credentials_changed('person_id')`,
  `create trigger api_tokens_credentials_delete after delete on api_tokens for each row execute function lyceum_credentials_changed('person_id')`,
  `create trigger login_sessions_credentials_update after update on login_sessions for each row
    when (${distinct(['person_id', 'token_hash', 'csrf_token', 'expires_at'])})
    execute function lyceum_credentials_changed('person_id')`,
  `create trigger login_sessions_credentials_delete after delete on login_sessions for each row
    when (old.expires_at > now()) execute function lyceum_credentials_changed('person_id')`,
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql.raw(NOTIFY_FUNCTION).execute(db);
  for (const trigger of TRIGGERS) await sql.raw(trigger).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const [table, kinds] of [
    ['people', ['update', 'delete']],
    ['api_tokens', ['update', 'delete']],
    ['login_sessions', ['update', 'delete']],
  ] as const) {
    for (const kind of kinds) await sql.raw(`drop trigger ${table}_credentials_${kind} on ${table}`).execute(db);
  }
  await sql.raw('drop function lyceum_credentials_changed()').execute(db);
}
