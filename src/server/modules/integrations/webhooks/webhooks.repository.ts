import type { Insertable, Selectable, Updateable } from 'kysely';
import type { WebhookSubscriptionsTable } from '../../../db/schema.js';
import type { Executor } from '../../../platform/transaction.js';

export type WebhookRow = Selectable<WebhookSubscriptionsTable>;

export const webhooksRepository = {
  list(db: Executor): Promise<WebhookRow[]> {
    return db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').orderBy('id').execute();
  },

  /** Active subscriptions, all of them: a handful per company, filtered by event type by the caller. */
  active(db: Executor): Promise<WebhookRow[]> {
    return db.selectFrom('webhook_subscriptions').selectAll().where('active', '=', 1).execute();
  },

  findById(db: Executor, id: string): Promise<WebhookRow | undefined> {
    return db.selectFrom('webhook_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: Executor, row: Insertable<WebhookSubscriptionsTable>): Promise<void> {
    await db.insertInto('webhook_subscriptions').values(row).execute();
  },

  async update(db: Executor, id: string, changes: Updateable<WebhookSubscriptionsTable>): Promise<void> {
    await db.updateTable('webhook_subscriptions').set(changes).where('id', '=', id).execute();
  },

  async delete(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('webhook_subscriptions').where('id', '=', id).execute();
  },

  /** The delivery log: a subscription's outbox messages, newest first. */
  deliveries(db: Executor, subscriptionId: string, limit: number) {
    return db
      .selectFrom('outbox')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },
};
