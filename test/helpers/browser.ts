import type { FastifyInstance } from 'fastify';
import { clientOver } from './app.js';

let addresses = 0;

/**
 * A person signed in with a browser through the demo sign-in: every request sends the session
 * cookie, and changes echo the CSRF token, as the web app does. Some things only a browser may do
 * (make an API token or a calendar feed address). Each browser comes from an address of its own,
 * as sign-in is limited per address.
 */
export async function signInWithBrowser(app: FastifyInstance, email: string) {
  addresses++;
  const remoteAddress = `10.250.${Math.floor(addresses / 250) % 250}.${(addresses % 250) + 1}`;
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/dev/sign-in', payload: { email }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`signing in as ${email} answered ${res.statusCode}: ${res.body}`);
  const cookie = (name: string) => res.cookies.find((c) => c.name === name)?.value ?? '';
  const cookies = { lyceum_session: cookie('lyceum_session'), lyceum_csrf: cookie('lyceum_csrf') };
  const headers = { 'x-csrf-token': cookies.lyceum_csrf };
  return clientOver((method, url, body) =>
    app.inject({
      method,
      url,
      cookies,
      remoteAddress,
      ...(method === 'GET' ? {} : { headers }),
      ...(body === undefined ? {} : { payload: body as object }),
    }),
  );
}
