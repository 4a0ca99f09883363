import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium, publishWorkshop, type RunningServer, signedInAs, startServer } from './server.js';

const SCREENSHOTS = 'test-results/e2e';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  server = await startServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('shows the video link once you have a seat, and says so before', async () => {
  const title = `Tracing with quokkas ${Date.now().toString(36)}`;
  const link = 'https://meet.example.com/quokka-tracing';
  const host = await signedInAs(browser, server.url, 'Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Follow one request through five services.', format: 'talk' },
    { daysAhead: 6, minutes: 60, mode: 'online', videoUrl: link, seats: 20 },
  );
  await host.context().close();

  const member = await signedInAs(browser, server.url, 'Emre Kaya');
  await member.goto(`${server.url}/workshops/${workshop.id}`);
  await member.getByRole('heading', { name: title }).waitFor();
  await member.getByText('The video link appears here once you have a seat').waitFor();
  expect(await member.getByRole('link', { name: 'Video link' }).count()).toBe(0);
  await member.screenshot({ path: `${SCREENSHOTS}/video-link-1-no-seat.png`, fullPage: true });

  const registered = member.waitForResponse((r) => r.url().includes('/registrations') && r.request().method() === 'POST');
  await member.getByRole('button', { name: /^Register/ }).click();
  expect((await registered).status()).toBeLessThan(300);
  // The page refetches the session, which now carries the link.
  await expect.poll(() => member.getByRole('link', { name: 'Video link' }).getAttribute('href')).toBe(link);
  expect(await member.getByText('The video link appears here once you have a seat').count()).toBe(0);
  await member.screenshot({ path: `${SCREENSHOTS}/video-link-2-seat.png`, fullPage: true });
});
