import { z } from 'zod';
import {
  catalogEntry,
  createRecurringSessionsBody,
  createSessionBody,
  page,
  session,
  updateSessionBody,
  workshopSessionsQuery,
} from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { SessionsService } from './sessions.service.js';

const tags = ['sessions'];

export function sessionsRoutes(app: Api, sessions: SessionsService): void {
  app.get(
    '/api/v1/workshops/:id/sessions',
    {
      schema: {
        tags,
        operationId: 'listWorkshopSessions',
        description: "Lists one workshop's sessions, a page at a time.",
        summary: "A workshop's sessions",
        params: idParams,
        querystring: workshopSessionsQuery,
        response: { 200: page(session), ...commonErrors },
      },
    },
    (request) => sessions.listForWorkshop(requireActor(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/workshops/:id/sessions',
    {
      schema: {
        tags,
        operationId: 'createSession',
        description: 'Schedules one session of the workshop: start and end in UTC, the time zone it is planned in, mode, place and seats.',
        summary: 'Schedule a session',
        params: idParams,
        body: createSessionBody,
        response: { 201: session, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await sessions.create(requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/workshops/:id/sessions/recurring',
    {
      schema: {
        tags,
        operationId: 'createRecurringSessions',
        description:
          'Schedules several sessions at once from a repeat rule; each is then an ordinary session that can be changed on its own.',
        summary: 'Schedule several sessions with a repeat rule (each becomes its own session)',
        params: idParams,
        body: createRecurringSessionsBody,
        response: { 201: z.object({ items: z.array(session) }), ...commonErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ items: await sessions.createRecurring(requireActor(request), request.params.id, request.body) }),
  );

  app.get(
    '/api/v1/sessions/:id',
    {
      schema: {
        tags,
        operationId: 'getSession',
        description: 'Returns one session together with its workshop, as the catalog shows it.',
        summary: 'A session with its workshop',
        params: idParams,
        response: { 200: catalogEntry, ...commonErrors },
      },
    },
    (request) => sessions.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/sessions/:id',
    {
      schema: {
        tags,
        operationId: 'updateSession',
        description: 'Changes the fields sent and leaves the others as they are; only the hosts and admins may.',
        summary: 'Change a session (hosts and admins)',
        params: idParams,
        body: updateSessionBody,
        response: { 200: session, ...commonErrors },
      },
    },
    (request) => sessions.update(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/sessions/:id/cancel',
    {
      schema: {
        tags,
        operationId: 'cancelSession',
        description: 'Cancels a session: it stays visible, marked cancelled, and takes no more registrations.',
        summary: 'Cancel a session (it stays visible as cancelled)',
        params: idParams,
        response: { 200: session, ...commonErrors },
      },
    },
    (request) => sessions.cancel(requireActor(request), request.params.id),
  );

  app.delete(
    '/api/v1/sessions/:id',
    {
      schema: {
        tags,
        operationId: 'deleteSession',
        description: 'Deletes a session of a workshop that is still a draft; a published session is cancelled instead.',
        summary: "Delete a draft workshop's session",
        params: idParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await sessions.delete(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
