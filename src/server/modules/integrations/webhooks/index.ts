import { lyceumModule } from '../../../module.js';
import { webhookDelivery } from './webhook-delivery.js';
import { webhooksRepository } from './webhooks.repository.js';
import { webhooksRoutes } from './webhooks.routes.js';

/** Outgoing webhooks for integrators: subscriptions, their delivery log, and the signed deliveries. */
export default lyceumModule('webhooks', ['webhooks', 'outbound', 'database'], (app, { container, addDeliverer }) => {
  webhooksRoutes(app, container.webhooks);
  addDeliverer('webhook', webhookDelivery(container.database.db, webhooksRepository, container.outbound));
});
