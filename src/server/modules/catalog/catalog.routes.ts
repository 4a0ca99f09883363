import { z } from 'zod';
import { catalogEntry, catalogQuery, page, searchQuery, searchResponse } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, sendJsonText } from '../../platform/http.js';
import type { CatalogService } from './catalog.service.js';
import type { SearchService } from './search.service.js';

export function catalogRoutes(app: Api, catalog: CatalogService, search: SearchService): void {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'searchWorkshops',
        description:
          'Full-text search and browsing of published workshops, with filters and facets; every hit carries its next (matching) session.',
        summary: 'Search and browse workshops: full text, filters, facets, each with its next (matching) session',
        querystring: searchQuery,
        response: { 200: searchResponse, ...commonErrors },
      },
    },
    async (request, reply) => {
      requireActor(request);
      return sendJsonText(reply, await search.run(request.query));
    },
  );

  app.get(
    '/api/v1/sessions',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'listCatalogSessions',
        description: 'The catalog: upcoming sessions of published workshops, soonest first, a page at a time.',
        summary: 'The catalog: upcoming sessions of published workshops, soonest first',
        querystring: catalogQuery,
        response: { 200: page(catalogEntry), ...commonErrors },
      },
    },
    (request) => catalog.sessions(requireActor(request), request.query),
  );

  app.get(
    '/api/v1/tags',
    {
      schema: {
        tags: ['catalog'],
        operationId: 'listTags',
        description: 'Lists the tags of published workshops, most used first, optionally only those matching `q`.',
        summary: 'Tags of published workshops, most used first',
        querystring: z.strictObject({
          q: z.string().trim().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: page(z.object({ tag: z.string(), count: z.number() })), ...commonErrors },
      },
    },
    (request) => catalog.tags(requireActor(request), request.query),
  );
}
