import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from './error-handler.js';

// Same relative path from src/server/platform (tsx) and dist/server/platform (compiled).
const WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

/** index.html is always revalidated, so a deploy never leaves people on stale asset names. */
function sendIndex(reply: FastifyReply) {
  reply.header('cache-control', 'no-cache');
  return reply.sendFile('index.html', { cacheControl: false });
}

/** Serves the built React app, with index.html for every client-side route. */
export async function installWebApp(app: FastifyInstance): Promise<void> {
  const built = existsSync(`${WEB_ROOT}index.html`);
  if (built) {
    // Hashed asset names never change content, so they are cached for a year; files are looked up
    // per request (wildcard), so a rebuild is picked up without a restart. The build leaves a .br
    // and a .gz next to each text file (scripts/precompress-web.ts): sent as they are, with
    // Content-Encoding and Vary, to clients that accept them. Source maps are never served, even
    // when a build made them: they would publish the app's source.
    await app.register(fastifyStatic, {
      root: WEB_ROOT,
      wildcard: true,
      index: false,
      cacheControl: false,
      preCompressed: true,
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      setHeaders: (res, filePath) => {
        const hashed = filePath.includes('/assets/');
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
        // Caches must keep the brotli, gzip and plain copies apart (@fastify/static does not say so).
        res.setHeader('vary', 'accept-encoding');
      },
    });
    app.get('/', { config: { public: true }, schema: { hide: true } }, (_request, reply) => sendIndex(reply));
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isApi = path.startsWith('/api/') || path === '/api';
    const isFile = path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path);
    if (!isApi && !isFile && built && (request.method === 'GET' || request.method === 'HEAD')) return sendIndex(reply);
    const what = isApi ? 'No such API endpoint.' : isFile ? 'No such file.' : 'The web app is not built: run `npm run build`.';
    return sendError(reply, request, 'not_found', what);
  });
}
