import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('workshops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('audience', 'text')
    .addColumn('objectives', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('prerequisites', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addColumn('published_at', ts)
    .execute();
  await db.schema.createIndex('workshops_created_idx').on('workshops').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('workshop_hosts')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_hosts_pk', ['workshop_id', 'person_id'])
    .execute();
  await db.schema.createIndex('workshop_hosts_person_idx').on('workshop_hosts').column('person_id').execute();

  await db.schema
    .createTable('workshop_tags')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_tags_pk', ['workshop_id', 'tag'])
    .execute();
  await db.schema.createIndex('workshop_tags_tag_idx').on('workshop_tags').columns(['tag', 'workshop_id']).execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('starts_at', ts, (c) => c.notNull())
    .addColumn('ends_at', ts, (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('location', 'text')
    .addColumn('video_url', 'text')
    .addColumn('seats', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('cancelled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The catalog walks upcoming sessions in start order.
  await db.schema.createIndex('sessions_starts_idx').on('sessions').columns(['starts_at', 'id']).execute();
  await db.schema.createIndex('sessions_workshop_idx').on('sessions').columns(['workshop_id', 'starts_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
  await db.schema.dropTable('workshop_tags').execute();
  await db.schema.dropTable('workshop_hosts').execute();
  await db.schema.dropTable('workshops').execute();
}
