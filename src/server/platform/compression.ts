import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * With COMPRESS_RESPONSES=true: answers above 1 KB (JSON, CSV, iCalendar) are compressed for
 * clients that accept it, brotli first, then gzip, both at a low, fast level — brotli's default
 * quality (11) costs tens of milliseconds per answer, fine for a file compressed once at build
 * time, far too slow for every request. Off by default all the same: even so, compressing a
 * 25 KB search answer costs more than serving it from the search cache, and the catalog
 * benchmark loses far more than 10 % of its throughput (README, "Compression"). The web app's
 * files are compressed at build time and are sent compressed either way.
 *
 * Registered before any route: the plugin hooks into each route as it is declared. Request
 * bodies are not inflated.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
    globalDecompression: false,
  });
}
