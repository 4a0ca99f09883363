import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { createMemoryAdapter } from 'oidc-provider/lib/adapters/memory_adapter.js';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the single sign-on tests, with
 * one confidential client (Lyceum) and accounts whose claims a test sets and changes. Its
 * quick-start login and consent forms (devInteractions) are filled in over plain HTTP.
 *
 * `misbehave` makes it answer as a broken or hostile provider would, for the refusal tests: its
 * token endpoint is then served by a second oidc-provider (same clients, same grants: the memory
 * store) that signs with another key or names another issuer.
 */
export interface ProviderMisbehaviour {
  /** The token endpoint answers this HTTP status with an error page instead of tokens. */
  tokenStatus?: number;
  /** ID tokens are signed by a key the provider does not publish (same key id as its own). */
  foreignKey?: boolean;
  /** ID tokens name another issuer. */
  wrongIssuer?: string;
  /** Tokens are issued as if the provider's clock were this many seconds behind: expired on arrival. */
  clockBehindSeconds?: number;
  /** The provider puts this nonce in the ID token instead of the one Lyceum sent. */
  nonce?: string;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims by account id (what the person types as login): email, email_verified, name, groups… */
  accounts: Map<string, Record<string, unknown>>;
  /** Set (and reset) by a test; empty: a well-behaved provider. */
  misbehave: ProviderMisbehaviour;
  close(): Promise<void>;
}

const KEY_ID = 'test-signing-key';
type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** A private RS256 signing key as oidc-provider takes it (JWK), always under the same key id. */
function signingKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' };
}

