import { registrationsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { sendCsv } from '../../platform/csv.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { RosterService } from './roster.service.js';

const tags = ['registrations'];

/** What hosts see of a session's people (the roster, its CSV, messages), and a person's own learning. */
export function rosterRoutes(app: Api, roster: RosterService): void {
  route(
    app,
    registrationsApi.roster,
    {
      tags,
      description: "Lists the session's registrations, for its hosts and admins.",
      summary: 'The roster (hosts)',
    },
    (request) => roster.list(requireActor(request), request.params.id, request.query),
  );

  route(
    app,
    registrationsApi.rosterCsv,
    {
      tags,
      description: "Downloads the session's roster as a CSV file that is safe to open in a spreadsheet; for its hosts and admins.",
      summary: 'The roster as CSV (hosts)',
      produces: ['text/csv'],
    },
    async (request, reply) => sendCsv(reply, await roster.csv(requireActor(request), request.params.id)),
  );

  route(
    app,
    registrationsApi.messages,
    {
      tags,
      description: "Lists what the hosts wrote to the session's attendees.",
      summary: 'Messages to attendees',
    },
    (request) => roster.messages(requireActor(request), request.params.id),
  );

  route(
    app,
    registrationsApi.sendMessage,
    {
      tags,
      description: 'Writes to everyone holding a seat; the message is sent by email through the outbox.',
      summary: 'Write to everyone holding a seat (sent by email through the outbox)',
    },
    async (request, reply) => reply.code(201).send(await roster.postMessage(requireActor(request), request.params.id, request.body)),
  );

  route(
    app,
    registrationsApi.mine,
    {
      tags,
      description: '"My learning": the sessions you registered for, upcoming or past, each with your registration.',
      summary: 'My learning: upcoming or past sessions with my registration',
    },
    (request) => roster.mine(requireActor(request), request.query),
  );
}
