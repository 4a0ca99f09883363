import { z } from 'zod';
import { type DbHandle, ping } from './db.js';
import { DATABASE_UNAVAILABLE_MESSAGE, unavailableReason } from './db-errors.js';
import { sendError } from './error-handler.js';
import type { Api } from './http.js';

const tags = ['operations'];

/** Liveness, readiness and the OpenAPI document: what load balancers and API clients read. */
export function operationsRoutes(app: Api, database: DbHandle): void {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        tags,
        operationId: 'getHealth',
        description: 'Answers 200 as long as the process runs, whatever the database does: restart the instance when it does not.',
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  const readiness = {
    tags,
    operationId: 'getReadiness',
    description: 'Answers 200 when the database answers and 503 when it does not: send requests only to instances that are ready.',
    summary: 'Readiness',
    response: { 200: z.object({ status: z.literal('ready') }) },
  };
  app.get('/readyz', { config: { public: true }, schema: readiness }, async (request, reply) => {
    try {
      await ping(database.db);
      return { status: 'ready' as const };
    } catch (error) {
      // A lost connection is logged once by the pool; load balancers probe every few seconds.
      if (!unavailableReason(error)) request.log.warn({ err: error }, 'database not ready');
      return sendError(reply, request, 'database_unavailable', DATABASE_UNAVAILABLE_MESSAGE);
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
}
