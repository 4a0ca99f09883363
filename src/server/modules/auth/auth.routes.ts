import { authApi } from '../../../contracts/index.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../platform/actor.js';
import { originOf } from '../../platform/audit.js';
import { CSRF_COOKIE, requireActor, SESSION_COOKIE } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { AuthService } from './auth.service.js';
import { authConfigAnswer } from './oidc.routes.js';
import type { PeopleDirectory } from './ports.js';

const tags = ['auth'];

// Sign-in and token creation are the only per-address limits: a company's people share addresses.
const strictLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };

/** Who reads the directory on the demo sign-in page, before anyone has signed in. */
const DEMO_VISITOR: Actor = { id: 'demo-visitor', name: 'Demo visitor', role: 'member', timeZone: 'UTC' };

export function authRoutes(
  app: Api,
  auth: AuthService,
  people: PeopleDirectory,
  config: Config,
  /**
   * oidc mode: where the browser signs out of the identity provider too (RP-initiated logout), if it
   * offers that; given the ID token of the session being ended, when it was kept.
   */
  endSessionUrl?: (idTokenHint: string | null) => Promise<string | undefined>,
): void {
  route(
    app,
    authApi.config,
    {
      tags,
      summary: 'How to sign in',
      description: 'Tells the sign-in page how people sign in to this Lyceum; needs no sign-in.',
      config: { public: true },
      errors: false,
    },
    () => authConfigAnswer(config),
  );

  if (config.authMode === 'dev') {
    route(
      app,
      authApi.devAccounts,
      {
        tags,
        summary: 'Demo mode: people one may sign in as',
        description: 'Demo mode (AUTH_MODE=dev) only: the people one may sign in as, searchable like the directory; needs no sign-in.',
        config: { public: true },
        errors: false,
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

    route(
      app,
      authApi.devSignIn,
      {
        tags,
        summary: 'Demo mode: sign in as anyone',
        description: 'Demo mode only: signs in as the person with this email and sets the session and CSRF cookies.',
        config: { public: true, ...strictLimit },
      },
      async (request, reply) => {
        const session = await auth.devSignIn(request.body.email, originOf(request));
        const cookie = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, expires: session.expiresAt };
        reply.setCookie(SESSION_COOKIE, session.sessionCookie, { ...cookie, httpOnly: true });
        // Readable by the page, which echoes it in X-CSRF-Token on every change.
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false });
        return people.get(DEMO_VISITOR, session.personId);
      },
    );
  }

  route(
    app,
    authApi.signOut,
    {
      tags,
      summary: 'Sign out',
      description:
        'Ends the browser session and clears its cookies; succeeds even when nobody is signed in. With single sign-on ' +
        '(AUTH_MODE=oidc) and a provider that signs out too, answers 200 with `redirectTo`, where the page goes next.',
      config: { public: true },
      errors: false,
    },
    async (request, reply) => {
      const { idToken } = await auth.signOut(request.cookies[SESSION_COOKIE], originOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      const redirectTo = await endSessionUrl?.(idToken);
      if (redirectTo) return { redirectTo };
      return reply.code(204).send(null);
    },
  );

  route(
    app,
    authApi.listTokens,
    {
      tags,
      summary: 'My API tokens',
      description: "Lists your API tokens with their names and when they were last used; a token's secret is never shown again.",
    },
    async (request) => ({ items: await auth.listTokens(requireActor(request)), nextCursor: null }),
  );

  route(
    app,
    authApi.createToken,
    {
      tags,
      summary: 'Create an API token (shown once)',
      description:
        'Only a person signed in with a browser can create tokens (an API token gets 403). A `read` token may only look: ' +
        'every POST, PUT, PATCH or DELETE made with it answers 403. Tokens expire after 90 days unless you choose otherwise.',
      config: strictLimit,
    },
    async (request, reply) => reply.code(201).send(await auth.createToken(requireActor(request), request.body, originOf(request))),
  );

  route(
    app,
    authApi.revokeToken,
    {
      tags,
      summary: 'Revoke an API token',
      description: 'Revokes one of your API tokens at once: requests made with it get 401 from then on.',
    },
    async (request, reply) => {
      await auth.revokeToken(requireActor(request), request.params.id, originOf(request));
      return reply.code(204).send(null);
    },
  );
}
