import { z } from 'zod';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';
import { apiToken, createdToken, createTokenBody, devAccount, devSignInBody, peopleQuery, person } from './people.js';

export const authApi = {
  config: endpoint({
    method: 'GET',
    path: '/api/v1/auth/config',
    operationId: 'getAuthConfig',
    responses: { 200: z.object({ authMode: z.enum(['dev']) }) },
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
    responses: { 204: z.null() },
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
