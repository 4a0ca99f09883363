import { type Kysely, sql } from 'kysely';
import { timestampType } from './column-types.js';

export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema.alterTable('sessions').addColumn('online_seats', 'integer').execute();
  await db.schema.alterTable('sessions').addColumn('registration_opens_at', ts).execute();
  await db.schema.alterTable('sessions').addColumn('registration_closes_at', ts).execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('promotion', 'text', (c) => c.notNull().defaultTo('auto'))
    .execute();
  await db.schema
    .alterTable('sessions')
    .addColumn('offer_hours', 'integer', (c) => c.notNull().defaultTo(24))
    .execute();
  await db.schema.alterTable('sessions').addColumn('check_in_code', 'text').execute();
  await db.schema
    .alterTable('workshops')
    .addColumn('is_series', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer')
    .addColumn('offer_expires_at', ts)
    .addColumn('late_cancellation', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('series_key', 'text')
    .addColumn('checked_in_at', ts)
    .addColumn('cancelled_at', ts)
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // One active registration per person and session: the database refuses a second one.
  await db.schema
    .createIndex('registrations_active_person_uq')
    .on('registrations')
    .columns(['session_id', 'person_id'])
    .unique()
    .where(sql.ref('status'), '<>', 'cancelled')
    .execute();
  // Seat counts and the waitlist per session and mode.
  await db.schema.createIndex('registrations_pool_idx').on('registrations').columns(['session_id', 'mode', 'status', 'position']).execute();
  await db.schema.createIndex('registrations_person_idx').on('registrations').columns(['person_id', 'status']).execute();
  await db.schema.createIndex('registrations_offer_idx').on('registrations').columns(['status', 'offer_expires_at']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('status_code', 'integer', (c) => c.notNull())
    .addColumn('response', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['person_id', 'key'])
    .execute();

  await db.schema
    .createTable('session_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', ts, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_messages_session_idx').on('session_messages').columns(['session_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('session_messages').execute();
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('registrations').execute();
  for (const column of ['check_in_code', 'offer_hours', 'promotion', 'registration_closes_at', 'registration_opens_at', 'online_seats']) {
    await db.schema.alterTable('sessions').dropColumn(column).execute();
  }
  await db.schema.alterTable('workshops').dropColumn('is_series').execute();
}
