import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { errorBody } from '../../contracts/index.js';
import type { Config } from '../config.js';
import { apiDocsUi } from './api-docs-ui.js';

/**
 * The OpenAPI document at /api/openapi.json, generated from the routes' zod schemas. Routes
 * declare what only they know (operationId, description, their 2xx bodies, the 4xx their service
 * can answer); what follows from the route's shape is added here, in one place, so no route can
 * forget it: `security: []` on public routes, 400 where input is validated, 400/413/415 where a
 * body is read, 401 where one must be signed in, the CSRF / read-only-token 403 on every change
 * (public ones too), 404 where a path names something, 429 where a rate limit applies, and 500/503 everywhere.
 */

const tags = [
  { name: 'auth', description: 'Signing in and personal API tokens.' },
  { name: 'people', description: 'The company directory.' },
  { name: 'workshops', description: 'Learning offerings that can run many times, and their hosts.' },
  { name: 'sessions', description: 'Scheduled occurrences of a workshop.' },
  { name: 'catalog', description: 'Finding workshops and sessions: search, the catalog, tags.' },
  { name: 'discovery', description: 'Channels, following hosts, "notify me", workshop requests and recommendations.' },
  { name: 'registrations', description: 'Seats, waitlists, rosters, check-in and messages to attendees.' },
  { name: 'notifications', description: 'Calendars, notification choices, webhooks, the outbox and the built-in mailbox.' },
  { name: 'checklists', description: 'Instructional checklists: templates, versions, answers, suggestions and adoption.' },
  {
    name: 'feedback',
    description: "Feedback after every session, the follow-up a month later, the hosts' and the education team's summaries.",
  },
  {
    name: 'analytics',
    description: "The education team's dashboard: figures with the previous period, tables, exports, the read-only share.",
  },
  {
    name: 'team',
    description: "A manager's view: their reports' upcoming and recent learning (never feedback), and workshops suggested to them.",
  },
  { name: 'audit', description: 'The audit log: who did what, when and from where (admins).' },
  { name: 'operations', description: 'Health checks for load balancers and orchestrators.' },
];

/** What each status means, as the response's description (a response must have one). */
const responseDescriptions: Record<string, string> = {
  200: 'OK.',
  201: 'Created.',
  204: 'Done; no content.',
  304: 'Not modified: your copy (named by If-None-Match or If-Modified-Since) is current; no content.',
  400: 'The request is not valid: `validation_failed` (`details` names each field), `invalid_json` or `bad_request`.',
  401: 'Not signed in, or the API token is unknown, revoked or expired (`unauthenticated`).',
  403:
    'Not allowed (`forbidden`): you may see this but not change it, or a read-only API token tried a change; ' +
    'or a browser request lacks its X-CSRF-Token header (`csrf_failed`).',
  404: 'Not found (`not_found`), or not visible to you.',
  409: 'It conflicts with the current state (`conflict`, `invalid_state`); the message says why.',
  413: 'The body is larger than 1 MB (`payload_too_large`).',
  415: 'The body is not sent as application/json (`unsupported_media_type`).',
  429: 'Too many attempts from this address (`rate_limited`); wait a minute.',
  500: 'Something went wrong on the server (`internal`); quote the request id.',
  503: 'Lyceum cannot answer right now (`database_unavailable`: the database is unreachable); try again in a moment.',
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RouteSchema = FastifySchema & {
  hide?: boolean;
  produces?: string[];
  response?: Record<string, unknown>;
  security?: unknown[];
};

type Route = Pick<RouteOptions, 'method' | 'url' | 'config'> & { schema?: RouteSchema };

function methodsOf(route: Route): string[] {
  return (Array.isArray(route.method) ? route.method : [route.method]).map((m) => String(m).toUpperCase());
}

/** The error responses that follow from how a route is declared (a route's own declarations win). */
function impliedErrors(route: Route): number[] {
  const schema = route.schema ?? {};
  const isPublic = route.config?.public === true;
  const changes = methodsOf(route).some((m) => !SAFE_METHODS.has(m));
  const codes = [500, 503];
  if (schema.querystring || schema.params) codes.push(400);
  // Fastify reads a body sent with any of these methods, schema or not: it may be malformed, too large or not JSON.
  if (schema.body || methodsOf(route).some((m) => BODY_METHODS.has(m))) codes.push(400, 413, 415);
  if (!isPublic) codes.push(401);
  // A browser's cookie is checked on every change, public routes included (sign-out, sign-in):
  // sent without its X-CSRF-Token header, it is refused with 403 csrf_failed.
  if (changes) codes.push(403);
  if (schema.params) codes.push(404);
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) codes.push(429);
  return codes;
}

function isSuccess(status: string): boolean {
  return /^2\d\d$/.test(status);
}

