import type { z } from 'zod';
import type {
  CreatedWebhook,
  createWebhookBody,
  OutboxMessage,
  updateWebhookBody,
  WebhookSubscription,
} from '../../../../contracts/index.js';
import type { Actor } from '../../../platform/actor.js';
import { notFound } from '../../../platform/errors.js';
import { newId, nowIso } from '../../../platform/ids.js';
import { assertPublicDestination, type Outbound } from '../../../platform/outbound/index.js';
import { presentMessage } from '../../../platform/outbox/outbox.presenter.js';
import type { Transactor } from '../../../platform/transaction.js';
import { newWebhookSecret } from './webhook-delivery.js';
import type { WebhookEvents } from './webhook-events.js';
import { assertCanManageWebhooks } from './webhooks.policy.js';
import type { WebhookRow, webhooksRepository } from './webhooks.repository.js';

const present = (r: WebhookRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  description: r.description,
  events: JSON.parse(r.events),
  active: r.active === 1,
  createdAt: r.created_at,
});

/** Outgoing webhooks for integrators: admins subscribe URLs to event types and read each one's delivery log. */
export class WebhooksService {
  constructor(
    private readonly tx: Transactor,
    private readonly webhooks: typeof webhooksRepository,
    private readonly events: WebhookEvents,
    private readonly destinations: Pick<Outbound, 'refusedUrl'>,
  ) {}

  async list(actor: Actor): Promise<{ items: WebhookSubscription[] }> {
    assertCanManageWebhooks(actor);
    return { items: (await this.webhooks.list(this.tx.executor)).map(present) };
  }

  async create(actor: Actor, input: z.output<typeof createWebhookBody>): Promise<CreatedWebhook> {
    assertCanManageWebhooks(actor);
    assertPublicDestination(this.destinations, 'url', input.url);
    const now = nowIso();
    const row = {
      id: newId(),
      url: input.url,
      description: input.description,
      events: JSON.stringify([...new Set(input.events)]),
      secret: newWebhookSecret(),
      active: 1,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    };
    await this.tx.transaction((trx) => this.webhooks.insert(trx, row));
    this.events.forget();
    return { ...present(row), secret: row.secret };
  }

  async update(actor: Actor, id: string, input: z.output<typeof updateWebhookBody>): Promise<WebhookSubscription> {
    assertCanManageWebhooks(actor);
    if (input.url !== undefined) assertPublicDestination(this.destinations, 'url', input.url);
    const row = await this.tx.transaction(async (trx) => {
      if (!(await this.webhooks.findById(trx, id))) throw notFound('Webhook');
      await this.webhooks.update(trx, id, {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: JSON.stringify([...new Set(input.events)]) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: nowIso(),
      });
      return (await this.webhooks.findById(trx, id)) as WebhookRow;
    });
    this.events.forget();
    return present(row);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    assertCanManageWebhooks(actor);
    await this.tx.transaction(async (trx) => {
      if (!(await this.webhooks.findById(trx, id))) throw notFound('Webhook');
      await this.webhooks.delete(trx, id);
    });
    this.events.forget();
  }

  /** The last deliveries, newest first: status, attempts, the last error. */
  async deliveries(actor: Actor, id: string): Promise<{ items: OutboxMessage[] }> {
    assertCanManageWebhooks(actor);
    const db = this.tx.executor;
    if (!(await this.webhooks.findById(db, id))) throw notFound('Webhook');
    const rows = await this.webhooks.deliveries(db, id, 50);
    return { items: rows.map((r) => presentMessage(r)) };
  }
}
