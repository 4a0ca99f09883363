import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * SCIM 2.0 provisioning (issue 15): the identity provider keeps the directory.
 *
 * - people.scim_user_name: the provider's userName when it is not the person's email (Entra's
 *   user principal name, say); null means the email is the userName. Stored lower-cased.
 * - people.external_id: the provider's own id for the person (SCIM externalId).
 * - people.scim_deleted_at: the provider deleted the person. Lyceum keeps them (deactivated) for
 *   the figures, but SCIM answers 404 for them from then on, as the protocol expects.
 * - scim_groups, scim_group_members: the provider's groups; members of the admin groups are admins.
 * - scim_tokens: bearer tokens made with `lyceum scim-token create`, stored as SHA-256 hashes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('people').addColumn('scim_user_name', 'text').execute();
  await db.schema.alterTable('people').addColumn('external_id', 'text').execute();
  await db.schema.alterTable('people').addColumn('scim_deleted_at', ts).execute();
  await db.schema.createIndex('people_scim_user_name').on('people').column('scim_user_name').execute();
  await db.schema.createIndex('people_external_id').on('people').column('external_id').execute();

  await db.schema
    .createTable('scim_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('scim_groups_display_name').on('scim_groups').column('display_name').execute();
  await db.schema
    .createTable('scim_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('scim_groups.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('scim_group_members_pk', ['group_id', 'person_id'])
    .execute();
  await db.schema.createIndex('scim_group_members_person').on('scim_group_members').column('person_id').execute();

  await db.schema
    .createTable('scim_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('revoked_at', ts)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('scim_tokens').execute();
  await db.schema.dropTable('scim_group_members').execute();
  await db.schema.dropTable('scim_groups').execute();
  await db.schema.dropIndex('people_external_id').execute();
  await db.schema.dropIndex('people_scim_user_name').execute();
  await db.schema.alterTable('people').dropColumn('scim_deleted_at').execute();
  await db.schema.alterTable('people').dropColumn('external_id').execute();
  await db.schema.alterTable('people').dropColumn('scim_user_name').execute();
}