/** One route → its operation: zod → JSON Schema by fastify-type-provider-zod, then Lyceum's conventions. */
function documentRoute(input: Parameters<typeof jsonSchemaTransform>[0] & { route: Route }) {
  const { route } = input;
  const schema = input.schema as RouteSchema | undefined;
  if (!schema || schema.hide) return jsonSchemaTransform(input);

  const response: Record<string, unknown> = { ...schema.response };
  for (const status of impliedErrors(route)) response[status] ??= errorBody;
  const transformed = jsonSchemaTransform({ ...input, schema: { ...schema, response } }) as { schema: RouteSchema; url: string };
  const out = transformed.schema;
  const documented = out.response as Record<string, Record<string, unknown>>;

  for (const [status, body] of Object.entries(documented)) {
    const description = responseDescriptions[status] ?? 'See the operation description.';
    if (status === '204' || status === '304') {
      // `type: 'null'` tells @fastify/swagger there is no body at all.
      documented[status] = { type: 'null', description };
    } else if (isSuccess(status) && schema.produces) {
      // Files (CSV, iCalendar): only the success answers have that type; errors stay JSON.
      documented[status] = {
        description,
        content: Object.fromEntries(schema.produces.map((type) => [type, { schema: { type: 'string' } }])),
      };
    } else {
      documented[status] = { ...body, description: body.description ?? description };
    }
  }
  delete out.produces;
  if (route.config?.public === true) out.security = [];
  return transformed;
}

type Json = unknown;

/**
 * OpenAPI 3.0 spells "null is allowed" as `nullable: true`, which does not widen an `enum`
 * (OpenAPI 3.0.3 clarified it, Ajv follows it): a nullable enum must list null itself. zod's
 * openapi-3.0 output leaves it out (22 places, e.g. a checklist item's `answer`).
 */
function allowNullInNullableEnums(node: Record<string, Json>): void {
  const values = node.enum;
  if (node.nullable === true && Array.isArray(values) && !values.includes(null)) values.push(null);
}

/**
 * A zod record keyed by an enum (`{ analysis: …, design: … }`, every key present) becomes
 * `required` keys plus `propertyNames`, which OpenAPI 3.0 lacks: name the properties instead.
 */
function nameRequiredRecordKeys(node: Record<string, Json>): void {
  const { required, additionalProperties } = node;
  if (!Array.isArray(required) || typeof additionalProperties !== 'object' || additionalProperties === null) return;
  const properties = (node.properties ?? {}) as Record<string, Json>;
  const missing = required.filter((key): key is string => typeof key === 'string' && !(key in properties));
  if (missing.length === 0) return;
  for (const key of missing) properties[key] = structuredClone(additionalProperties);
  node.properties = properties;
  node.additionalProperties = false;
}

function visitSchemas(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) visitSchemas(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const object = node as Record<string, Json>;
  allowNullInNullableEnums(object);
  nameRequiredRecordKeys(object);
  for (const value of Object.values(object)) visitSchemas(value);
}

/** The routes documented in an app's OpenAPI document, with their zod schemas (for tooling and tests). */
const routesByApp = new WeakMap<FastifyInstance, Route[]>();

export function documentedRoutes(app: FastifyInstance): { method: string; url: string; schema: RouteSchema; public: boolean }[] {
  return (routesByApp.get(app) ?? []).flatMap((route) =>
    route.schema?.hide
      ? []
      : methodsOf(route)
          .filter((method) => method !== 'HEAD')
          .map((method) => ({ method, url: route.url, schema: route.schema ?? {}, public: route.config?.public === true })),
  );
}

export async function installOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  const routes: Route[] = [];
  routesByApp.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route as Route);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lyceum API',
        version: '1',
        description: 'Peer-to-peer learning: workshops, sessions, people.',
        license: { name: 'MIT', url: 'https://opensource.org/license/mit' },
      },
      servers: [{ url: config.publicUrl, description: 'This Lyceum (PUBLIC_URL)' }],
      tags,
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token from your profile page.' },
          cookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'lyceum_session',
            description: 'The browser session; changes must echo the lyceum_csrf cookie in an X-CSRF-Token header.',
          },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    // PUBLIC_URL may carry a path; the documented paths are the routes' own, never shortened.
    stripBasePath: false,
    transform: documentRoute as never,
    transformObject: (document) => {
      if (!('openapiObject' in document)) throw new Error('Lyceum documents OpenAPI 3 only');
      visitSchemas(document.openapiObject.paths);
      visitSchemas(document.openapiObject.components);
      return document.openapiObject;
    },
  });
  // The docs page runs no inline script, so the app's own content-security policy covers it;
  // its theme makes it pass axe (api-docs-ui.ts).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', ...apiDocsUi });
}
