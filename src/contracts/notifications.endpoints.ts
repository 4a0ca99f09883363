import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import {
  mail,
  mailboxQuery,
  mailSummary,
  notificationPreferences,
  outboxMessage,
  outboxPage,
  outboxQuery,
  updateNotificationPreferencesBody,
} from './notifications.js';

export const notificationsApi = {
  listOutbox: endpoint({
    method: 'GET',
    path: '/api/v1/admin/outbox',
    operationId: 'listOutboxMessages',
    query: outboxQuery,
    responses: { 200: outboxPage },
  }),
  retryOutbox: endpoint({
    method: 'POST',
    path: '/api/v1/admin/outbox/:id/retry',
    operationId: 'retryOutboxMessage',
    params: idParams,
    responses: { 200: outboxMessage },
  }),
  preferences: endpoint({
    method: 'GET',
    path: '/api/v1/me/notification-preferences',
    operationId: 'getMyNotificationPreferences',
    responses: { 200: notificationPreferences },
  }),
  setPreferences: endpoint({
    method: 'PUT',
    path: '/api/v1/me/notification-preferences',
    operationId: 'setMyNotificationPreferences',
    body: updateNotificationPreferencesBody,
    responses: { 200: notificationPreferences },
  }),
};

/** The built-in mailbox: mail Lyceum stored instead of sending (no SMTP server configured). */
export const mailboxApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/admin/mailbox',
    operationId: 'listMailboxMails',
    query: mailboxQuery,
    responses: { 200: page(mailSummary) },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/admin/mailbox/:id',
    operationId: 'getMailboxMail',
    params: idParams,
    responses: { 200: mail },
  }),
};
