import { peopleApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { PeopleService } from './people.service.js';

const tags = ['people'];

export function peopleRoutes(app: Api, people: PeopleService): void {
  route(
    app,
    peopleApi.list,
    { tags, summary: 'Search the directory', description: 'Searches the company directory, a page at a time.' },
    (request) => people.list(requireActor(request), request.query),
  );

  route(app, peopleApi.get, { tags, summary: 'A person', description: 'Returns one person from the directory.' }, (request) =>
    people.get(requireActor(request), request.params.id),
  );

  route(
    app,
    peopleApi.me,
    { tags, summary: 'The signed-in person', description: 'Returns the person the request is signed in as.' },
    (request) => {
      const actor = requireActor(request);
      return people.get(actor, actor.id);
    },
  );
}
