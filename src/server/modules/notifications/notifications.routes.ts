import { notificationsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { NotificationsService } from './notifications.service.js';

const tags = ['notifications'];

export function notificationsRoutes(app: Api, notifications: NotificationsService): void {
  route(
    app,
    notificationsApi.listOutbox,
    {
      tags,
      summary: 'Messages waiting, delivered and dead-lettered (admins)',
      description: 'Lists outgoing messages (mail, Slack, webhooks) that are waiting, delivered or dead-lettered; admins only.',
    },
    (request) => notifications.listOutbox(requireActor(request), request.query),
  );

  route(
    app,
    notificationsApi.retryOutbox,
    {
      tags,
      summary: 'Send a dead-lettered message again (admins)',
      description: 'Queues a dead-lettered message for delivery again; admins only.',
    },
    (request) => notifications.retry(requireActor(request), request.params.id),
  );

  route(
    app,
    notificationsApi.preferences,
    {
      tags,
      summary: 'How you hear of each kind of message: email, Slack or nothing',
      description: 'Says how you hear of each kind of message: by email, in Slack, or not at all.',
    },
    (request) => notifications.preferencesOf(requireActor(request)),
  );

  route(
    app,
    notificationsApi.setPreferences,
    {
      tags,
      summary: 'Choose email, Slack or nothing per kind of message',
      description: 'Chooses email, Slack or nothing for each kind of message.',
    },
    (request) => notifications.setPreferences(requireActor(request), request.body.channels),
  );
}
