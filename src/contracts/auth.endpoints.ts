import { z } from 'zod';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import { apiToken, createdToken, createTokenBody, devAccount, devSignInBody, peopleQuery, person } from './people.js';

const authMode = z.enum(['dev', 'oidc', 'saml']);

export const authConfig = z.object({
  mode: authMode,
  /** The same as mode (the name this answer had first). */
  authMode,
  /** oidc and saml modes: the sign-in button's words, "Sign in with …"; null in dev mode. */
  signInLabel: z.string().nullable(),
  /** oidc and saml modes: where the sign-in button goes (add ?next=/path); null in dev mode. */
  signInUrl: z.string().nullable(),
});

export const authApi = {
  config: endpoint({
    method: 'GET',
    path: '/api/v1/auth/config',
    operationId: 'getAuthConfig',
    responses: { 200: authConfig },
  }),
  /** oidc mode: answers 302 to the identity provider (a browser navigation, left out of the OpenAPI document). */
  oidcStart: endpoint({
    method: 'GET',
    path: '/api/v1/auth/oidc/start',
    operationId: 'startOidcSignIn',
    query: z.object({ next: z.string().max(2000).optional() }),
    responses: {},
  }),
  /** The identity provider sends the browser back here; answers 302 to the page asked for, or to the sign-in page with an error. */
  oidcCallback: endpoint({
    method: 'GET',
    path: '/api/v1/auth/oidc/callback',
    operationId: 'finishOidcSignIn',
    // Whatever the provider adds (iss, session_state…) is read by openid-client from the URL itself.
    query: z.looseObject({
      code: z.string().max(4000).optional(),
      state: z.string().max(1000).optional(),
      error: z.string().max(200).optional(),
    }),
    responses: {},
  }),
  /** saml mode: Lyceum's SAML 2.0 service provider metadata (XML), for the identity provider's administrators. */
  samlMetadata: endpoint({
    method: 'GET',
    path: '/api/v1/auth/saml/metadata',
    operationId: 'getSamlMetadata',
    responses: { 200: z.string() },
  }),
  /** saml mode: answers 302 to the identity provider with an AuthnRequest (HTTP-Redirect binding; left out of the OpenAPI document). */
  samlStart: endpoint({
    method: 'GET',
    path: '/api/v1/auth/saml/start',
    operationId: 'startSamlSignIn',
    query: z.object({ next: z.string().max(2000).optional() }),
    responses: {},
  }),
  /**
   * saml mode: the assertion consumer service (HTTP-POST binding): the identity provider's page
   * posts the signed response here as a form; answers 302 to the page asked for, or to the sign-in page with an error.
   */
  samlAcs: endpoint({
    method: 'POST',
    path: '/api/v1/auth/saml/acs',
    operationId: 'finishSamlSignIn',
    // Form fields as the binding names them; anything else a provider adds is ignored.
    body: z.looseObject({
      SAMLResponse: z.string().max(900_000).optional(),
      RelayState: z.string().max(2000).optional(),
    }),
    responses: {},
  }),
  devAccounts: endpoint({
    method: 'GET',
    path: '/api/v1/auth/dev/accounts',
    operationId: 'listDevAccounts',
    query: peopleQuery,
    responses: { 200: page(devAccount) },
  }),
  devSignIn: endpoint({
    method: 'POST',
    path: '/api/v1/auth/dev/sign-in',
    operationId: 'devSignIn',
    body: devSignInBody,
    responses: { 200: person },
  }),
  signOut: endpoint({
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    operationId: 'signOut',
    // 200 in oidc mode when the identity provider signs out too: the page goes there next.
    responses: { 200: z.object({ redirectTo: z.url() }), 204: z.null() },
  }),
  listTokens: endpoint({
    method: 'GET',
    path: '/api/v1/me/tokens',
    operationId: 'listMyTokens',
    query: z.strictObject({}),
    responses: { 200: page(apiToken) },
  }),
  createToken: endpoint({
    method: 'POST',
    path: '/api/v1/me/tokens',
    operationId: 'createMyToken',
    body: createTokenBody,
    responses: { 201: createdToken },
  }),
  revokeToken: endpoint({
    method: 'DELETE',
    path: '/api/v1/me/tokens/:id',
    operationId: 'revokeMyToken',
    params: idParams,
    responses: { 204: z.null() },
  }),
};
