import { catalogApi } from '../../../contracts/index.js';
import { AnswerCache } from '../../platform/answer-cache.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, sendJsonText } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { CatalogService } from './catalog.service.js';
import type { SearchService } from './search.service.js';
import { searchAnswerBytes } from './search-answer.js';

const tags = ['catalog'];

/**
 * Search answers as the bytes sent, by query: serialized and encoded once (search-answer.ts), then
 * shared by identical searches for `cacheMs` (answers depend on the query, not on who asks).
 * Bytes, not text: a kept answer is written as it is, rather than measured and encoded again for
 * every request (about 25 KB each at org scale).
 */
function searchAnswers(search: SearchService, cacheMs: number) {
  const answers = new AnswerCache<Buffer>(cacheMs);
  return (query: Parameters<SearchService['run']>[0]): Promise<Buffer> =>
    answers.get(JSON.stringify(query), async () => searchAnswerBytes(await search.run(query)));
}

export function catalogRoutes(app: Api, catalog: CatalogService, search: SearchService, searchCacheMs: number): void {
  const answers = searchAnswers(search, searchCacheMs);

  route(
    app,
    catalogApi.search,
    {
      tags,
      summary: 'Search and browse workshops: full text, filters, facets, each with its next (matching) session',
      description:
        'Full-text search and browsing of published workshops, with filters and facets; every hit carries its next (matching) session.',
    },
    async (request, reply) => {
      requireActor(request);
      return sendJsonText(reply, await answers(request.query));
    },
  );

  route(
    app,
    catalogApi.sessions,
    {
      tags,
      summary: 'The catalog: upcoming sessions of published workshops, soonest first',
      description: 'The catalog: upcoming sessions of published workshops, soonest first, a page at a time.',
    },
    (request) => catalog.sessions(requireActor(request), request.query),
  );

  route(
    app,
    catalogApi.tags,
    {
      tags,
      summary: 'Tags of published workshops, most used first',
      description: 'Lists the tags of published workshops, most used first, optionally only those matching `q`.',
    },
    (request) => catalog.tags(requireActor(request), request.query),
  );
}
