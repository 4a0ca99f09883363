import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One HTTP endpoint, described once: the server registers its route from it (request validation,
 * response serialization, the OpenAPI document) and the web app calls it through it (the path,
 * the types of what goes in and what comes back). Only success answers are listed; every route
 * may also answer the error body (`errorBody`).
 */
export interface Endpoint {
  method: HttpMethod;
  /** Fastify-style path, `/api/v1/workshops/:id`. */
  path: string;
  /** The stable name of the operation in the OpenAPI document (and of generated clients). */
  operationId: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Success answers by status (a 204 or 304 is `z.null()`); files (CSV, iCalendar) are `z.string()`. */
  responses: Partial<Record<200 | 201 | 202 | 204 | 304, z.ZodType>>;
}

/** Declares an endpoint, keeping its literal types for both ends. */
export function endpoint<const E extends Endpoint>(spec: E): E {
  return spec;
}

type Field<E, K extends string, Side extends 'in' | 'out'> = E extends { [P in K]: infer S extends z.ZodType }
  ? Side extends 'in'
    ? z.input<S>
    : z.output<S>
  : undefined;

/** What the server's handler receives (after validation and defaults). */
export type ParamsOf<E> = Field<E, 'params', 'out'>;
export type QueryOf<E> = Field<E, 'query', 'out'>;
export type BodyOf<E> = Field<E, 'body', 'out'>;

/** What a caller sends: params and body are required when the endpoint has them, the query never. */
export type CallInput<E> = (E extends { params: infer P extends z.ZodType } ? { params: z.input<P> } : { params?: never }) &
  (E extends { query: infer Q extends z.ZodType } ? { query?: z.input<Q> } : { query?: never }) &
  (E extends { body: infer B extends z.ZodType } ? { body: z.input<B> } : { body?: never });

type SuccessSchemas<E> = E extends { responses: infer R } ? R[keyof R] : never;

/** What a successful answer carries, as JSON (the web app's view). */
export type ResultOf<E> = SuccessSchemas<E> extends infer S ? (S extends z.ZodType ? z.output<S> : never) : never;

/** What the server's handler may return: the success body before serialization. */
export type ReplyOf<E> = SuccessSchemas<E> extends infer S ? (S extends z.ZodType ? z.input<S> : never) : never;

/** `/api/v1/workshops/:id` with `{ id: 'w 1' }` → `/api/v1/workshops/w%201`. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`Missing path parameter "${name}" for ${path}.`);
    return encodeURIComponent(String(value));
  });
}
