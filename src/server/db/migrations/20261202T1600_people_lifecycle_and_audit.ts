import { type Kysely, sql } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * People who leave, and the record of who did what.
 *
 * - people.active: 0 once deactivated (by an admin or SCIM `active: false`); sign-in, browser
 *   sessions, API tokens and calendar feeds stop at once; history stays for the figures.
 *   deactivated_at / deactivated_by say when and by whom; erased_at marks an erasure (name and
 *   email replaced, irreversible). role_source: 'manual' when an admin set the role by hand,
 *   'directory' when group claims of the identity provider did (only those are taken back).
 * - audit_log: append-only; who (actor id and a label kept even after erasure), what (action,
 *   target), when, from where (address) and the request id. Kept AUDIT_RETENTION_DAYS.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .alterTable('people')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`))
    .execute();
  await db.schema.alterTable('people').addColumn('deactivated_at', ts).execute();
  await db.schema.alterTable('people').addColumn('deactivated_by', 'text').execute();
  await db.schema.alterTable('people').addColumn('erased_at', ts).execute();
  await db.schema
    .alterTable('people')
    .addColumn('role_source', 'text', (c) => c.notNull().defaultTo('manual').check(sql`role_source in ('manual', 'directory')`))
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', ts, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_actor_idx').on('audit_log').columns(['actor_id', 'at']).execute();
  await db.schema.createIndex('audit_log_action_idx').on('audit_log').columns(['action', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  for (const column of ['role_source', 'erased_at', 'deactivated_by', 'deactivated_at', 'active']) {
    await db.schema.alterTable('people').dropColumn(column).execute();
  }
}
