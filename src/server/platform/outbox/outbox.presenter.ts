import type { OutboxMessage } from '../../../contracts/index.js';
import type { OutboxRow, OutboxStatus } from './outbox.repository.js';

/** One outbox message as admins read it (the outbox, a webhook's delivery log). */
export const presentMessage = (r: OutboxRow & { person_name?: string | null; workshop_title?: string | null }): OutboxMessage => ({
  id: r.id,
  channel: r.channel,
  topic: r.topic,
  recipient: r.person_name ?? null,
  about: r.workshop_title ?? null,
  status: r.status as OutboxStatus,
  attempts: Number(r.attempts),
  runAt: r.run_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  doneAt: r.done_at,
});
