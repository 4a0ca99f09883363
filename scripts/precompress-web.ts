// Gives every text file of the built web app a brotli (.br) and a gzip (.gz) sibling, compressed
// once at the highest level, which the server sends as they are to browsers that accept them
// (@fastify/static's preCompressed) instead of compressing per request. Runs at the end of every
// `vite build` (vite.config.ts), so no build leaves the server without them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(?:html|js|mjs|css|svg|json|txt|webmanifest)$/;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;

export function precompress(dir: string): { files: number; bytes: number; brotliBytes: number } {
  const totals = { files: 0, bytes: 0, brotliBytes: 0 };
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    if (!TEXT.test(name) || !statSync(path).isFile()) continue;
    const original = readFileSync(path);
    if (original.length < MIN_BYTES) continue;
    const brotli = brotliCompressSync(original, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: original.length },
    });
    writeFileSync(`${path}.br`, brotli);
    writeFileSync(`${path}.gz`, gzipSync(original, { level: constants.Z_BEST_COMPRESSION }));
    totals.files++;
    totals.bytes += original.length;
    totals.brotliBytes += brotli.length;
  }
  return totals;
}
