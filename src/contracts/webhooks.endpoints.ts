import { z } from 'zod';
import { idParams } from './common.js';
import { endpoint } from './endpoint.js';
import { createdWebhook, createWebhookBody, updateWebhookBody, webhookDeliveries, webhookSubscription } from './notifications.js';

export const webhooksApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/admin/webhooks',
    operationId: 'listWebhooks',
    responses: { 200: z.object({ items: z.array(webhookSubscription) }) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/admin/webhooks',
    operationId: 'createWebhook',
    body: createWebhookBody,
    responses: { 201: createdWebhook },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/admin/webhooks/:id',
    operationId: 'updateWebhook',
    params: idParams,
    body: updateWebhookBody,
    responses: { 200: webhookSubscription },
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/webhooks/:id',
    operationId: 'deleteWebhook',
    params: idParams,
    responses: { 204: z.null() },
  }),
  deliveries: endpoint({
    method: 'GET',
    path: '/api/v1/admin/webhooks/:id/deliveries',
    operationId: 'listWebhookDeliveries',
    params: idParams,
    responses: { 200: webhookDeliveries },
  }),
};
