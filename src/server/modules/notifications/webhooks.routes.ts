import { z } from 'zod';
import { createdWebhook, createWebhookBody, updateWebhookBody, webhookDeliveries, webhookSubscription } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['notifications'];

export function webhooksRoutes(app: Api, webhooks: WebhooksService): void {
  app.get(
    '/api/v1/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Webhook subscriptions (admins)',
        response: { 200: z.object({ items: z.array(webhookSubscription) }), ...commonErrors },
      },
    },
    (request) => webhooks.list(requireActor(request)),
  );

  app.post(
    '/api/v1/admin/webhooks',
    {
      schema: {
        tags,
        summary: 'Subscribe a URL to events; the answer holds the signing secret, shown only once',
        body: createWebhookBody,
        response: { 201: createdWebhook, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await webhooks.create(requireActor(request), request.body)),
  );

  app.patch(
    '/api/v1/admin/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Change, pause or resume a subscription',
        params: idParams,
        body: updateWebhookBody,
        response: { 200: webhookSubscription, ...commonErrors },
      },
    },
    (request) => webhooks.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/admin/webhooks/:id',
    { schema: { tags, summary: 'Remove a subscription', params: idParams, response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await webhooks.remove(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/admin/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The delivery log: the last 50 deliveries',
        params: idParams,
        response: { 200: webhookDeliveries, ...commonErrors },
      },
    },
    (request) => webhooks.deliveries(requireActor(request), request.params.id),
  );
}
