import { teamApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { TeamService } from './team.service.js';

const tags = ['team'];

export function teamRoutes(app: Api, team: TeamService): void {
  route(
    app,
    teamApi.learning,
    {
      tags,
      summary: "Your direct reports' upcoming and recent learning",
      description:
        'For managers (people.manager_id, from the directory): each active direct report with their upcoming registrations (enrolled, waitlisted, offered) and what became of their registrations of the last 90 days (attended, no-show, cancelled late), with the workshops you suggested to them. Never feedback. Direct reports only, not their reports in turn. 403 for people nobody reports to.',
    },
    (request) => team.learning(requireActor(request)),
  );

  route(
    app,
    teamApi.suggest,
    {
      tags,
      summary: 'Suggest a workshop to one of your reports',
      description:
        'The report is notified (by the channel they chose for suggestions) and decides alone: nothing is booked. 403 for someone who does not report to you, 404 for a workshop you cannot see, 409 for a draft or a workshop you already suggested to them.',
    },
    async (request, reply) => reply.code(201).send(await team.suggest(requireActor(request), request.body)),
  );

  route(
    app,
    teamApi.received,
    {
      tags,
      summary: 'Workshops your managers suggested to you',
      description: 'What your managers suggested to you, newest first, with their notes.',
    },
    (request) => team.received(requireActor(request)),
  );
}
