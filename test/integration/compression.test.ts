import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectError } from '../helpers/errors.js';

// npm test builds the web app first (pretest); every vite build leaves brotli and gzip copies in dist/web.
const ASSETS = fileURLToPath(new URL('../../dist/web/assets/', import.meta.url));
const STRAY_MAP = `${ASSETS}stray-from-an-old-build.js.map`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  rmSync(STRAY_MAP, { force: true });
  await t.close();
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

/** The biggest script of the build: the one a first visit waits for. */
function biggestScript(): string {
  const scripts = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const [biggest] = scripts.sort((a, b) => statSync(`${ASSETS}${b}`).size - statSync(`${ASSETS}${a}`).size);
  return `/assets/${biggest}`;
}

describe('the web app arrives compressed', () => {
  it('sends the build-time brotli or gzip copy of an asset to a browser that accepts it, the plain file to others', async () => {
    const url = biggestScript();
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const br = await get(url, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toContain('javascript');
    expect(br.headers['cache-control']).toContain('immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
  });

  it('publishes no source maps: the build makes none and a stray one is not served', async () => {
    expect(readdirSync(ASSETS).filter((f) => f.endsWith('.map'))).toEqual([]);
    const script = (await get(biggestScript())).body;
    expect(script).not.toContain('sourceMappingURL');
    writeFileSync(STRAY_MAP, '{"version":3,"sources":["secret.ts"],"mappings":""}');
    const res = await get('/assets/stray-from-an-old-build.js.map');
    expectError(res, 404, 'not_found');
  });
});

describe('API answers', () => {
  it('are not compressed by default: it would cost far more than it saves (README, "Compression")', async () => {
    const res = await get('/api/openapi.json', 'gzip, br');
    expect(res.rawPayload.length).toBeGreaterThan(1024);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('with COMPRESS_RESPONSES=true, are compressed above 1 KB for clients that accept it; small answers and other clients get them plain', async () => {
    const compressing = await createTestApp({ COMPRESS_RESPONSES: 'true' });
    try {
      const fetch = (url: string, acceptEncoding?: string) =>
        compressing.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
      const plain = await fetch('/api/openapi.json');
      expect(plain.headers['content-encoding']).toBeUndefined();

      const br = await fetch('/api/openapi.json', 'gzip, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);

      const gz = await fetch('/api/openapi.json', 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);

      const small = await fetch('/healthz', 'gzip, br');
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(small.json()).toEqual({ status: 'ok' });

      // The web app's files keep their build-time copies.
      expect((await fetch(biggestScript(), 'br')).headers['content-encoding']).toBe('br');
    } finally {
      await compressing.close();
    }
  });
});
