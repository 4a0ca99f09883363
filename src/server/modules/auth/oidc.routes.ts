import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authApi } from '../../../contracts/index.js';
import type { Config, OidcConfig } from '../../config.js';
import { originOf } from '../../platform/audit.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/authenticate.js';
import { AppError } from '../../platform/errors.js';
import type { Api } from '../../platform/http.js';
import { type RouteDocs, route } from '../../platform/route.js';
import type { AuthService } from './auth.service.js';
import { failureReason, type OidcClient, providerUnavailable } from './oidc.client.js';
import { OidcRefusal, type OidcSignInService } from './oidc.service.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, openPendingSignIn, safeNextPath, sealIdToken, sealPendingSignIn } from './oidc.state.js';

const tags = ['auth'];
const strictLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
const CALLBACK_PATH = authApi.oidcCallback.path;
/**
 * Both routes answer redirects only (to the provider, back to Lyceum's page, or to the sign-in
 * page with ?error=): browser navigations, left out of the OpenAPI document (no 2xx to document).
 */
const redirects = { 302: z.null().describe('Redirects the browser (Location): see the operation description.') };

const startDocs: RouteDocs = {
  tags,
  summary: 'Single sign-on: go to the identity provider',
  description:
    'AUTH_MODE=oidc only. Answers 302 to the identity provider (authorization code with PKCE S256, state and nonce), ' +
    'remembering `next` (a same-site path) in a sealed, short-lived cookie; when the provider cannot be reached, ' +
    '302 to /sign-in?error=oidc_unavailable.',
  config: { public: true, ...strictLimit },
  errors: redirects,
  hidden: true,
};

const callbackDocs: RouteDocs = {
  tags,
  summary: 'Single sign-on: back from the identity provider',
  description:
    'AUTH_MODE=oidc only. Exchanges the code (checking state, nonce, PKCE and the ID token), signs the person in ' +
    '(added on first sign-in, found by email otherwise) and answers 302 to the page asked for, with the session ' +
    'cookies. Refusals answer 302 to /sign-in?error=<code> (oidc_failed, oidc_denied, oidc_unavailable, email_missing, ' +
    'email_unverified, account_inactive).',
  config: { public: true, ...strictLimit },
  errors: redirects,
  hidden: true,
};

/** The sign-in page shows a sentence for each code (see SignInPage.tsx). */
const signInPageWith = (code: OidcRefusal['code']) => `/sign-in?error=${encodeURIComponent(code)}`;

/**
 * States already used on this instance, until their cookie would have expired: a replayed
 * callback is refused here before the provider is asked; across instances the provider's
 * one-time authorization code refuses it anyway.
 */
class UsedStates {
  private readonly seen = new Map<string, number>();

  /** false when the state was used already. */
  claim(state: string, now = Date.now()): boolean {
    for (const [s, until] of this.seen) if (until <= now) this.seen.delete(s);
    if (this.seen.has(state)) return false;
    this.seen.set(state, now + OIDC_STATE_TTL_MS);
    return true;
  }
}

export function setSessionCookies(
  reply: FastifyReply,
  session: { sessionCookie: string; csrfToken: string; expiresAt: Date },
  config: Pick<Config, 'secureCookies'>,
): void {
  const cookie = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies, expires: session.expiresAt };
  reply.setCookie(SESSION_COOKIE, session.sessionCookie, { ...cookie, httpOnly: true });
  // Readable by the page, which echoes it in X-CSRF-Token on every change.
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookie, httpOnly: false });
}

