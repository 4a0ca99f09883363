import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectError } from '../helpers/errors.js';

// npm test builds the web app first (pretest), so dist/web exists here.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('serving the web app', () => {
  it('answers every client-side route with index.html, always revalidated', async () => {
    for (const url of ['/', '/people', '/workshops/123?tab=sessions']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/html');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets for a year and answers a missing asset with 404, not with the page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const asset = /\/assets\/[^"]+\.js/.exec(page.body)?.[0];
    expect(asset).toBeTruthy();
    const res = await t.app.inject({ method: 'GET', url: asset as string });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    const missing = await t.app.inject({ method: 'GET', url: '/assets/gone-after-deploy.js' });
    expectError(missing, 404, 'not_found');
  });
});
