import type { Mail, OutboxMessage } from '../../../contracts/index.js';
import type { MailRow } from './mailbox.repository.js';
import type { OutboxRow, OutboxStatus } from './outbox.repository.js';

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

export const presentMail = (r: MailRow): Mail => ({
  id: r.id,
  to: r.to_address,
  subject: r.subject,
  hasCalendar: r.calendar !== null,
  createdAt: r.created_at,
  text: r.text,
  html: r.html,
  calendar: r.calendar,
});
