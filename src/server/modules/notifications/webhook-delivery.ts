import { createHmac } from 'node:crypto';
import type { Outbound } from '../../platform/outbound/index.js';
import type { Executor } from '../../platform/transaction.js';
import type { OutboxRow } from './outbox.repository.js';
import type { webhooksRepository } from './webhooks.repository.js';

/**
 * The signature receivers check: HMAC-SHA256 over "<timestamp>.<body>" with the subscription's
 * secret, hex. The timestamp is signed too, so a captured delivery cannot be replayed later
 * (receivers refuse old timestamps).
 */
export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * POSTs one webhook delivery through the outbound module (internal addresses refused, no
 * redirects, a timeout). Anything but a 2xx answer is a failure the worker retries.
 * X-Lyceum-Delivery is the same on every retry: receivers act once per id.
 */
export function webhookDelivery(db: Executor, webhooks: typeof webhooksRepository, outbound: Pick<Outbound, 'request'>) {
  return async (row: OutboxRow): Promise<void> => {
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
        'x-lyceum-event': row.topic,
        'x-lyceum-delivery': row.id,
        'x-lyceum-timestamp': String(timestamp),
        'x-lyceum-signature': signature(subscription.secret, timestamp, body),
      },
      body,
    });
    if (response.status < 200 || response.status >= 300) throw new Error(`The endpoint answered ${response.status}.`);
  };
}
