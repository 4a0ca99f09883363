import { type Kysely, PostgresAdapter, sql } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * Discovery: channels (topic hubs) and who follows what, "notify me when it runs again",
 * workshop requests with votes, a language per workshop, and the full-text index of workshops
 * (SQLite FTS5 / PostgreSQL tsvector + GIN), kept by catalog/search-index.repository.ts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .alterTable('workshops')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
  // Registrations of the last year, refreshed by a periodic job: "most popular" without counting at query time.
  await db.schema
    .alterTable('workshops')
    .addColumn('popularity', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('workshops_published_idx').on('workshops').columns(['status', 'published_at', 'id']).execute();
  await db.schema.createIndex('sessions_location_idx').on('sessions').columns(['location', 'starts_at']).execute();

  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('channel_owners')
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('channel_owners_pk', ['channel_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('workshop_channels')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('workshop_channels_pk', ['workshop_id', 'channel_id'])
    .execute();
  await db.schema.createIndex('workshop_channels_channel_idx').on('workshop_channels').columns(['channel_id', 'workshop_id']).execute();

  // Follows: a channel or a host.
  await db.schema
    .createTable('follows')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['person_id', 'kind', 'target_id'])
    .execute();
  await db.schema.createIndex('follows_target_idx').on('follows').columns(['kind', 'target_id']).execute();

  // "Notify me when it runs again".
  await db.schema
    .createTable('workshop_interest')
    .addColumn('workshop_id', 'text', (c) => c.notNull().references('workshops.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('workshop_interest_pk', ['workshop_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('workshop_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('claimed_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('workshop_id', 'text', (c) => c.references('workshops.id').onDelete('set null'))
    .addColumn('votes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workshop_requests_votes_idx').on('workshop_requests').columns(['status', 'votes', 'id']).execute();
  await db.schema
    .createTable('request_votes')
    .addColumn('request_id', 'text', (c) => c.notNull().references('workshop_requests.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('request_votes_pk', ['request_id', 'person_id'])
    .execute();

  if (postgres) {
    await sql`create table workshop_search (
      workshop_id text primary key references workshops(id) on delete cascade,
      title text not null,
      document tsvector not null
    )`.execute(db);
    await sql`create index workshop_search_document_idx on workshop_search using gin (document)`.execute(db);
  } else {
    // Prefix indexes make "kube*" as cheap as "kubernetes"; diacritics fold ("café" finds "cafe").
    await sql`create virtual table workshop_search using fts5(
      workshop_id unindexed, title, summary, description, tags, channels, hosts,
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table workshop_search`.execute(db);
  for (const table of [
    'request_votes',
    'workshop_requests',
    'workshop_interest',
    'follows',
    'workshop_channels',
    'channel_owners',
    'channels',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('sessions_location_idx').execute();
  await db.schema.dropIndex('workshops_published_idx').execute();
  await db.schema.alterTable('workshops').dropColumn('language').execute();
  await db.schema.alterTable('workshops').dropColumn('popularity').execute();
}