/** AUTH_MODE=oidc: signing in through the company's identity provider (the demo routes are not registered then). */
export function oidcRoutes(
  app: Api,
  deps: { auth: AuthService; client: OidcClient; signIn: OidcSignInService; settings: OidcConfig; config: Config } | undefined,
): void {
  if (!deps) {
    // Demo mode: a link to single sign-on left over from another install gets a sentence saying why not.
    const disabled = () => {
      throw new AppError('not_found', 'OpenID Connect single sign-on is not enabled on this Lyceum (AUTH_MODE is not oidc).');
    };
    route(app, authApi.oidcStart, startDocs, disabled);
    route(app, authApi.oidcCallback, callbackDocs, disabled);
    return;
  }
  const { auth, client, signIn, settings, config } = deps;
  // The demo sign-in is not there in oidc mode: 404 (unregistered, a path that needs sign-in would answer 401).
  const noDemo = () => {
    throw new AppError('not_found', 'The demo sign-in is off: this Lyceum signs people in through single sign-on (AUTH_MODE=oidc).');
  };
  const demoDocs = { tags, summary: 'Demo mode only', description: 'Not available in oidc mode.', config: { public: true }, hidden: true };
  route(app, authApi.devAccounts, demoDocs, noDemo);
  route(app, authApi.devSignIn, { ...demoDocs, config: { public: true, ...strictLimit } }, noDemo);
  const used = new UsedStates();
  // Sent back by the provider's top-level redirect, so SameSite=Lax (Strict would not come back).
  const stateCookie = { path: CALLBACK_PATH, httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  /** Logs and audits a refusal, then sends the browser to the sign-in page with its code: never a stack trace. */
  async function refuse(request: FastifyRequest, reply: FastifyReply, refusal: OidcRefusal, cause?: unknown) {
    request.log.warn(
      { code: refusal.code, reason: refusal.reason, cause: cause instanceof Error ? cause.message : undefined },
      'single sign-on refused',
    );
    try {
      await signIn.recordFailure(refusal, originOf(request));
    } catch (error) {
      request.log.warn({ error: String(error) }, 'refused sign-on not audited');
    }
    return reply.redirect(signInPageWith(refusal.code), 302);
  }

  route(app, authApi.oidcStart, startDocs, async (request, reply) => {
    try {
      const { url, pending } = await client.authorizationUrl(safeNextPath(request.query.next));
      reply.setCookie(OIDC_STATE_COOKIE, sealPendingSignIn(settings.clientSecret, pending), {
        ...stateCookie,
        maxAge: OIDC_STATE_TTL_MS / 1000,
      });
      return reply.redirect(url.href, 302);
    } catch (error) {
      const reason = `the identity provider at ${settings.issuer} could not be used: ${error instanceof Error ? error.message : String(error)}`;
      return refuse(request, reply, new OidcRefusal('oidc_unavailable', reason), error);
    }
  });

  route(app, authApi.oidcCallback, callbackDocs, async (request, reply) => {
    const pending = openPendingSignIn(settings.clientSecret, request.cookies[OIDC_STATE_COOKIE]);
    reply.clearCookie(OIDC_STATE_COOKIE, { path: CALLBACK_PATH });
    const { error } = request.query;
    if (error) {
      // access_denied: the person cancelled, or the provider will not let them into Lyceum (not assigned to the app).
      const code = error === 'access_denied' ? 'oidc_denied' : 'oidc_failed';
      return refuse(request, reply, new OidcRefusal(code, `the identity provider answered ${error.slice(0, 100)}`));
    }
    if (!pending)
      return refuse(request, reply, new OidcRefusal('oidc_failed', 'no sign-in in progress (its cookie is missing or expired)'));
    if (!used.claim(pending.state)) return refuse(request, reply, new OidcRefusal('oidc_failed', 'this sign-in was already used'));

    let finished: Awaited<ReturnType<OidcClient['finish']>>;
    try {
      finished = await client.finish(new URL(request.url, config.publicUrl), pending);
    } catch (cause) {
      const message = failureReason(cause);
      if (providerUnavailable(cause)) {
        return refuse(
          request,
          reply,
          new OidcRefusal('oidc_unavailable', `the identity provider could not finish the sign-in: ${message}`),
          cause,
        );
      }
      return refuse(request, reply, new OidcRefusal('oidc_failed', `the identity provider's answer was refused: ${message}`), cause);
    }
    const { claims, idToken } = finished;
    let person: { personId: string };
    try {
      person = await signIn.personFor(claims, originOf(request));
    } catch (cause) {
      if (cause instanceof OidcRefusal) return refuse(request, reply, cause);
      throw cause;
    }
    setSessionCookies(reply, await auth.startSession(person.personId, undefined, sealIdToken(settings.clientSecret, idToken)), config);
    return reply.redirect(pending.next, 302);
  });
}

/** GET /api/v1/auth/config: how the sign-in page signs people in. */
export function authConfigAnswer(config: Pick<Config, 'authMode' | 'oidc' | 'saml'>) {
  const provider = config.oidc ?? config.saml;
  return {
    mode: config.authMode,
    authMode: config.authMode,
    signInLabel: provider ? `Sign in with ${provider.providerName}` : null,
    signInUrl: config.oidc ? authApi.oidcStart.path : config.saml ? authApi.samlStart.path : null,
  };
}
