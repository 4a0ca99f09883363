import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../helpers/oidc-provider.js';
import { accessibilityChecks } from './accessibility.js';
import { launchChromium } from './server.js';

/**
 * Signing in through OpenID Connect in a real browser: Lyceum (`lyceum serve`, AUTH_MODE=oidc) and
 * oidc-provider on 127.0.0.1, whose own login and consent pages the person fills in. Lyceum is
 * reached as localhost, the provider as 127.0.0.1: two sites, as in production. axe runs on
 * Lyceum's pages only (the provider's quick-start pages are not ours to fix).
 */
const ROOT = new URL('../../', import.meta.url).pathname;
/** The sign-in page's pictures are the README's (Single sign-on); the rest of a run's stay in test-results. */
const DOCS = join(ROOT, 'docs/screenshots');
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const axe = accessibilityChecks();
let provider: TestProvider;
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
  mkdirSync(DOCS, { recursive: true });
  const port = await freePort();
  url = `http://localhost:${port}`;
  provider = await startTestProvider(url);
  lyceum = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'lyceum-sso-')), 'lyceum.sqlite')}`,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      AUTH_MODE: 'oidc',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_PROVIDER_NAME: 'Example SSO',
      OIDC_ADMIN_GROUPS: 'lyceum-admins',
      OIDC_TITLE_CLAIM: 'title',
      OIDC_TEAM_CLAIM: 'team',
      OUTBOUND_ALLOWED_NETWORKS: '127.0.0.0/8',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    if (lyceum.exitCode !== null) throw new Error(`lyceum serve exited with ${lyceum.exitCode}`);
    if (
      await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 250));
  }
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
  await provider?.close();
});

/** The provider's quick-start login page (its own, not Lyceum's): login, password, "Sign-in". */
async function typeAtProvider(page: Page, login: string): Promise<void> {
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

it('signs a person in through the provider’s own login page, back on the page they asked for, then out of both', async () => {
  provider.accounts.set('olga', {
    email: 'olga.oidc@example.com',
    email_verified: true,
    name: 'Olga Oidc',
    title: 'Staff Engineer',
    team: 'Platform',
    groups: ['staff'],
  });
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();

  await page.goto(`${url}/my/learning`);
  await page.waitForURL(/\/sign-in/);
  const button = page.getByRole('link', { name: 'Sign in with Example SSO' });
  await button.waitFor();
  await axe.check(page, 'sso sign-in (desktop)');
  await page.screenshot({ path: `${DOCS}/sign-in-sso.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${DOCS}/sign-in-sso-phone.png`, fullPage: true });
  await axe.check(page, 'sso sign-in (phone)');
  await page.setViewportSize(DESKTOP);

  await button.click();
  await typeAtProvider(page, 'olga');
  // The provider asks once whether Lyceum may know who she is.
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(`${url}/my/learning`);
  const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
  expect(me).toMatchObject({
    email: 'olga.oidc@example.com',
    name: 'Olga Oidc',
    title: 'Staff Engineer',
    team: 'Platform',
    role: 'member',
  });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await axe.check(page, 'sso signed in, the page asked for');

  // Signing out: Lyceum first, then the provider asks to confirm and sends her back to the sign-in page.
  const endSession = page.waitForRequest((r) => r.url().startsWith(`${provider.issuer}/session/end?`));
  await page.getByRole('button', { name: /Account menu for Olga Oidc/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  const asked = new URL((await endSession).url()).searchParams;
  expect(asked.get('id_token_hint')).toMatch(/^eyJ/);
  expect(asked.get('post_logout_redirect_uri')).toBe(`${url}/sign-in`);
  await page.waitForURL(`${provider.issuer}/**`);
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await page.waitForURL(/\/sign-in/);
  expect(new URL(page.url()).origin).toBe(url);
  expect((await page.request.get(`${url}/api/v1/me`)).status()).toBe(401);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).waitFor();
  await axe.check(page, 'sso signed out');

  // Out of the provider too: signing in again asks for the password again.
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await page.waitForURL(`${provider.issuer}/**`);
  await page.locator('input[name="password"]').waitFor();
  await context.close();
});

it('shows a refused sign-in on Lyceum’s sign-in page with what to do, never a stack trace', async () => {
  // Someone whose company account says its email is not verified, on a fresh browser.
  provider.accounts.set('unverified', { email: 'olga.oidc@example.com', email_verified: false, name: 'Not Olga' });
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(`${url}/sign-in`);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await typeAtProvider(page, 'unverified');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL(/\/sign-in\?error=email_unverified/);
  await page.getByText('You are not signed in').waitFor();
  await expect.poll(() => page.getByText(/not marked as verified/).count()).toBeGreaterThan(0);
  await axe.check(page, 'sso refused (desktop)');
  await page.screenshot({ path: `${DOCS}/sign-in-sso-error.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await axe.check(page, 'sso refused (phone)');

  await context.close();

  // Cancelling on the provider's page (another browser) comes back as a refusal too.
  const other = await browser.newContext({ viewport: DESKTOP });
  const cancelling = await other.newPage();
  await cancelling.goto(`${url}/sign-in`);
  await cancelling.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await cancelling.waitForURL(`${provider.issuer}/**`);
  await cancelling.getByRole('link', { name: '[ Cancel ]' }).click();
  await cancelling.waitForURL(/\/sign-in\?error=oidc_denied/);
  await expect.poll(() => cancelling.getByText(/did not let you in/).count()).toBeGreaterThan(0);
  await axe.check(cancelling, 'sso cancelled (desktop)');
  await other.close();
  axe.expectNone();
});