export async function startTestProvider(publicUrl: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const misbehave: ProviderMisbehaviour = {};
  const clientId = 'lyceum';
  const clientSecret = 'test-client-secret-that-is-long-enough-0123456789';
  const ownKey = signingKey();
  // One store for the provider and its misbehaving twins: a code one issued, another redeems.
  const adapter = createMemoryAdapter();
  const options = (keys: Record<string, unknown>[]) => ({
    adapter,
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${publicUrl}/api/v1/auth/oidc/callback`],
        post_logout_redirect_uris: [`${publicUrl}/sign-in`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'groups', 'title', 'team'],
    },
    jwks: { keys },
    ttl: { AccessToken: 3600, AuthorizationCode: 60, Grant: 3600, IdToken: 3600, Interaction: 600, Session: 3600 },
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      if (!accounts.has(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
  });
  const provider = new Provider(issuer, options([ownKey])).callback();
  // Lazily: most test files never need them.
  let foreign: Handler | undefined;
  const impostors = new Map<string, Handler>();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/auth' && misbehave.nonce) {
      url.searchParams.set('nonce', misbehave.nonce);
      req.url = `${url.pathname}${url.search}`;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      if (misbehave.tokenStatus) {
        res.writeHead(misbehave.tokenStatus, { 'content-type': 'text/html' }).end('<h1>Service Unavailable</h1>');
        return;
      }
      if (misbehave.foreignKey) {
        const twin: Handler = foreign ?? new Provider(issuer, options([signingKey()])).callback();
        foreign = twin;
        return twin(req, res);
      }
      if (misbehave.wrongIssuer) {
        const wrong = misbehave.wrongIssuer;
        const impostor: Handler = impostors.get(wrong) ?? new Provider(wrong, options([ownKey])).callback();
        impostors.set(wrong, impostor);
        return impostor(req, res);
      }
      if (misbehave.clockBehindSeconds) {
        // The provider's clock only, for this one request: put back as soon as it has answered.
        const realNow = Date.now;
        const behind = misbehave.clockBehindSeconds * 1000;
        Date.now = () => realNow() - behind;
        res.on('close', () => {
          Date.now = realNow;
        });
      }
    }
    return provider(req, res);
  });
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    misbehave,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A browser's cookies at the provider: every cookie is sent back (their paths do not matter here). */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*expires=/i.test(a) && Date.parse(a.split('=')[1] ?? '') < Date.now());
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  }
}

let addresses = 0;

/** A browser: the app is reached through app.inject, the provider over real HTTP. */
export interface OidcBrowser {
  /** The address the app sees (each browser its own: sign-in is rate limited per address). */
  remoteAddress: string;
  start(next?: string): Promise<LightMyRequestResponse>;
  /**
   * Logs in at the provider as `login` and answers the app's callback URL (path and query);
   * `cancel`: the person cancels on the provider's page instead (it answers error=access_denied).
   */
  loginAtProvider(authorizationUrl: string, login: string, options?: { cancel?: boolean }): Promise<string>;
  /** What the provider asks this browser when sent there to sign in: 'login', 'consent', or 'nothing' (straight back). */
  promptAtProvider(authorizationUrl: string): Promise<string>;
  /** Follows Lyceum's sign-out `redirectTo` at the provider, says "Yes, sign me out", and answers where it sends the browser. */
  signOutAtProvider(endSessionUrl: string): Promise<string>;
  callback(pathAndQuery: string, stateCookie: string | undefined): Promise<LightMyRequestResponse>;
  /** start → provider → callback; the callback's answer and the session cookies it set. */
  signIn(login: string, next?: string): Promise<{ callback: LightMyRequestResponse; session: string; csrf: string }>;
}

export function oidcBrowser(app: FastifyInstance, publicUrl: string): OidcBrowser {
  addresses++;
  const remoteAddress = `10.251.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
  const jar = new CookieJar();

  async function fetchAtProvider(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers, cookie: jar.header() } });
    jar.take(response);
    return response;
  }

  const browser: OidcBrowser = {
    remoteAddress,
    start: (next) =>
      app.inject({ method: 'GET', url: `/api/v1/auth/oidc/start${next ? `?next=${encodeURIComponent(next)}` : ''}`, remoteAddress }),

    async loginAtProvider(authorizationUrl, login, options = {}) {
      let url = authorizationUrl;
      for (let step = 0; step < 12; step++) {
        if (url.startsWith(publicUrl)) return url.slice(publicUrl.length);
        const response = await fetchAtProvider(url);
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          url = new URL(location, url).href;
          continue;
        }
        const page = await response.text();
        if (response.status !== 200) throw new Error(`the provider answered ${response.status} at ${url}: ${page.slice(0, 300)}`);
        if (options.cancel) {
          // The quick-start pages' "[ Cancel ]" link.
          url = `${url.replace(/\/$/, '')}/abort`;
          continue;
        }
        // The quick-start forms post back to their own address: a login form, then a consent form.
        const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
        const body =
          prompt === 'login' ? new URLSearchParams({ prompt, login, password: 'any' }) : new URLSearchParams({ prompt: 'consent' });
        const posted = await fetchAtProvider(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        });
        const next = posted.headers.get('location');
        if (!next) throw new Error(`the provider's ${prompt} form answered ${posted.status}: ${(await posted.text()).slice(0, 300)}`);
        url = new URL(next, url).href;
      }
      throw new Error('the provider never sent the browser back to Lyceum');
    },

    async promptAtProvider(authorizationUrl) {
      let url = authorizationUrl;
      for (let step = 0; step < 12; step++) {
        if (url.startsWith(publicUrl)) return 'nothing';
        const response = await fetchAtProvider(url);
        const location = response.headers.get('location');
        if (!location) return /name="prompt" value="(\w+)"/.exec(await response.text())?.[1] ?? `HTTP ${response.status}`;
        url = new URL(location, url).href;
      }
      throw new Error('the provider redirected too often');
    },

    async signOutAtProvider(endSessionUrl) {
      const page = await fetchAtProvider(endSessionUrl);
      const html = await page.text();
      if (page.status !== 200) throw new Error(`the provider's end-session endpoint answered ${page.status}: ${html.slice(0, 300)}`);
      const action = /<form[^>]*id="op.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1] ?? /action="([^"]+)"/.exec(html)?.[1];
      const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
      if (!action || !xsrf) throw new Error(`no sign-out form on the provider's page: ${html.slice(0, 300)}`);
      const confirmed = await fetchAtProvider(new URL(action, endSessionUrl).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
      });
      const location = confirmed.headers.get('location');
      if (!location)
        throw new Error(`the provider's sign-out form answered ${confirmed.status}: ${(await confirmed.text()).slice(0, 300)}`);
      return new URL(location, endSessionUrl).href;
    },

    callback: (pathAndQuery, stateCookie) =>
      app.inject({
        method: 'GET',
        url: pathAndQuery,
        remoteAddress,
        cookies: stateCookie === undefined ? {} : { lyceum_oidc: stateCookie },
      }),

    async signIn(login, next) {
      const started = await browser.start(next);
      if (started.statusCode !== 302) throw new Error(`start answered ${started.statusCode}: ${started.body}`);
      const state = started.cookies.find((c) => c.name === 'lyceum_oidc')?.value;
      const back = await browser.loginAtProvider(String(started.headers.location), login);
      const callback = await browser.callback(back, state);
      const cookie = (name: string) => callback.cookies.find((c) => c.name === name)?.value ?? '';
      return { callback, session: cookie('lyceum_session'), csrf: cookie('lyceum_csrf') };
    },
  };
  return browser;
}
