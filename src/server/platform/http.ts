import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from '../../contracts/index.js';

export { idParams } from '../../contracts/index.js';

/** The Fastify instance routes are declared on: zod schemas in, zod schemas out. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/**
 * A file answer (CSV, iCalendar) for the OpenAPI document: name its media type in the route's
 * `produces`, and only the success answers are documented with it (errors stay JSON).
 */
export const fileBody = z.string();

/** Error responses every authenticated route may give, for the OpenAPI document. */
export const commonErrors = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
} as const;

/**
 * Sends JSON that was already serialized (a kept answer, or one written from kept pieces, whose
 * tests check it byte for byte against the route's response schema), as text or as its UTF-8
 * bytes: with a JSON content type, Fastify skips the per-request serializer and its check.
 */
export function sendJsonText(reply: { type(contentType: string): unknown }, json: string | Buffer): FastifyReply {
  return (reply as FastifyReply).type('application/json; charset=utf-8').send(json);
}
