import type { z } from 'zod';
import type { webhookEventType } from '../../../../contracts/index.js';
import { newId } from '../../../platform/ids.js';
import type { outboxRepository } from '../../../platform/outbox/outbox.repository.js';
import type { Executor } from '../../../platform/transaction.js';
import type { WebhookRow, webhooksRepository } from './webhooks.repository.js';

/** The events integrators subscribe to (the contract lists them). */
export type WebhookEvent = z.infer<typeof webhookEventType>;

/** What a delivery's body holds (signed as sent). */
export interface WebhookBody {
  id: string;
  type: WebhookEvent | 'ping';
  occurredAt: string;
  data: Record<string, unknown>;
}

/** How long the list of active subscriptions is reused: every registration asks for it. */
const SUBSCRIPTIONS_TTL_MS = 3000;

/**
 * Events for integrators: one outbox message per subscription that wants the event, written in
 * the transaction of the change, carrying the state at that moment.
 */
export class WebhookEvents {
  private cached: { at: number; rows: { row: WebhookRow; events: Set<string> }[] } | undefined;

  constructor(
    private readonly outbox: typeof outboxRepository,
    private readonly webhooks: typeof webhooksRepository,
  ) {}

  /** After a subscription changed on this instance: read them afresh (others see it within seconds). */
  forget(): void {
    this.cached = undefined;
  }

  /** `key` names the change, so the same change recorded twice is delivered once per subscription. */
  async emit(
    db: Executor,
    type: WebhookEvent,
    key: string,
    data: Record<string, unknown>,
    refs: { personId?: string; sessionId?: string } = {},
  ) {
    const subscribers = (await this.subscriptions(db)).filter((s) => s.events.has(type));
    if (subscribers.length === 0) return;
    const now = new Date().toISOString();
    await this.outbox.enqueue(
      db,
      subscribers.map(({ row }) => {
        const id = newId();
        const body: WebhookBody = { id, type, occurredAt: now, data };
        return {
          id,
          channel: 'webhook' as const,
          topic: type,
          dedup_key: `webhook:${row.id}:${type}:${key}`,
          payload: JSON.stringify(body),
          person_id: refs.personId ?? null,
          session_id: refs.sessionId ?? null,
          subscription_id: row.id,
          created_at: now,
        };
      }),
    );
  }

  async listening(db: Executor, type: WebhookEvent): Promise<boolean> {
    return (await this.subscriptions(db)).some((s) => s.events.has(type));
  }

  private async subscriptions(db: Executor) {
    if (!this.cached || Date.now() - this.cached.at > SUBSCRIPTIONS_TTL_MS) {
      const rows = await this.webhooks.active(db);
      this.cached = { at: Date.now(), rows: rows.map((row) => ({ row, events: new Set(JSON.parse(row.events) as string[]) })) };
    }
    return this.cached.rows;
  }
}
