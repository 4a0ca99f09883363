import type { Kysely } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * Delivery machinery: the outbox (messages written in the transaction of the change that causes
 * them, delivered by a worker with retries), the built-in mailbox that holds mail when no SMTP
 * server is configured, each person's calendar invitation per session (UID and SEQUENCE), and the
 * secret addresses of personal calendar feeds.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    // The same message enqueued twice (a retried request, two instances) is kept once.
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull())
    // Who and what it is about, for the admins' outbox page (the payload has the same ids).
    .addColumn('person_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('run_at', ts, (c) => c.notNull())
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', ts)
    .addColumn('last_error', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('done_at', ts)
    .execute();
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('mailbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // One mail per outbox message, however often it is delivered.
    .addColumn('outbox_id', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('calendar', 'text')
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mailbox_created_idx').on('mailbox').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('calendar_invites')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_invites_pk', ['session_id', 'person_id'])
    .execute();

  // The secret address of a person's calendar feed. Kept as is, not hashed: the profile shows the
  // address again whenever asked (as calendar services do); replacing it is the way to revoke it.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id').onDelete('cascade'))
    .addColumn('token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('calendar_invites').execute();
  await db.schema.dropTable('mailbox').execute();
  await db.schema.dropTable('outbox').execute();
}
