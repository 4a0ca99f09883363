import { z } from 'zod';
import { addHostBody, createWorkshopBody, page, updateWorkshopBody, workshop, workshopsQuery } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { WorkshopsService } from './workshops.service.js';

const tags = ['workshops'];

export function workshopsRoutes(app: Api, workshops: WorkshopsService): void {
  app.get(
    '/api/v1/workshops',
    {
      schema: {
        tags,
        summary: 'List workshops (drafts only your own)',
        querystring: workshopsQuery,
        response: { 200: page(workshop), ...commonErrors },
      },
    },
    (request) => workshops.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/workshops',
    {
      schema: {
        tags,
        summary: 'Create a workshop (as a draft; you become its host)',
        body: createWorkshopBody,
        response: { 201: workshop, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await workshops.create(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/workshops/:id',
    { schema: { tags, summary: 'A workshop', params: idParams, response: { 200: workshop, ...commonErrors } } },
    (request) => workshops.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/workshops/:id',
    {
      schema: {
        tags,
        summary: 'Change a workshop (hosts and admins)',
        params: idParams,
        body: updateWorkshopBody,
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.update(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/workshops/:id/publish',
    { schema: { tags, summary: 'Publish a draft: no approval step', params: idParams, response: { 200: workshop, ...commonErrors } } },
    (request) => workshops.publish(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/workshops/:id/hosts',
    { schema: { tags, summary: 'Add a co-host', params: idParams, body: addHostBody, response: { 200: workshop, ...commonErrors } } },
    (request) => workshops.addHost(requireActor(request), request.params.id, request.body.personId),
  );

  app.delete(
    '/api/v1/workshops/:id/hosts/:personId',
    {
      schema: {
        tags,
        summary: 'Remove a host (a workshop keeps at least one)',
        params: idParams.extend({ personId: z.string().min(1).max(64) }),
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.removeHost(requireActor(request), request.params.id, request.params.personId),
  );
}
