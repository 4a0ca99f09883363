import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { originOf } from '../../platform/audit.js';
import { DATABASE_UNAVAILABLE_MESSAGE, DatabaseUnavailable } from '../../platform/db-errors.js';
import { ScimError, scimErrorBody } from './scim.errors.js';
import { resourceTypes, schemas, serviceProviderConfig } from './scim.schemas.js';
import type { ListQuery, ScimService } from './scim.service.js';

const SCIM_JSON = 'application/scim+json; charset=utf-8';

type Params = { id: string };

/**
 * SCIM 2.0 at /scim/v2 (an encapsulated plugin: its JSON media type, bearer token and error format
 * apply to these routes only). Not in the OpenAPI document: SCIM describes itself through
 * /ServiceProviderConfig, /Schemas and /ResourceTypes, which is what providers read.
 */
export function scimRoutes(service: ScimService, baseUrl: string) {
  return async (scim: FastifyInstance) => {
    scim.addContentTypeParser('application/scim+json', { parseAs: 'string' }, scim.getDefaultJsonParser('error', 'ignore'));

    scim.addHook('onRequest', async (request, reply) => {
      reply.type(SCIM_JSON);
      if (!(await service.tokenIsValid(request.headers.authorization))) {
        reply.header('WWW-Authenticate', 'Bearer realm="Lyceum SCIM"');
        throw new ScimError(401, 'A valid SCIM bearer token is required (SCIM_TOKEN, or one made with `lyceum scim-token create`).');
      }
    });

    scim.setErrorHandler((error: FastifyError | ScimError, request, reply) => {
      reply.type(SCIM_JSON);
      if (error instanceof ScimError) return reply.code(error.status).send(scimErrorBody(error.status, error.detail, error.scimType));
      const status = (error as FastifyError).statusCode ?? 500;
      if (status === 415) return reply.code(415).send(scimErrorBody(415, 'Send application/scim+json or application/json.'));
      if (status === 413) return reply.code(413).send(scimErrorBody(413, 'The request body is too large.', 'tooMany'));
      if (status === 429) return reply.code(429).send(scimErrorBody(429, 'Too many requests; try again in a minute.'));
      if (status === 400) return reply.code(400).send(scimErrorBody(400, 'The request body is not valid JSON.', 'invalidSyntax'));
      if (status > 400 && status < 500) return reply.code(status).send(scimErrorBody(status, error.message));
      // Providers retry 503s: the database being away is not the request's fault.
      if (error instanceof DatabaseUnavailable) {
        return reply.code(503).header('Retry-After', '5').send(scimErrorBody(503, DATABASE_UNAVAILABLE_MESSAGE));
      }
      // Two creations of the same person at once: the database's unique email decides, as SCIM says it.
      if (isUniqueViolation(error))
        return reply.code(409).send(scimErrorBody(409, 'That userName or email is already in use.', 'uniqueness'));
      request.log.error({ err: error }, 'SCIM request failed');
      return reply.code(500).send(scimErrorBody(500, 'Lyceum could not complete this request; it was logged.'));
    });

    // Anything else under /scim/v2 (Bulk, Me, a typo): SCIM's 404, not the web app's page.
    const nothingHere = async () => {
      throw new ScimError(404, 'Lyceum offers Users, Groups, ServiceProviderConfig, Schemas and ResourceTypes here.');
    };
    scim.setNotFoundHandler(nothingHere);
    scim.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/*',
      config: { ownCredentials: true },
      schema: { hide: true },
      handler: nothingHere,
    });

    const config = { ownCredentials: true };
    const schema = { hide: true };
    const options = { config, schema };
    const created = (reply: FastifyReply, resource: { meta: { location: string } }) =>
      reply.code(201).header('Location', resource.meta.location).send(resource);

    scim.get('/ServiceProviderConfig', options, async () => serviceProviderConfig(baseUrl));
    scim.get('/ResourceTypes', options, async () => {
      const types = resourceTypes(baseUrl);
      return {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: types.length,
        startIndex: 1,
        itemsPerPage: types.length,
        Resources: types,
      };
    });
    scim.get<{ Params: Params }>('/ResourceTypes/:id', options, async (request) => {
      const found = resourceTypes(baseUrl).find((t) => t.id === request.params.id);
      if (!found) throw new ScimError(404, `No resource type ${request.params.id}`);
      return found;
    });
    scim.get('/Schemas', options, async () => {
      const list = schemas(baseUrl);
      return {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: list.length,
        startIndex: 1,
        itemsPerPage: list.length,
        Resources: list,
      };
    });
    scim.get<{ Params: Params }>('/Schemas/:id', options, async (request) => {
      const found = schemas(baseUrl).find((s) => s.id === request.params.id);
      if (!found) throw new ScimError(404, `No schema ${request.params.id}`);
      return found;
    });

    const origin = (request: FastifyRequest) => originOf(request);

    scim.get<{ Querystring: ListQuery }>('/Users', options, async (request) => service.listUsers(request.query));
    scim.post('/Users', options, async (request, reply) => created(reply, await service.createUser(request.body, origin(request))));
    scim.get<{ Params: Params }>('/Users/:id', options, async (request) => service.getUser(request.params.id));
    scim.put<{ Params: Params }>('/Users/:id', options, async (request) =>
      service.replaceUser(request.params.id, request.body, origin(request)),
    );
    scim.patch<{ Params: Params }>('/Users/:id', options, async (request) =>
      service.patchUser(request.params.id, request.body, origin(request)),
    );
    scim.delete<{ Params: Params }>('/Users/:id', options, async (request, reply) => {
      await service.deleteUser(request.params.id, origin(request));
      return reply.code(204).send();
    });

    scim.get<{ Querystring: ListQuery }>('/Groups', options, async (request) => service.listGroups(request.query));
    scim.post('/Groups', options, async (request, reply) => created(reply, await service.createGroup(request.body, origin(request))));
    scim.get<{ Params: Params; Querystring: ListQuery }>('/Groups/:id', options, async (request) =>
      service.getGroup(request.params.id, request.query.excludedAttributes),
    );
    scim.put<{ Params: Params }>('/Groups/:id', options, async (request) =>
      service.replaceGroup(request.params.id, request.body, origin(request)),
    );
    scim.patch<{ Params: Params }>('/Groups/:id', options, async (request) =>
      service.patchGroup(request.params.id, request.body, origin(request)),
    );
    scim.delete<{ Params: Params }>('/Groups/:id', options, async (request, reply) => {
      await service.deleteGroup(request.params.id, origin(request));
      return reply.code(204).send();
    });
  };
}

/** SQLite's and PostgreSQL's unique-constraint failures. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
