import { z } from 'zod';
import { httpUrl, listQuery } from './common.js';

export const outboxStatus = z.enum(['pending', 'done', 'dead']);

export const outboxMessage = z.object({
  id: z.string(),
  channel: z.string(),
  topic: z.string().describe('The message type, e.g. registration.enrolled'),
  recipient: z.string().nullable().describe('The name of the person it goes to'),
  about: z.string().nullable().describe('The workshop it is about'),
  status: outboxStatus,
  attempts: z.number(),
  runAt: z.string().describe('When it is (or was) due'),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;

export const outboxQuery = listQuery.extend({ status: outboxStatus.optional() });

export const outboxPage = z.object({
  items: z.array(outboxMessage),
  nextCursor: z.string().nullable(),
  counts: z.object({ pending: z.number(), done: z.number(), dead: z.number() }),
});
export type OutboxPage = z.infer<typeof outboxPage>;

export const mailSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  hasCalendar: z.boolean(),
  createdAt: z.string(),
});
export type MailSummary = z.infer<typeof mailSummary>;

export const mail = mailSummary.extend({ text: z.string(), html: z.string(), calendar: z.string().nullable() });
export type Mail = z.infer<typeof mail>;

export const mailboxQuery = listQuery.extend({ to: z.string().max(320).optional() });

/** Whether you have a feed: its address is a secret shown only when it is made. */
export const calendarFeed = z.object({
  active: z.boolean().describe('Whether you have a feed address; make a new one to see an address again'),
  createdAt: z.string().nullable(),
  hint: z.string().nullable().describe('The last characters of the address, to recognise it'),
});
export type CalendarFeed = z.infer<typeof calendarFeed>;

export const createdCalendarFeed = z.object({
  url: z.string().describe('Secret address to subscribe to, shown only now; anyone with it sees your sessions'),
  createdAt: z.string(),
  hint: z.string(),
});
export type CreatedCalendarFeed = z.infer<typeof createdCalendarFeed>;

export const webhookEventType = z.enum([
  'registration.created',
  'registration.cancelled',
  'registration.promoted',
  'session.updated',
  'session.cancelled',
  'attendance.recorded',
  'feedback.submitted',
]);

export const webhookSubscription = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  events: z.array(webhookEventType),
  active: z.boolean(),
  createdAt: z.string(),
});
export type WebhookSubscription = z.infer<typeof webhookSubscription>;

export const createdWebhook = webhookSubscription.extend({
  secret: z.string().describe('whsec_<base64 key>: signs every delivery (Standard Webhooks webhook-signature); shown only now'),
});
export type CreatedWebhook = z.infer<typeof createdWebhook>;

export const createWebhookBody = z.strictObject({
  url: httpUrl,
  description: z.string().trim().max(200).default(''),
  events: z.array(webhookEventType).min(1, 'Choose at least one event.').max(6),
});
export type CreateWebhookBody = z.input<typeof createWebhookBody>;

export const updateWebhookBody = z.strictObject({
  url: httpUrl.optional(),
  description: z.string().trim().max(200).optional(),
  events: z.array(webhookEventType).min(1, 'Choose at least one event.').max(6).optional(),
  active: z.boolean().optional(),
});

export const webhookDeliveries = z.object({ items: z.array(outboxMessage) });

export const messageKind = z.enum([
  'registrations',
  'changes',
  'reminders',
  'host_messages',
  'after',
  'runs_again',
  'hosting',
  'education_summary',
  'manager_suggestions',
]);
export const preferredChannel = z.enum(['email', 'slack', 'none']);

export const notificationPreferences = z.object({
  /** Whether Lyceum can send Slack direct messages here (a bot token is configured). */
  slackAvailable: z.boolean(),
  items: z.array(z.object({ kind: messageKind, label: z.string(), description: z.string(), channel: preferredChannel })),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const updateNotificationPreferencesBody = z.strictObject({
  channels: z.partialRecord(messageKind, preferredChannel).describe('Per kind of message: email, slack or none'),
});
