// bench/web: how fast the catalog (the first page) appears in a real browser. Starts the built
// `lyceum serve` on a fresh SQLite database with the demo data (SEED_DEMO) and drives the local
// headless Chromium (playwright-core, /usr/bin/chromium): each run is a cold load, a new browser
// context with an empty cache (signed in: the session cookie is set, nothing else), timed from
// navigation start to the first session card visible in the window. Against it, the floor:
// the same page's HTML alone (the document received, and its load event with JavaScript off,
// which is the HTML with its stylesheets). Median of RUNS (5) after one unmeasured warm-up run,
// each load 1.5 s after the previous one ended;
// also which scripts the cold load fetched and their bytes on the wire. Goal: ≤ 1 s.
//
//   npm run bench:web          (builds first)
//   BENCH_RUNS=9 node --import tsx bench/web.ts
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Cookie, chromium } from 'playwright-core';
import { FIRST_PORT, ROOT, waitFor } from './lib.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL_MS = 1000;
/** A session card: the catalog's hits (article) and "Your next sessions" (li), each named by its title. */
const CARD = 'main .mantine-Card-root[aria-labelledby]';
const PORT = Number(process.env.BENCH_PORT ?? FIRST_PORT + 350);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/lib/chromium/chromium'].find((p) => p && existsSync(p));

interface Run {
  cardMs: number;
  htmlMs: number;
  scripts: { name: string; transferBytes: number; bodyBytes: number }[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
const ms = (n: number) => `${Math.round(n)} ms`;

/** Signs in through the demo sign-in (as the first demo account) and returns the session's cookies. */
async function signIn(browser: Browser): Promise<Cookie[]> {
  const context = await browser.newContext();
  const accounts = (await (await context.request.get(`${BASE}/api/v1/auth/dev/accounts?limit=1`)).json()) as { items: { email: string }[] };
  const email = accounts.items[0]?.email;
  if (!email) throw new Error('The demo database has no accounts.');
  const res = await context.request.post(`${BASE}/api/v1/auth/dev/sign-in`, { data: { email } });
  if (!res.ok()) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
  const cookies = await context.cookies();
  await context.close();
  return cookies;
}

async function newContext(browser: Browser, cookies: Cookie[], javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled, timezoneId: 'Europe/Amsterdam' });
  await context.addCookies(cookies);
  return context;
}

/** One cold load of the catalog to the first session card. */
async function coldLoad(browser: Browser, cookies: Cookie[]): Promise<Run> {
  const context = await newContext(browser, cookies);
  const page = await context.newPage();
  // Notes the moment the first card is in the window and visible: on every DOM change and every
  // frame (a card can also appear without one, when a stylesheet arrives). A string, not a
  // function: tsx would add helpers to a function's source that the page does not have.
  await page.addInitScript(`(() => {
    const seen = () => {
      if (window.__firstCard !== undefined) return;
      const el = document.querySelector(${JSON.stringify(CARD)});
      if (el && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && el.getBoundingClientRect().top < innerHeight) {
        window.__firstCard = performance.now();
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true, attributes: true });
    const frame = () => {
      seen();
      if (window.__firstCard === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`);
  await page.goto(`${BASE}/`, { waitUntil: 'commit' });
  await page
    .waitForFunction(() => (window as unknown as { __firstCard?: number }).__firstCard !== undefined, undefined, {
      timeout: 30_000,
      polling: 50,
    })
    .catch(async (err) => {
      await page.screenshot({ path: join(tmpdir(), 'lyceum-bench-web-timeout.png') });
      throw new Error(`No session card at ${page.url()} after 30 s (screenshot in ${tmpdir()}/lyceum-bench-web-timeout.png)`, {
        cause: err,
      });
    });
  const measured = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((r) => r.initiatorType === 'script' || r.initiatorType === 'link' || /\.js$/.test(r.name))
      .filter((r) => /\.js(\?|$)/.test(r.name))
      .map((r) => ({ name: new URL(r.name).pathname, transferBytes: r.transferSize, bodyBytes: r.encodedBodySize }));
    return { cardMs: (window as unknown as { __firstCard: number }).__firstCard, htmlMs: nav.responseEnd, scripts };
  });
  await context.close();
  return measured;
}

/** The floor: the same page with JavaScript off, to its load event (the HTML and its stylesheets). */
async function htmlOnly(browser: Browser, cookies: Cookie[]): Promise<number> {
  const context = await newContext(browser, cookies, false);
  const page = await context.newPage();
  await page.goto(`${BASE}/`, { waitUntil: 'load' });
  const loadMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
  await context.close();
  return loadMs;
}

async function main() {
  if (!CHROMIUM) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM_PATH.');
  const [load1] = loadavg();
  const databasePath = join(mkdtempSync(join(tmpdir(), 'lyceum-bench-web-')), 'lyceum.sqlite');
  // BENCH_LYCEUM_DIR: another checkout's built Lyceum (to compare with an earlier version).
  const dir = process.env.BENCH_LYCEUM_DIR ?? ROOT;
  if (!existsSync(join(dir, 'dist/web/index.html')))
    throw new Error(`Build first: npm run bench:web builds, or npm run build (in ${dir}).`);
  const server = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${databasePath}`,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
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
  try {
    await waitFor(`${BASE}/readyz`);
    const cookies = await signIn(browser);
    await coldLoad(browser, cookies); // warm-up: the server's first answers, Chromium's first process
    const runs: Run[] = [];
    const floors: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Each load starts from quiet: the previous page's last API answers and teardown are done.
      await settle();
      floors.push(await htmlOnly(browser, cookies));
      await settle();
      runs.push(await coldLoad(browser, cookies));
    }
    const card = runs.map((r) => r.cardMs);
    const html = runs.map((r) => r.htmlMs);
    const first = runs[0] as Run;
    const row = (label: string, xs: number[]) =>
      `| ${label.padEnd(46)} | ${ms(median(xs)).padStart(7)} | ${ms(Math.min(...xs)).padStart(7)} | ${ms(Math.max(...xs)).padStart(7)} |`;
    console.log(`\nCatalog, cold load in headless Chromium, ${RUNS} runs (1 warm-up not counted); load average ${load1?.toFixed(2)}\n`);
    console.log(`| ${'measure'.padEnd(46)} | median  |   min   |   max   |`);
    console.log(`|${'-'.repeat(48)}|---------|---------|---------|`);
    console.log(row('HTML received (floor)', html));
    console.log(row('HTML + CSS, JavaScript off, load event (floor)', floors));
    console.log(row('first session card visible', card));
    const wire = first.scripts.reduce((s, x) => s + x.transferBytes, 0);
    const body = first.scripts.reduce((s, x) => s + x.bodyBytes, 0);
    console.log(
      `\nScripts fetched by a cold load (first run): ${first.scripts.length}, ${(body / 1000).toFixed(1)} KB as sent (${(wire / 1000).toFixed(1)} KB with headers)`,
    );
    for (const s of first.scripts) console.log(`  ${s.name.padEnd(44)} ${(s.bodyBytes / 1000).toFixed(1).padStart(7)} KB`);
    const verdict = median(card) <= GOAL_MS ? '✓' : '✗';
    console.log(`\n${verdict} median to the first card ${ms(median(card))} (goal ≤ ${ms(GOAL_MS)})`);
  } finally {
    await browser.close();
    server.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
