import type { z } from 'zod';
import type {
  CreatedWebhook,
  createWebhookBody,
  OutboxMessage,
  updateWebhookBody,
  WebhookSubscription,
} from '../../../../contracts/index.js';
import type { Actor } from '../../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../../platform/audit.js';
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

/**
 * A webhook's address as the audit log shows it: scheme, host and port only. Receivers often carry
 * a secret in the path or the query (Slack, Zapier), and the log is read and exported more widely.
 */
const destination = (url: string) => (URL.canParse(url) ? new URL(url).origin : 'an address');

/** One line for the audit log: what a change did to a subscription. */
function webhookChange(before: WebhookRow, after: WebhookRow): string {
  const parts: string[] = [];
  if (before.url !== after.url) parts.push(`moved from ${destination(before.url)}`);
  if (before.events !== after.events) parts.push(`events now ${(JSON.parse(after.events) as string[]).join(', ')}`);
  if (before.description !== after.description) parts.push('description changed');
  if (before.active !== after.active) parts.push(after.active === 1 ? 'resumed' : 'paused');
  return `Changed the webhook to ${destination(after.url)}${parts.length > 0 ? `: ${parts.join('; ')}` : ' (nothing different)'}`;
}

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

  async create(actor: Actor, input: z.output<typeof createWebhookBody>, origin?: AuditOrigin): Promise<CreatedWebhook> {
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
    await this.tx.transaction(async (trx) => {
      await this.webhooks.insert(trx, row);
      await recordAudit(trx, {
        actor,
        action: 'webhook.created',
        target: { type: 'webhook', id: row.id },
        summary: `Subscribed ${destination(row.url)} to ${[...new Set(input.events)].join(', ')}`,
        details: { destination: destination(row.url), events: [...new Set(input.events)] },
        origin,
      });
    });
    this.events.forget();
    return { ...present(row), secret: row.secret };
  }

  async update(actor: Actor, id: string, input: z.output<typeof updateWebhookBody>, origin?: AuditOrigin): Promise<WebhookSubscription> {
    assertCanManageWebhooks(actor);
    if (input.url !== undefined) assertPublicDestination(this.destinations, 'url', input.url);
    const row = await this.tx.transaction(async (trx) => {
      const before = await this.webhooks.findById(trx, id);
      if (!before) throw notFound('Webhook');
      await this.webhooks.update(trx, id, {
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.events !== undefined ? { events: JSON.stringify([...new Set(input.events)]) } : {}),
        ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
        updated_at: nowIso(),
      });
      const after = (await this.webhooks.findById(trx, id)) as WebhookRow;
      await recordAudit(trx, {
        actor,
        action: 'webhook.updated',
        target: { type: 'webhook', id },
        summary: webhookChange(before, after),
        // What was asked for (never the secret, which this route cannot change).
        details: {
          destination: destination(after.url),
          changed: Object.keys(input).filter((k) => input[k as keyof typeof input] !== undefined),
        },
        origin,
      });
      return after;
    });
    this.events.forget();
    return present(row);
  }

  async remove(actor: Actor, id: string, origin?: AuditOrigin): Promise<void> {
    assertCanManageWebhooks(actor);
    await this.tx.transaction(async (trx) => {
      const row = await this.webhooks.findById(trx, id);
      if (!row) throw notFound('Webhook');
      await this.webhooks.delete(trx, id);
      await recordAudit(trx, {
        actor,
        action: 'webhook.deleted',
        target: { type: 'webhook', id },
        summary: `Removed the webhook to ${destination(row.url)}`,
        details: { destination: destination(row.url) },
        origin,
      });
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
