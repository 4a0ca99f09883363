import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestIdp, type TestIdp } from '../helpers/saml-idp.js';
import { accessibilityChecks } from './accessibility.js';
import { launchChromium, SCREENSHOTS } from './server.js';

/**
 * Signing in through SAML in a real browser: Lyceum (built, `lyceum serve`, AUTH_MODE=saml) and a
 * samlify identity provider on 127.0.0.1, whose page posts the signed response back by itself,
 * as Okta's or Entra ID's does.
 */
const ROOT = new URL('../../', import.meta.url).pathname;
const PHONE = { width: 390, height: 844 };
const axe = accessibilityChecks();
let idp: TestIdp;
let lyceum: ChildProcess;
let url = '';
let browser: Browser;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  idp = await startTestIdp();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  lyceum = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'lyceum-saml-')), 'lyceum.sqlite')}`,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      AUTH_MODE: 'saml',
      SAML_IDP_SSO_URL: idp.ssoUrl,
      SAML_IDP_ISSUER: idp.entityId,
      SAML_IDP_CERT: idp.cert,
      SAML_PROVIDER_NAME: 'Example SSO',
      SAML_ADMIN_GROUPS: 'lyceum-admins',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (lyceum.exitCode !== null) throw new Error(`lyceum serve exited with ${lyceum.exitCode}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
  idp.trust(await (await fetch(`${url}/api/v1/auth/saml/metadata`)).text());
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (lyceum && lyceum.exitCode === null) {
    await new Promise<void>((resolve) => {
      lyceum.once('exit', () => resolve());
      lyceum.kill('SIGTERM');
    });
  }
  await idp?.close();
});

async function screenshots(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/saml-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENSHOTS}/saml-${name}-phone.png`, fullPage: true });
  await axe.check(page, `saml ${name} (phone)`);
  await page.setViewportSize({ width: 1280, height: 860 });
}

it('signs a new person in through the identity provider and back to the page they asked for; a refused response shows why', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  idp.loginAnyVisitAs({ email: 'sam.saml@example.com', attributes: { firstName: 'Sam', lastName: 'Saml', groups: ['lyceum-admins'] } });

  await page.goto(`${url}/workshops`);
  await page.waitForURL(/\/sign-in/);
  const button = page.getByRole('link', { name: 'Sign in with Example SSO' });
  await button.waitFor();
  await axe.check(page, 'saml sign-in (desktop)');
  await screenshots(page, 'sign-in');

  await button.click();
  await page.waitForURL(`${url}/workshops`);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
  expect(me).toMatchObject({ email: 'sam.saml@example.com', name: 'Sam Saml', role: 'admin' });

  // Another browser whose response is meant for someone else (wrong audience): refused, with a sentence.
  const other = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  idp.loginAnyVisitAs({ email: 'mallory@example.com' }, { audience: 'https://other.example.com/saml' });
  await other.goto(`${url}/sign-in`);
  await other.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await other.waitForURL(/\/sign-in\?error=saml_failed/);
  await other.getByText('You are not signed in').waitFor();
  await expect.poll(() => other.getByText(/did not complete/).count()).toBeGreaterThan(0);
  await axe.check(other, 'saml refused (desktop)');
  await screenshots(other, 'refused');
  axe.expectNone();
});
