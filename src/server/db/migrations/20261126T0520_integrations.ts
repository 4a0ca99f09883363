import { type Kysely, sql } from 'kysely';
import { timestampType } from './column-types.js';

/**
 * Where messages can go besides email: outgoing webhooks for integrators (subscriptions by event
 * type, each delivery an outbox message), a Slack incoming webhook per channel, and each
 * person's choice per kind of message (email, Slack or nothing).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const ts = timestampType(db);
  await db.schema
    .createTable('webhook_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // JSON list of event types.
    .addColumn('events', 'text', (c) => c.notNull())
    // Signs each body (HMAC-SHA256); kept to sign, shown to admins once when created.
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', ts, (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .execute();
  // The delivery log of a subscription is its outbox messages.
  await db.schema.alterTable('outbox').addColumn('subscription_id', 'text').execute();
  // Partial: most messages are mail, and every registration writes one; only webhook deliveries need it.
  await db.schema
    .createIndex('outbox_subscription_idx')
    .on('outbox')
    .columns(['subscription_id', 'created_at'])
    .where(sql.ref('subscription_id'), 'is not', null)
    .execute();

  await db.schema.alterTable('channels').addColumn('slack_webhook_url', 'text').execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('updated_at', ts, (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['person_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.alterTable('channels').dropColumn('slack_webhook_url').execute();
  await db.schema.dropIndex('outbox_subscription_idx').execute();
  await db.schema.alterTable('outbox').dropColumn('subscription_id').execute();
  await db.schema.dropTable('webhook_subscriptions').execute();
}
