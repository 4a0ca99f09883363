import { workshopsApi } from '../../../contracts/index.js';
import { originOf } from '../../platform/audit.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { WorkshopsService } from './workshops.service.js';

const tags = ['workshops'];

export function workshopsRoutes(app: Api, workshops: WorkshopsService): void {
  route(
    app,
    workshopsApi.list,
    {
      tags,
      summary: 'List workshops (drafts only your own)',
      description: 'Lists workshops, a page at a time; drafts appear only to their own hosts.',
    },
    (request) => workshops.list(requireActor(request), request.query),
  );

  route(
    app,
    workshopsApi.create,
    {
      tags,
      summary: 'Create a workshop (as a draft; you become its host)',
      description: 'Creates a workshop as a draft with you as its host; nobody else sees it until it is published.',
    },
    async (request, reply) => reply.code(201).send(await workshops.create(requireActor(request), request.body)),
  );

  route(
    app,
    workshopsApi.get,
    { tags, summary: 'A workshop', description: 'Returns one workshop, if you may see it (a draft is visible to its hosts only).' },
    (request) => workshops.get(requireActor(request), request.params.id),
  );

  route(
    app,
    workshopsApi.update,
    {
      tags,
      summary: 'Change a workshop (hosts and admins)',
      description: 'Changes the fields sent and leaves the others as they are; only the hosts and admins may.',
    },
    (request) => workshops.update(requireActor(request), request.params.id, request.body, originOf(request)),
  );

  route(
    app,
    workshopsApi.publish,
    {
      tags,
      summary: 'Publish a draft: no approval step',
      description: 'Publishes a draft so that it appears in the catalog and in search; there is no approval step.',
    },
    (request) => workshops.publish(requireActor(request), request.params.id, originOf(request)),
  );

  route(
    app,
    workshopsApi.addHost,
    { tags, summary: 'Add a co-host', description: 'Adds a person as a co-host, who may then change the workshop and see its rosters.' },
    (request) => workshops.addHost(requireActor(request), request.params.id, request.body.personId, originOf(request)),
  );

  route(
    app,
    workshopsApi.removeHost,
    {
      tags,
      summary: 'Remove a host (a workshop keeps at least one)',
      description: 'Removes a host from the workshop; the last host cannot be removed.',
    },
    (request) => workshops.removeHost(requireActor(request), request.params.id, request.params.personId, originOf(request)),
  );
}
