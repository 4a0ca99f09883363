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
        operationId: 'listWorkshops',
        description: 'Lists workshops, a page at a time; drafts appear only to their own hosts.',
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
        operationId: 'createWorkshop',
        description: 'Creates a workshop as a draft with you as its host; nobody else sees it until it is published.',
        summary: 'Create a workshop (as a draft; you become its host)',
        body: createWorkshopBody,
        response: { 201: workshop, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await workshops.create(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/workshops/:id',
    {
      schema: {
        tags,
        operationId: 'getWorkshop',
        description: 'Returns one workshop, if you may see it (a draft is visible to its hosts only).',
        summary: 'A workshop',
        params: idParams,
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.get(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/workshops/:id',
    {
      schema: {
        tags,
        operationId: 'updateWorkshop',
        description: 'Changes the fields sent and leaves the others as they are; only the hosts and admins may.',
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
    {
      schema: {
        tags,
        operationId: 'publishWorkshop',
        description: 'Publishes a draft so that it appears in the catalog and in search; there is no approval step.',
        summary: 'Publish a draft: no approval step',
        params: idParams,
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.publish(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/workshops/:id/hosts',
    {
      schema: {
        tags,
        operationId: 'addWorkshopHost',
        description: 'Adds a person as a co-host, who may then change the workshop and see its rosters.',
        summary: 'Add a co-host',
        params: idParams,
        body: addHostBody,
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.addHost(requireActor(request), request.params.id, request.body.personId),
  );

  app.delete(
    '/api/v1/workshops/:id/hosts/:personId',
    {
      schema: {
        tags,
        operationId: 'removeWorkshopHost',
        description: 'Removes a host from the workshop; the last host cannot be removed.',
        summary: 'Remove a host (a workshop keeps at least one)',
        params: idParams.extend({ personId: z.string().min(1).max(64) }),
        response: { 200: workshop, ...commonErrors },
      },
    },
    (request) => workshops.removeHost(requireActor(request), request.params.id, request.params.personId),
  );
}
