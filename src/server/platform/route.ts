import type { FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import type { BodyOf, Endpoint, ParamsOf, QueryOf, ReplyOf } from '../../contracts/endpoint.js';
import { type Api, commonErrors } from './http.js';

/** What only the server knows about an endpoint: its words in the OpenAPI document and its route options. */
export interface RouteDocs {
  tags: string[];
  summary: string;
  description: string;
  /** Media types of a file answer (the success answers are documented with them). */
  produces?: string[];
  /** Fastify route config (`public`, `rateLimit`). */
  config?: Record<string, unknown>;
  /** Errors beyond the usual ones (400, 401, 403, 404, 409), e.g. `{ 429: errorBody }`; `false` for none. */
  errors?: Record<number, unknown> | false;
  /**
   * Left out of the OpenAPI document: a browser navigation answered with redirects (single
   * sign-on), which no API client calls and which has no 2xx answer to document.
   */
  hidden?: boolean;
}

export type RouteRequest<E extends Endpoint> = FastifyRequest<{
  Params: ParamsOf<E>;
  Querystring: QueryOf<E>;
  Body: BodyOf<E>;
}>;

export type RouteHandler<E extends Endpoint> = (
  request: RouteRequest<E>,
  reply: FastifyReply,
) => ReplyOf<E> | FastifyReply | Promise<ReplyOf<E> | FastifyReply>;

/**
 * Registers the route an endpoint of `src/contracts` describes: the method, path, params, query,
 * body and success answers come from the contract, so the server and the web app cannot disagree.
 */
export function route<E extends Endpoint>(app: Api, endpoint: E, docs: RouteDocs, handler: RouteHandler<E>): void {
  const schema: FastifySchema & Record<string, unknown> = {
    tags: docs.tags,
    operationId: endpoint.operationId,
    summary: docs.summary,
    description: docs.description,
    response: { ...endpoint.responses, ...(docs.errors === false ? {} : { ...commonErrors, ...docs.errors }) },
  };
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body) schema.body = endpoint.body;
  if (docs.produces) schema.produces = docs.produces;
  if (docs.hidden) schema.hide = true;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema,
    ...(docs.config ? { config: docs.config } : {}),
    // The contract's types are the route's types; Fastify's own generics cannot follow a value.
    handler: handler as never,
  });
}
