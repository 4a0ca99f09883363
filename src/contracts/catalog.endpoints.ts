import { z } from 'zod';
import { page } from './common.js';
import { endpoint } from './endpoint.js';
import { searchQuery, searchResponse } from './search.js';
import { catalogEntry, catalogQuery } from './sessions.js';

export const tagsQuery = z.strictObject({
  q: z.string().trim().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const tagCount = z.object({ tag: z.string(), count: z.number() });
export type TagCount = z.infer<typeof tagCount>;

/** The catalog of sessions, search and tags. */
export const catalogApi = {
  search: endpoint({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'searchWorkshops',
    query: searchQuery,
    responses: { 200: searchResponse },
  }),
  sessions: endpoint({
    method: 'GET',
    path: '/api/v1/sessions',
    operationId: 'listCatalogSessions',
    query: catalogQuery,
    responses: { 200: page(catalogEntry) },
  }),
  tags: endpoint({
    method: 'GET',
    path: '/api/v1/tags',
    operationId: 'listTags',
    query: tagsQuery,
    responses: { 200: page(tagCount) },
  }),
};
