import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the single sign-on tests, with
 * one confidential client (Lyceum) and accounts whose claims a test sets and changes. Its
 * quick-start login and consent forms (devInteractions) are filled in over plain HTTP.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims by account id (what the person types as login): email, email_verified, name, groups… */
  accounts: Map<string, Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startTestProvider(publicUrl: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, Record<string, unknown>>();
  const clientId = 'lyceum';
  const clientSecret = 'test-client-secret-that-is-long-enough-0123456789';
  const provider = new Provider(issuer, {
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
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx: unknown, id: string) {
      if (!accounts.has(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
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
  /** Logs in at the provider as `login` and answers the app's callback URL (path and query). */
  loginAtProvider(authorizationUrl: string, login: string): Promise<string>;
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

    async loginAtProvider(authorizationUrl, login) {
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
