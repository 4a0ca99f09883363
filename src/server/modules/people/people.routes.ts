import { page, peopleQuery, person } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { PeopleService } from './people.service.js';

export function peopleRoutes(app: Api, people: PeopleService): void {
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['people'],
        operationId: 'listPeople',
        description: 'Searches the company directory, a page at a time.',
        summary: 'Search the directory',
        querystring: peopleQuery,
        response: { 200: page(person), ...commonErrors },
      },
    },
    (request) => people.list(requireActor(request), request.query),
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['people'],
        operationId: 'getPerson',
        description: 'Returns one person from the directory.',
        summary: 'A person',
        params: idParams,
        response: { 200: person, ...commonErrors },
      },
    },
    (request) => people.get(requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['people'],
        operationId: 'getMe',
        description: 'Returns the person the request is signed in as.',
        summary: 'The signed-in person',
        response: { 200: person, ...commonErrors },
      },
    },
    (request) => {
      const actor = requireActor(request);
      return people.get(actor, actor.id);
    },
  );
}
