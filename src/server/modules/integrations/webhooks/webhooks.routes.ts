import { webhooksApi } from '../../../../contracts/index.js';
import { originOf } from '../../../platform/audit.js';
import { requireActor } from '../../../platform/authenticate.js';
import type { Api } from '../../../platform/http.js';
import { route } from '../../../platform/route.js';
import type { WebhooksService } from './webhooks.service.js';

const tags = ['notifications'];

export function webhooksRoutes(app: Api, webhooks: WebhooksService): void {
  route(
    app,
    webhooksApi.list,
    { tags, summary: 'Webhook subscriptions (admins)', description: 'Lists the webhook subscriptions; admins only.' },
    (request) => webhooks.list(requireActor(request)),
  );

  route(
    app,
    webhooksApi.create,
    {
      tags,
      summary: 'Subscribe a URL to events; the answer holds the signing secret, shown only once',
      description: 'Subscribes a URL to events; the answer holds the signing secret, shown this once. Admins only.',
    },
    async (request, reply) => reply.code(201).send(await webhooks.create(requireActor(request), request.body, originOf(request))),
  );

  route(
    app,
    webhooksApi.update,
    {
      tags,
      summary: 'Change, pause or resume a subscription',
      description: "Changes a subscription's URL or events, or pauses or resumes it; admins only.",
    },
    (request) => webhooks.update(requireActor(request), request.params.id, request.body, originOf(request)),
  );

  route(
    app,
    webhooksApi.remove,
    { tags, summary: 'Remove a subscription', description: 'Removes a subscription: nothing more is sent to it. Admins only.' },
    async (request, reply) => {
      await webhooks.remove(requireActor(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );

  route(
    app,
    webhooksApi.deliveries,
    {
      tags,
      summary: 'The delivery log: the last 50 deliveries',
      description: 'Shows the last 50 deliveries to a subscription with their outcome; admins only.',
    },
    (request) => webhooks.deliveries(requireActor(request), request.params.id),
  );
}
