import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler.js';

// Same relative path from src/server/platform (tsx) and dist/server/platform (compiled).
const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** Serves the built React app, with index.html for every client-side route. */
export async function installWebApp(app: FastifyInstance): Promise<void> {
  const built = existsSync(`${WEB_ROOT}index.html`);
  if (built) {
    await app.register(fastifyStatic, { root: WEB_ROOT, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api';
    if (!isApi && built && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, request, 'not_found', isApi ? 'No such API endpoint.' : 'The web app is not built: run `npm run build`.');
  });
}
