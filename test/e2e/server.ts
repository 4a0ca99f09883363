import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  databasePath: string;
  stop(): Promise<void>;
}

/** Starts the built Lyceum (`lyceum serve`) on a fresh embedded database with demo data. */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(ROOT, 'dist/web/index.html'))) throw new Error('Build first: npm run build (npm test does it).');
  const port = await freePort();
  const databasePath = join(mkdtempSync(join(tmpdir(), 'lyceum-e2e-')), 'lyceum.sqlite');
  const child: ChildProcess = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databasePath}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`lyceum serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    databasePath,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/lib/chromium/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchChromium(): Promise<Browser> {
  const executablePath = [process.env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p) => p && existsSync(p));
  if (!executablePath) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH.');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Where e2e tests put their screenshots. */
export const SCREENSHOTS = 'test-results/e2e';

/**
 * What every e2e file shares: the built Lyceum on a fresh database with demo data, and one
 * headless Chromium, started before the file's tests and stopped after them. `server` is filled
 * in before the first test (read it in tests); `signedInAs(name)` opens a fresh signed-in page.
 */
export function lyceumInChromium(): { server: RunningServer; signedInAs(name: string): Promise<Page> } {
  const server = {} as RunningServer;
  let browser: Browser | undefined;
  let running: RunningServer | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startServer();
    Object.assign(server, running);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });
  return {
    server,
    signedInAs: (name) => {
      if (!browser) throw new Error('Chromium is not running: sign in from a test, not while the file loads.');
      return signInPage(browser, server.url, name);
    },
  };
}

/** A fresh browser profile signed in, on the demo sign-in page, as the person whose name is given. */
async function signInPage(browser: Browser, baseUrl: string, name: string): Promise<Page> {
  // A locale with a 24-hour clock, like the zone: times read "14:30" whatever the machine's Chromium defaults to.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, timezoneId: 'Europe/Amsterdam', locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/`);
  await page.getByText('Demo mode').first().waitFor();
  await page.getByLabel('Find a person').fill(name.split(' ')[0] as string);
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.waitForURL(`${baseUrl}/`);
  return page;
}

/** A JSON API call with the signed-in page's session cookie and CSRF token; the test fails unless it succeeds. */
export async function apiAs<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  data?: unknown,
): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'lyceum_csrf')?.value ?? '';
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { 'x-csrf-token': csrf }, data });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** A workshop with one session `daysAhead` days out (on the hour), published, made through the API as `page`'s person. */
export async function publishWorkshop(
  page: Page,
  baseUrl: string,
  workshop: { title: string; summary: string; format: string },
  session: { daysAhead: number; minutes: number } & Record<string, unknown>,
): Promise<{ id: string }> {
  const created = await apiAs<{ id: string }>(page, baseUrl, 'POST', '/workshops', workshop);
  const { daysAhead, minutes, ...rest } = session;
  const start = new Date(Date.now() + daysAhead * 24 * 3600_000);
  start.setUTCMinutes(0, 0, 0);
  await apiAs(page, baseUrl, 'POST', `/workshops/${created.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    ...rest,
  });
  await apiAs(page, baseUrl, 'POST', `/workshops/${created.id}/publish`, {});
  return created;
}

/** Moves a session into the past in the running server's database file (the API schedules only ahead). */
export function endedHoursAgo(server: RunningServer, sessionId: string, hours: number): void {
  const db = new Database(server.databasePath);
  try {
    db.pragma('busy_timeout = 5000');
    const end = Date.now() - hours * 3_600_000;
    db.prepare('update sessions set starts_at = ?, ends_at = ? where id = ?').run(
      new Date(end - 3_600_000).toISOString(),
      new Date(end).toISOString(),
      sessionId,
    );
  } finally {
    db.close();
  }
}
