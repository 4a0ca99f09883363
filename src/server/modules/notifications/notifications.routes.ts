import { z } from 'zod';
import {
  calendarFeed,
  createdCalendarFeed,
  mail,
  mailboxQuery,
  mailSummary,
  notificationPreferences,
  outboxMessage,
  outboxPage,
  outboxQuery,
  page,
  updateNotificationPreferencesBody,
} from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, fileBody, idParams } from '../../platform/http.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];
const ICS = 'text/calendar; charset=utf-8';

export function notificationsRoutes(app: Api, notifications: NotificationsService): void {
  app.get(
    '/api/v1/admin/outbox',
    {
      schema: {
        tags,
        operationId: 'listOutboxMessages',
        description: 'Lists outgoing messages (mail, Slack, webhooks) that are waiting, delivered or dead-lettered; admins only.',
        summary: 'Messages waiting, delivered and dead-lettered (admins)',
        querystring: outboxQuery,
        response: { 200: outboxPage, ...commonErrors },
      },
    },
    (request) => notifications.listOutbox(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/admin/outbox/:id/retry',
    {
      schema: {
        tags,
        operationId: 'retryOutboxMessage',
        description: 'Queues a dead-lettered message for delivery again; admins only.',
        summary: 'Send a dead-lettered message again (admins)',
        params: idParams,
        response: { 200: outboxMessage, ...commonErrors },
      },
    },
    (request) => notifications.retry(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/admin/mailbox',
    {
      schema: {
        tags,
        operationId: 'listMailboxMails',
        description: 'Lists the mail Lyceum sent while no SMTP server is configured; admins only.',
        summary: 'Mail Lyceum sent while no SMTP server is configured (admins)',
        querystring: mailboxQuery,
        response: { 200: page(mailSummary), ...commonErrors },
      },
    },
    (request) => notifications.listMail(requireActor(request), request.query),
  );

  app.get(
    '/api/v1/admin/mailbox/:id',
    {
      schema: {
        tags,
        operationId: 'getMailboxMail',
        description: 'Returns one mail of the built-in mailbox with its text, HTML and calendar parts; admins only.',
        summary: 'One mail, with its text, HTML and calendar part (admins)',
        params: idParams,
        response: { 200: mail, ...commonErrors },
      },
    },
    (request) => notifications.getMail(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/sessions/:id/calendar.ics',
    {
      schema: {
        tags,
        operationId: 'downloadSessionCalendar',
        description: 'Downloads the session as an iCalendar file to add to a calendar.',
        summary: 'The session as a calendar file',
        params: idParams,
        produces: ['text/calendar'],
        response: { 200: fileBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      const body = await notifications.sessionFile(requireActor(request), request.params.id);
      return reply.type(ICS).header('content-disposition', 'attachment; filename="session.ics"').send(body);
    },
  );

  app.get(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        operationId: 'getMyNotificationPreferences',
        description: 'Says how you hear of each kind of message: by email, in Slack, or not at all.',
        summary: 'How you hear of each kind of message: email, Slack or nothing',
        response: { 200: notificationPreferences, ...commonErrors },
      },
    },
    (request) => notifications.preferencesOf(requireActor(request)),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    {
      schema: {
        tags,
        operationId: 'setMyNotificationPreferences',
        description: 'Chooses email, Slack or nothing for each kind of message.',
        summary: 'Choose email, Slack or nothing per kind of message',
        body: updateNotificationPreferencesBody,
        response: { 200: notificationPreferences, ...commonErrors },
      },
    },
    (request) => notifications.setPreferences(requireActor(request), request.body.channels),
  );

  app.get(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        operationId: 'getMyCalendarFeed',
        summary: 'Whether you have a personal calendar feed, and when it was made',
        description: 'The address itself is a secret shown only when it is made (POST); Lyceum keeps only a hash of it.',
        response: { 200: calendarFeed, ...commonErrors },
      },
    },
    (request) => notifications.feedOf(requireActor(request)),
  );

  app.post(
    '/api/v1/me/calendar',
    {
      schema: {
        tags,
        operationId: 'createMyCalendarFeed',
        description:
          'Makes a new secret address for your calendar feed and shows it this once; any earlier address stops working at once. ' +
          'Only a browser session may make one: an API token gets 403, as the address would outlive revoking the token.',
        summary: 'Make a new feed address (shown once); any earlier address stops working',
        response: { 201: createdCalendarFeed, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await notifications.newFeed(requireActor(request))),
  );

  // Calendar apps subscribe without signing in: the secret address is the credential.
  app.get(
    '/calendar/:file',
    {
      config: { public: true },
      schema: {
        tags,
        operationId: 'getCalendarFeed',
        description:
          'The calendar feed itself, for calendar apps to subscribe to: the secret address is the credential, so no sign-in is needed.',
        summary: 'A personal calendar feed (iCalendar)',
        params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{16,64}\.ics$/, 'Unknown calendar.') }),
        produces: ['text/calendar'],
        response: { 200: fileBody },
      },
    },
    async (request, reply) => {
      const body = await notifications.feedFile(request.params.file.replace(/\.ics$/, ''));
      return reply.type(ICS).header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
