import { createHmac, randomBytes } from 'node:crypto';
import type { Outbound } from '../../../platform/outbound/index.js';
import type { OutboxRow } from '../../../platform/outbox/outbox.repository.js';
import type { Executor } from '../../../platform/transaction.js';
import type { webhooksRepository } from './webhooks.repository.js';

/** Standard Webhooks secrets: this prefix, then the key in base64. */
const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes, written as Standard Webhooks receivers expect it. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The webhook-signature header of the Standard Webhooks specification (standardwebhooks.com):
 * "v1," and the base64 HMAC-SHA256 of "<id>.<timestamp>.<body>", keyed by the secret's decoded
 * base64 part. The id and the timestamp are signed too, so receivers can trust the id they
 * de-duplicate on and refuse a captured delivery replayed later.
 */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * POSTs one webhook delivery through the outbound module (internal addresses refused, no
 * redirects, a timeout). Anything but a 2xx answer is a failure the worker retries.
 * webhook-id is the outbox id, the same on every retry: receivers act once per id.
 */
export function webhookDelivery(db: Executor, webhooks: typeof webhooksRepository, outbound: Pick<Outbound, 'request'>) {
  return async (row: OutboxRow, signal?: AbortSignal): Promise<void> => {
    const subscription = row.subscription_id ? await webhooks.findById(db, row.subscription_id) : undefined;
    // Deleted or paused since: nothing to send.
    if (subscription?.active !== 1) return;
    const body = row.payload;
    const timestamp = Math.floor(Date.now() / 1000);
    const response = await outbound.request(subscription.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Lyceum-Webhooks/1',
        'webhook-id': row.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature(subscription.secret, row.id, timestamp, body),
        // The event type is in the body too; the header lets a receiver route before parsing.
        'x-lyceum-event': row.topic,
      },
      body,
      signal,
    });
    if (response.status < 200 || response.status >= 300) throw new Error(`The endpoint answered ${response.status}.`);
  };
}
