import { z } from 'zod';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import {
  catalogEntry,
  createRecurringSessionsBody,
  createSessionBody,
  session,
  updateSessionBody,
  updateSessionQuery,
  workshopSessionsQuery,
} from './sessions.js';

export const sessionsApi = {
  listForWorkshop: endpoint({
    method: 'GET',
    path: '/api/v1/workshops/:id/sessions',
    operationId: 'listWorkshopSessions',
    params: idParams,
    query: workshopSessionsQuery,
    responses: { 200: page(session) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/workshops/:id/sessions',
    operationId: 'createSession',
    params: idParams,
    body: createSessionBody,
    responses: { 201: session },
  }),
  createRecurring: endpoint({
    method: 'POST',
    path: '/api/v1/workshops/:id/sessions/recurring',
    operationId: 'createRecurringSessions',
    params: idParams,
    body: createRecurringSessionsBody,
    responses: { 201: z.object({ items: z.array(session) }) },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id',
    operationId: 'getSession',
    params: idParams,
    responses: { 200: catalogEntry },
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/v1/sessions/:id',
    operationId: 'updateSession',
    params: idParams,
    query: updateSessionQuery,
    body: updateSessionBody,
    responses: { 200: session },
  }),
  cancel: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/cancel',
    operationId: 'cancelSession',
    params: idParams,
    responses: { 200: session },
  }),
  delete: endpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/:id',
    operationId: 'deleteSession',
    params: idParams,
    responses: { 204: z.null() },
  }),
};
