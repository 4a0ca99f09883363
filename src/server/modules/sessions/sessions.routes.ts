import { sessionsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { SessionsService } from './sessions.service.js';

const tags = ['sessions'];

export function sessionsRoutes(app: Api, sessions: SessionsService): void {
  route(
    app,
    sessionsApi.listForWorkshop,
    { tags, summary: "A workshop's sessions", description: "Lists one workshop's sessions, a page at a time." },
    (request) => sessions.listForWorkshop(requireActor(request), request.params.id, request.query),
  );

  route(
    app,
    sessionsApi.create,
    {
      tags,
      summary: 'Schedule a session',
      description: 'Schedules one session of the workshop: start and end in UTC, the time zone it is planned in, mode, place and seats.',
    },
    async (request, reply) => reply.code(201).send(await sessions.create(requireActor(request), request.params.id, request.body)),
  );

  route(
    app,
    sessionsApi.createRecurring,
    {
      tags,
      summary: 'Schedule several sessions with a repeat rule (each becomes its own session)',
      description:
        'Schedules several sessions at once from a repeat rule; each is then an ordinary session that can be changed on its own.',
    },
    async (request, reply) =>
      reply.code(201).send({ items: await sessions.createRecurring(requireActor(request), request.params.id, request.body) }),
  );

  route(
    app,
    sessionsApi.get,
    {
      tags,
      summary: 'A session with its workshop',
      description: 'Returns one session together with its workshop, as the catalog shows it.',
    },
    (request) => sessions.get(requireActor(request), request.params.id),
  );

  route(
    app,
    sessionsApi.update,
    {
      tags,
      summary: 'Change a session (hosts and admins)',
      description:
        "Changes the fields sent and leaves the others as they are; only the hosts and admins may. With scope=following the change reaches the workshop's later scheduled sessions too. Fewer seats than people enrolled removes nobody: enrolment pauses until seats free up.",
    },
    (request) => sessions.update(requireActor(request), request.params.id, request.body, request.query.scope),
  );

  route(
    app,
    sessionsApi.cancel,
    {
      tags,
      summary: 'Cancel a session (it stays visible as cancelled)',
      description: 'Cancels a session: it stays visible, marked cancelled, and takes no more registrations.',
    },
    (request) => sessions.cancel(requireActor(request), request.params.id),
  );

  route(
    app,
    sessionsApi.delete,
    {
      tags,
      summary: "Delete a draft workshop's session",
      description: 'Deletes a session of a workshop that is still a draft; a published session is cancelled instead.',
    },
    async (request, reply) => {
      await sessions.delete(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
