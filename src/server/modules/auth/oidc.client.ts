import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import { type Outbound, OutboundFailed } from '../../platform/outbound/index.js';

/**
 * The relying party's side of OpenID Connect, through openid-client: discovery from OIDC_ISSUER,
 * the authorization URL (code flow, PKCE S256, state, nonce) and the code exchange that checks
 * them all. Every request to the provider goes through the outbound module (its address policy:
 * an internal identity provider needs its network in OUTBOUND_ALLOWED_NETWORKS).
 */

/** What the sign-in needs to remember between leaving for the provider and coming back. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Same-site path to land on after signing in. */
  next: string;
}

/** The claims of one signed-in person: the ID token's, completed by the UserInfo endpoint's. */
export type Claims = Record<string, unknown>;

/** The form or JSON openid-client sends (token requests: URLSearchParams), as the outbound client's text. */
function bodyText(body: NonNullable<client.CustomFetchOptions['body']>): string {
  if (typeof body === 'string' || body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return Buffer.from(body as Uint8Array).toString('utf8');
  throw new Error('a streamed request body cannot go through the outbound client');
}

/** openid-client's fetch, made by Lyceum's outbound client (no redirects, capped bodies, timeouts). */
export function outboundFetch(outbound: Pick<Outbound, 'request'>): client.CustomFetch {
  return async (url, options) => {
    const body = options.body;
    const answer = await outbound.request(url, {
      method: options.method === 'POST' ? 'POST' : 'GET',
      headers: options.headers,
      ...(body === undefined || body === null ? {} : { body: bodyText(body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (answer.truncated) throw new Error(`${new URL(url).host} answered more than Lyceum reads from an identity provider`);
    const empty = answer.status === 204 || answer.status === 304;
    // The body is already decoded (and maybe cut): its transfer headers no longer describe it.
    const headers = new Headers(answer.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(empty ? null : new Uint8Array(answer.body), { status: answer.status, headers });
  };
}

export class OidcClient {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(
    private readonly settings: OidcConfig,
    private readonly outbound: Pick<Outbound, 'request'>,
    private readonly redirectUri: string,
    private readonly postLogoutRedirectUri: string,
  ) {}

  /**
   * The provider's metadata, read once and kept; a failure is not kept (the provider may be back
   * on the next sign-in). A provider whose metadata names another issuer is refused here.
   */
  configuration(): Promise<client.Configuration> {
    this.discovered ??= this.discover().catch((error: unknown) => {
      this.discovered = undefined;
      throw error;
    });
    return this.discovered;
  }

  private async discover(): Promise<client.Configuration> {
    const customFetch = outboundFetch(this.outbound);
    const issuer = new URL(this.settings.issuer);
    const config = await client.discovery(issuer, this.settings.clientId, undefined, client.ClientSecretPost(this.settings.clientSecret), {
      [client.customFetch]: customFetch,
      // Only reachable with an http://localhost issuer (config.ts refuses other http issuers).
      ...(issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
    });
    config[client.customFetch] = customFetch;
    // openid-client trusts an ID token from the token endpoint on TLS alone (OIDC Core 3.1.3.7, 6.);
    // Lyceum checks its signature against the provider's published keys as well.
    client.enableNonRepudiationChecks(config);
    return config;
  }

  async authorizationUrl(next: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const config = await this.configuration();
    const pending: PendingSignIn = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
      next,
    };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: this.settings.scopes,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /**
   * Exchanges the code (checking state, nonce, PKCE, the ID token's issuer, audience, signature
   * against the provider's JWKS, and expiry) and returns the person's claims and the ID token itself (kept with the session,
   * only to name it when signing out of the provider); throws on anything wrong.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<{ claims: Claims; idToken: string }> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(
      config,
      callbackUrl,
      { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier, idTokenExpected: true },
      { redirect_uri: this.redirectUri },
    );
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new Error('the provider sent no ID token');
    // Many providers put only `sub` in the ID token and the rest behind the UserInfo endpoint.
    let userInfo: Claims = {};
    if (config.serverMetadata().userinfo_endpoint) {
      userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    }
    return { claims: { ...userInfo, ...idClaims }, idToken: tokens.id_token };
  }

  /**
   * Where to send the browser to sign out of the provider too, or undefined when it offers no such
   * thing. `idTokenHint`: the ID token of the sign-in being ended (providers such as Entra ID and
   * Keycloak want it to skip their "which account?" question); without it, the client id says who asks.
   */
  async endSessionUrl(idTokenHint?: string | null): Promise<string | undefined> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return undefined; // Lyceum's own session is over anyway.
    }
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return client
      .buildEndSessionUrl(config, {
        client_id: this.settings.clientId,
        post_logout_redirect_uri: this.postLogoutRedirectUri,
        ...(idTokenHint ? { id_token_hint: idTokenHint } : {}),
      })
      .toString();
  }
}

const CLIENT_REFUSED = new Set(['invalid_client', 'unauthorized_client']);

/**
 * Whether a failed code exchange was the provider being down (no answer, or a 5xx from its token
 * or UserInfo endpoint) or refusing Lyceum's client id or secret, rather than an answer Lyceum
 * refused: the sign-in page says "try again in a moment, then tell your administrators" for the
 * first, "did not complete, try again" for the second.
 */
export function providerUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    // Lyceum's own registration is wrong (client id or secret): trying again will not help either.
    if (CLIENT_REFUSED.has(String((e as { error?: unknown }).error))) return true;
    if (e instanceof Response) return e.status >= 500;
    const status = (e as { status?: unknown }).status;
    if (typeof status === 'number') return status >= 500;
    if (e instanceof OutboundFailed) return true;
  }
  return false;
}

/**
 * A refused exchange in words for the log and the audit log: openid-client's message, the
 * provider's OAuth error, the claim that failed its check and the HTTP status, never a token.
 */
export function failureReason(error: unknown): string {
  const parts: string[] = [];
  let code: string | undefined;
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 4; depth++) {
    if (e instanceof Response) {
      parts.push(`HTTP ${e.status}`);
      break;
    }
    if (!(e instanceof Error)) {
      const claim = (e as { claim?: unknown }).claim;
      if (typeof claim === 'string') parts.push(`claim "${claim}"`);
      break;
    }
    const x = e as Error & { code?: unknown; error?: unknown; error_description?: unknown; status?: unknown };
    if (!parts.includes(x.message)) parts.push(x.message);
    if (typeof x.error === 'string') {
      const description = typeof x.error_description === 'string' ? ` (${x.error_description.slice(0, 200)})` : '';
      parts.push(`the provider said ${x.error}${description}`);
      if (CLIENT_REFUSED.has(x.error)) parts.push('check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET against the provider');
    }
    if (typeof x.status === 'number') parts.push(`HTTP ${x.status}`);
    if (typeof x.code === 'string') code ??= x.code;
    e = x.cause;
  }
  return [...parts, ...(code ? [code] : [])].join('; ');
}
