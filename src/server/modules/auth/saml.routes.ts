import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authApi } from '../../../contracts/index.js';
import type { Config } from '../../config.js';
import { originOf } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Api } from '../../platform/http.js';
import { type RouteDocs, route } from '../../platform/route.js';
import type { AuthService } from './auth.service.js';
import { type FederatedSignInService, SignInRefusal } from './federated-sign-in.service.js';
import { setSessionCookies } from './oidc.routes.js';
import { safeNextPath } from './oidc.state.js';
import { SAML_REQUEST_TTL_MS, type SamlClient } from './saml.client.js';

const tags = ['auth'];
const strictLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
export const SAML_REQUEST_COOKIE = 'lyceum_saml';
const ACS_PATH = authApi.samlAcs.path;
/** A response with many groups runs to a few hundred KB; the form is parsed only on this route. */
const FORM_LIMIT_BYTES = 1024 * 1024;
const redirects = { 302: z.null().describe('Redirects the browser (Location): see the operation description.') };

const metadataDocs: RouteDocs = {
  tags,
  summary: 'Single sign-on: SAML service provider metadata',
  description:
    "AUTH_MODE=saml only. Lyceum's SAML 2.0 service provider metadata (XML): its entity id, the assertion consumer service " +
    '(HTTP-POST) and the NameID format (email address); signed assertions are required. Give it to the identity provider.',
  produces: ['application/samlmetadata+xml'],
  config: { public: true },
};

const startDocs: RouteDocs = {
  tags,
  summary: 'Single sign-on: go to the SAML identity provider',
  description:
    'AUTH_MODE=saml only. Answers 302 to the identity provider with an AuthnRequest (HTTP-Redirect binding), remembering ' +
    'the request and `next` (a same-site path) for ten minutes.',
  config: { public: true, ...strictLimit },
  errors: redirects,
  hidden: true,
};

const acsDocs: RouteDocs = {
  tags,
  summary: 'Single sign-on: the SAML assertion consumer service',
  description:
    "AUTH_MODE=saml only. The identity provider's page posts the SAML response here (application/x-www-form-urlencoded). " +
    'Signs the person in and answers 302 to the page asked for; refusals answer 302 to /sign-in?error=<code> ' +
    '(saml_failed, saml_denied, email_missing, account_inactive).',
  config: { public: true, crossSiteForm: true, ...strictLimit },
  errors: redirects,
  hidden: true,
};

const signInPageWith = (code: SignInRefusal['code']) => `/sign-in?error=${encodeURIComponent(code)}`;

/** AUTH_MODE=saml: signing in through the company's SAML identity provider. */
export async function samlRoutes(
  app: Api,
  config: Config,
  deps: { auth: AuthService; client: SamlClient; signIn: FederatedSignInService } | undefined,
): Promise<void> {
  if (!deps) {
    const disabled = () => {
      throw new AppError('not_found', `SAML single sign-on is not enabled on this Lyceum (AUTH_MODE=${config.authMode}).`);
    };
    route(app, authApi.samlMetadata, metadataDocs, disabled);
    route(app, authApi.samlStart, startDocs, disabled);
    route(app, authApi.samlAcs, { ...acsDocs, config: { public: true, ...strictLimit } }, disabled);
    return;
  }
  const { auth, client, signIn } = deps;
  // The demo sign-in is not there in saml mode: 404 (unregistered, a path that needs sign-in would answer 401).
  const noDemo = () => {
    throw new AppError('not_found', 'The demo sign-in is off: this Lyceum signs people in through single sign-on (AUTH_MODE=saml).');
  };
  const demoDocs = { tags, summary: 'Demo mode only', description: 'Not available in saml mode.', config: { public: true }, hidden: true };
  route(app, authApi.devAccounts, demoDocs, noDemo);
  route(app, authApi.devSignIn, { ...demoDocs, config: { public: true, ...strictLimit } }, noDemo);

  // The provider's page posts the response from its own site: only a SameSite=None cookie comes
  // with that POST, and browsers take SameSite=None only with Secure (https). Over http (a local
  // provider) the browser sees one site anyway, and Lax comes along.
  const requestCookie = {
    path: ACS_PATH,
    httpOnly: true,
    secure: config.secureCookies,
    sameSite: config.secureCookies ? ('none' as const) : ('lax' as const),
  };

  async function refuse(request: FastifyRequest, reply: FastifyReply, refusal: SignInRefusal) {
    request.log.warn({ code: refusal.code, reason: refusal.reason }, 'single sign-on refused');
    try {
      await signIn.recordFailure(refusal, 'saml', originOf(request));
    } catch (error) {
      request.log.warn({ error: String(error) }, 'refused sign-on not audited');
    }
    return reply.redirect(signInPageWith(refusal.code), 302);
  }

  route(app, authApi.samlMetadata, metadataDocs, (_request, reply) =>
    reply.type('application/samlmetadata+xml; charset=utf-8').send(client.metadata()),
  );

  route(app, authApi.samlStart, startDocs, async (request, reply) => {
    const { url, requestId } = await client.start(safeNextPath(request.query.next));
    reply.setCookie(SAML_REQUEST_COOKIE, requestId, { ...requestCookie, maxAge: SAML_REQUEST_TTL_MS / 1000 });
    return reply.redirect(url, 302);
  });

  // The HTTP-POST binding sends a form: parsed here only, so no other route takes forms.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT_BYTES },
      (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    route(scope as unknown as Api, authApi.samlAcs, acsDocs, async (request, reply) => {
      const requestId = request.cookies[SAML_REQUEST_COOKIE];
      reply.clearCookie(SAML_REQUEST_COOKIE, requestCookie);
      let person: { personId: string };
      let next: string;
      try {
        const finished = await client.finish(request.body?.SAMLResponse, requestId);
        next = finished.next;
        person = await signIn.personFor(finished.identity, originOf(request));
      } catch (cause) {
        if (cause instanceof SignInRefusal) return refuse(request, reply, cause);
        throw cause;
      }
      setSessionCookies(reply, await auth.startSession(person.personId), config);
      return reply.redirect(next, 302);
    });
  });
}
