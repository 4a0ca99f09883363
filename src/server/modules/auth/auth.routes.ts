import { z } from 'zod';
import { apiToken, createdToken, createTokenBody, devAccount, devSignInBody, page, peopleQuery, person } from '../../../contracts/index.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../platform/actor.js';
import { CSRF_COOKIE, requireActor, SESSION_COOKIE } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { PeopleService } from '../people/people.service.js';
import type { AuthService } from './auth.service.js';

// Sign-in and token creation are the only per-address limits: a company's people share addresses.
const strictLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Who reads the directory on the demo sign-in page, before anyone has signed in. */
const DEMO_VISITOR: Actor = { id: 'demo-visitor', name: 'Demo visitor', role: 'member', timeZone: 'UTC' };

export function authRoutes(app: Api, auth: AuthService, people: PeopleService, config: Config): void {
  app.get(
    '/api/v1/auth/config',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'getAuthConfig',
        description: 'Tells the sign-in page how people sign in to this Lyceum; needs no sign-in.',
        summary: 'How to sign in',
        response: { 200: z.object({ authMode: z.enum(['dev']) }) },
      },
    },
    () => ({ authMode: config.authMode }),
  );

  if (config.authMode === 'dev') {
    app.get(
      '/api/v1/auth/dev/accounts',
      {
        config: { public: true },
        schema: {
          tags: ['auth'],
          operationId: 'listDevAccounts',
          description: 'Demo mode (AUTH_MODE=dev) only: the people one may sign in as, searchable like the directory; needs no sign-in.',
          summary: 'Demo mode: people one may sign in as',
          querystring: peopleQuery,
          response: { 200: page(devAccount) },
        },
      },
      async (request) => {
        // Demo mode lets anyone act as anyone, so listing the accounts is part of the sign-in page.
        const result = await people.list(DEMO_VISITOR, request.query);
        return {
          items: result.items.map(({ id, email, name, title, team, role }) => ({ id, email, name, title, team, role })),
          nextCursor: result.nextCursor,
        };
      },
    );

    app.post(
      '/api/v1/auth/dev/sign-in',
      {
        config: { public: true, ...strictLimit },
        schema: {
          tags: ['auth'],
          operationId: 'devSignIn',
          description: 'Demo mode only: signs in as the person with this email and sets the session and CSRF cookies.',
          summary: 'Demo mode: sign in as anyone',
          body: devSignInBody,
          response: { 200: person, ...commonErrors },
        },
      },
      async (request, reply) => {
        const session = await auth.devSignIn(request.body.email);
        const cookie = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, expires: session.expiresAt };
        reply.setCookie(SESSION_COOKIE, session.sessionCookie, { ...cookie, httpOnly: true });
        // Readable by the page, which echoes it in X-CSRF-Token on every change.
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false });
        return people.get(DEMO_VISITOR, session.personId);
      },
    );
  }

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'signOut',
        description: 'Ends the browser session and clears its cookies; succeeds even when nobody is signed in.',
        summary: 'Sign out',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.signOut(request.cookies[SESSION_COOKIE]);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/tokens',
    {
      schema: {
        tags: ['auth'],
        operationId: 'listMyTokens',
        description: "Lists your API tokens with their names and when they were last used; a token's secret is never shown again.",
        summary: 'My API tokens',
        querystring: z.strictObject({}),
        response: { 200: page(apiToken), ...commonErrors },
      },
    },
    async (request) => ({ items: await auth.listTokens(requireActor(request)), nextCursor: null }),
  );

  app.post(
    '/api/v1/me/tokens',
    {
      config: strictLimit,
      schema: {
        tags: ['auth'],
        operationId: 'createMyToken',
        summary: 'Create an API token (shown once)',
        description:
          'Only a person signed in with a browser can create tokens (an API token gets 403). A `read` token may only look: ' +
          'every POST, PUT, PATCH or DELETE made with it answers 403. Tokens expire after 90 days unless you choose otherwise.',
        body: createTokenBody,
        response: { 201: createdToken, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await auth.createToken(requireActor(request), request.body)),
  );

  app.delete(
    '/api/v1/me/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        operationId: 'revokeMyToken',
        description: 'Revokes one of your API tokens at once: requests made with it get 401 from then on.',
        summary: 'Revoke an API token',
        params: idParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await auth.revokeToken(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
}
