import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import type { Outbound } from '../../platform/outbound/index.js';

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
   * and expiry) and returns the person's claims; throws on anything wrong.
   */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<Claims> {
    const config = await this.configuration();
    const tokens = await client.authorizationCodeGrant(
      config,
      callbackUrl,
      { expectedState: pending.state, expectedNonce: pending.nonce, pkceCodeVerifier: pending.codeVerifier, idTokenExpected: true },
      { redirect_uri: this.redirectUri },
    );
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider sent no ID token');
    // Many providers put only `sub` in the ID token and the rest behind the UserInfo endpoint.
    let userInfo: Claims = {};
    if (config.serverMetadata().userinfo_endpoint) {
      userInfo = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    }
    return { ...userInfo, ...idClaims };
  }

  /** Where to send the browser to sign out of the provider too, or undefined when it offers no such thing. */
  async endSessionUrl(): Promise<string | undefined> {
    let config: client.Configuration;
    try {
      config = await this.configuration();
    } catch {
      return undefined; // Lyceum's own session is over anyway.
    }
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    // client_id instead of id_token_hint: Lyceum keeps no ID token once the session is made.
    return client
      .buildEndSessionUrl(config, { client_id: this.settings.clientId, post_logout_redirect_uri: this.postLogoutRedirectUri })
      .toString();
  }
}
