import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { clientOver, type Method } from './app.js';

/** The SCIM_TOKEN of the SCIM test apps (at least 32 characters, as the setting asks). */
export const SCIM_TOKEN = 'scim-test-token-0123456789abcdefghijklmnop';
export const SCIM_ENV = { SCIM_TOKEN, SCIM_ADMIN_GROUPS: 'Lyceum Admins' };

/** Requests to /scim/v2 as an identity provider sends them: the bearer token and application/scim+json. */
export function scimClient(app: FastifyInstance, token: string | null = SCIM_TOKEN) {
  return clientOver(
    (method: Method, url: string, body?: unknown): Promise<LightMyRequestResponse> =>
      app.inject({
        method,
        url: `/scim/v2${url}`,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      }),
  );
}
