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
        operationId: 'listWebhooks',
        description: 'Lists the webhook subscriptions; admins only.',
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
        operationId: 'createWebhook',
        description: 'Subscribes a URL to events; the answer holds the signing secret, shown this once. Admins only.',
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
        operationId: 'updateWebhook',
        description: "Changes a subscription's URL or events, or pauses or resumes it; admins only.",
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
    {
      schema: {
        tags,
        operationId: 'deleteWebhook',
        description: 'Removes a subscription: nothing more is sent to it. Admins only.',
        summary: 'Remove a subscription',
        params: idParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
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
        operationId: 'listWebhookDeliveries',
        description: 'Shows the last 50 deliveries to a subscription with their outcome; admins only.',
        summary: 'The delivery log: the last 50 deliveries',
        params: idParams,
        response: { 200: webhookDeliveries, ...commonErrors },
      },
    },
    (request) => webhooks.deliveries(requireActor(request), request.params.id),
  );
}
