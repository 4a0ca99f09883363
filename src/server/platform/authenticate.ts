import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';
import { AppError } from './errors.js';

export const SESSION_COOKIE = 'lyceum_session';
export const CSRF_COOKIE = 'lyceum_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (health, sign-in, the OpenAPI document). */
    public?: boolean;
    /**
     * A public form that another site's page posts (SAML's HTTP-POST binding), carrying its own
     * signed proof: the session cookie is not read for it, so no CSRF token is asked and nobody
     * acts as the person already signed in.
     */
    crossSiteForm?: boolean;
    /**
     * Authenticated by its own bearer token, not a person's (SCIM provisioning): no API token or
     * session cookie is read, so a browser's cookie can neither help nor trip the CSRF check.
     */
    ownCredentials?: boolean;
  }
}

/** What the auth module answers about a credential (the platform does not know how it is stored). */
export interface Authenticator {
  actorFromApiToken(
    token: string,
  ): Promise<{ status: 'valid'; actor: Actor } | { status: 'expired'; expiredAt: string } | { status: 'unknown' }>;
  actorFromSessionCookie(cookie: string): Promise<{ actor: Actor; csrfToken?: string } | undefined>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed-in person, or a 401 for routes that need one. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.actor;
}

/**
 * Resolves who is calling: an API token (scripts) or the session cookie (browsers). Cookie
 * requests that change state must echo the CSRF token; API tokens are not sent by browsers
 * on their own, so they need no CSRF check. A `read` token is refused every change here, in one
 * place, so no route can forget it.
 *
 * Routes that need nobody signed in (health checks, calendar feeds, the sign-in page's settings,
 * the OpenAPI document, the web app's files) ignore a bad Authorization header: a stale token
 * that a proxy or a tool adds to every request must not take them down.
 */
export function installAuthentication(app: FastifyInstance, auth: Authenticator): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config?.ownCredentials === true) return;
    // The matched route as well as the raw URL: the router decodes `/%61pi/v1/…` into an API
    // route, which must not slip past the checks below.
    const isApi = [request.routeOptions.url, request.url].some((path) => path?.startsWith('/api/v1/'));
    const needsActor = isApi && request.routeOptions.config?.public !== true;
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const check = match?.[1] ? await auth.actorFromApiToken(match[1]) : ({ status: 'unknown' } as const);
      if (check.status === 'valid') {
        if (needsActor && check.actor.apiToken?.scope === 'read' && !SAFE_METHODS.has(request.method)) {
          throw new AppError(
            'forbidden',
            'This API token is read-only: it may look but not change anything. Use a token with write scope.',
          );
        }
        request.actor = check.actor;
        return;
      }
      if (needsActor) {
        throw new AppError(
          'unauthenticated',
          check.status === 'expired'
            ? `This API token expired on ${check.expiredAt.slice(0, 10)}; create a new one on your profile page.`
            : 'The API token is invalid or revoked.',
        );
      }
    }
    if (request.routeOptions.config?.crossSiteForm === true && request.routeOptions.config.public === true) return;
    const cookie = request.cookies[SESSION_COOKIE];
    const resolved = cookie ? await auth.actorFromSessionCookie(cookie) : undefined;
    if (resolved) {
      if (!SAFE_METHODS.has(request.method)) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !resolved.csrfToken || !sameSecret(sent, resolved.csrfToken)) {
          throw new AppError('csrf_failed', 'The request lacks a valid X-CSRF-Token header; reload the page and try again.');
        }
      }
      request.actor = resolved.actor;
      return;
    }
    if (needsActor) throw new AppError('unauthenticated', 'Sign in to continue.');
  });
}
