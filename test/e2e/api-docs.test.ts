import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { launchChromium, type RunningServer, startServer } from './server.js';

// The API reference (/api/docs, Swagger UI with Lyceum's theme: src/server/platform/api-docs-ui.ts)
// passes axe (no serious or critical WCAG 2.1 A/AA finding): as it opens, with an operation that
// takes a body expanded and tried out, and with the Authorize dialog open; at desktop and phone size.

let server: RunningServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openDocs(width: number, height: number): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(`${server.url}/api/docs`);
  await page.locator('.opblock').first().waitFor();
  return page;
}

it('the API reference page passes axe: opened, an operation tried out, the Authorize dialog', async () => {
  const axe = accessibilityChecks();
  const page = await openDocs(1440, 900);
  expect(await page.title()).toBe('Lyceum API reference');
  await axe.check(page, 'API reference');
  await page.screenshot({ path: 'docs/screenshots/api-docs.png' });

  // An operation with a request body, expanded and tried out (its form fields and examples).
  const post = page.locator('.opblock-post').first();
  await post.locator('.opblock-summary-control').click();
  await post.getByRole('button', { name: 'Try it out' }).click();
  await post.locator('textarea').first().waitFor();
  await axe.check(page, 'API reference, an operation tried out');

  await page
    .getByRole('button', { name: /Authorize/ })
    .first()
    .click();
  await page.locator('.dialog-ux .modal-ux').waitFor();
  await axe.check(page, 'API reference, Authorize dialog');
  await page.context().close();

  const phone = await openDocs(390, 844);
  await axe.check(phone, 'API reference (phone)');
  await phone.screenshot({ path: 'docs/screenshots/api-docs-phone.png' });
  await phone.context().close();
  axe.expectNone();
});
