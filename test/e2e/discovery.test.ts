import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ChannelPage } from '../../src/contracts/index.js';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

// A word no demo workshop uses, so the search below finds exactly the workshop made here.
const WORD = 'Quokka';
const title = `${WORD}-driven design reviews ${Date.now().toString(36)}`;

/** A published workshop in the Security channel, with one online session in ten days. */
async function hostAWorkshop(): Promise<string> {
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await apiAs<{ id: string }>(host, server.url, 'POST', '/workshops', {
    title,
    summary: `Run a design review the ${WORD.toLowerCase()} way: short, friendly and with a written outcome.`,
    format: 'discussion',
    tags: ['architecture'],
  });
  const start = new Date(Date.now() + 10 * 24 * 3600_000);
  start.setUTCHours(14, 0, 0, 0);
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'online',
    videoUrl: 'https://meet.example.com/quokka',
    seats: 30,
  });
  await apiAs(host, server.url, 'PUT', `/workshops/${workshop.id}/channels`, { channels: ['security'] });
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/publish`, {});
  await host.context().close();
  return workshop.id;
}

const searchBox = (page: Page) => page.getByLabel('Search the catalog');
const results = (page: Page) => page.getByRole('list', { name: 'Workshops' }).getByRole('article');
/** Until the catalog's answer has landed: before it, the facets still count the previous search. */
const settle = (page: Page) => page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);

it('search as you type, apply a facet, follow a channel and see its sessions recommended on the home page', async () => {
  await hostAWorkshop();
  const axe = accessibilityChecks();
  const learner = await signedInAs('Ifeanyi Okafor');

  // Search as you type: a few letters find the workshop by prefix, the match is marked.
  await searchBox(learner).pressSequentially(WORD.slice(0, 4).toLowerCase(), { delay: 60 });
  await learner.getByText(/1 workshop matching “quok”/).waitFor();
  await learner.getByRole('link', { name: title }).waitFor();
  expect(await results(learner).count()).toBe(1);
  expect((await results(learner).first().locator('mark').first().textContent())?.toLowerCase()).toContain('quok');
  expect(new URL(learner.url()).searchParams.get('q')).toBe('quok');
  await axe.check(learner, 'Home/catalog, searching (a match marked)');
  await learner.screenshot({ path: `${SCREENSHOTS}/discovery-1-search.png`, fullPage: true });

  // Keep typing something else: the results follow.
  await searchBox(learner).fill('');
  await searchBox(learner).pressSequentially('kafka', { delay: 40 });
  await learner.getByText(/matching “kafka”/).waitFor();
  await expect.poll(() => learner.getByRole('link', { name: title }).count()).toBe(0);
  expect(await results(learner).count()).toBeGreaterThan(0);
  for (const text of await results(learner).allTextContents()) expect(text.toLowerCase()).toContain('kafka');

  // Apply a facet: results, counts and the URL agree.
  await searchBox(learner).fill('');
  await learner.getByText(/\d+ workshops?, soonest first/).waitFor();
  await settle(learner);
  const talkChip = learner.getByRole('group', { name: 'Format' }).locator('label', { hasText: 'Talk' });
  const talks = Number(((await talkChip.textContent()) ?? '').match(/(\d+)/)?.[1]);
  expect(talks).toBeGreaterThan(0);
  await talkChip.click();
  await learner.waitForURL((url) => url.searchParams.getAll('format').includes('talk'));
  await learner.getByText(new RegExp(`^${talks} workshops?, soonest first`)).waitFor();
  await learner.getByRole('button', { name: 'Remove filter Talk' }).waitFor();
  await expect.poll(() => results(learner).count()).toBe(Math.min(talks, 20));
  for (const text of await results(learner).allTextContents()) expect(text).toContain('Talk');
  // The chip keeps its count, now equal to the total.
  expect(await talkChip.textContent()).toContain(String(talks));
  await axe.check(learner, 'Home/catalog, a facet applied');
  await learner.screenshot({ path: `${SCREENSHOTS}/discovery-2-facet.png`, fullPage: true });
  await learner.getByRole('button', { name: 'Clear all' }).click();
  await learner.waitForURL((url) => !url.searchParams.has('format'));

  // Follow the Security channel (start from not following it, whatever the demo data says).
  const security = await apiAs<ChannelPage>(learner, server.url, 'GET', '/channels/security');
  if (security.channel.following) await apiAs(learner, server.url, 'DELETE', '/channels/security/follow');
  await learner.goto(`${server.url}/channels`);
  const follow = learner.getByRole('button', { name: 'Follow Security', exact: true });
  const followed = learner.waitForResponse((r) => r.url().endsWith('/channels/security/follow') && r.request().method() === 'PUT');
  await follow.click();
  expect((await followed).status()).toBe(200);
  await learner.getByRole('button', { name: 'Following Security', pressed: true }).waitFor();
  await axe.check(learner, 'Channels, one followed');
  await learner.screenshot({ path: `${SCREENSHOTS}/discovery-3-channels.png`, fullPage: true });

  // Home: its sessions are recommended, each saying why.
  await learner.goto(`${server.url}/`);
  const recommended = learner.getByRole('list', { name: 'Recommended sessions' });
  await recommended.waitFor();
  const showAll = learner.getByRole('button', { name: /^Show all \d+ recommendations$/ });
  if (await showAll.count()) await showAll.click();
  const card = recommended.getByRole('article').filter({ has: learner.getByRole('link', { name: title }) });
  await card.waitFor();
  await card.getByText('Because you follow Security').waitFor();
  await axe.check(learner, 'Home, recommendations shown');
  await learner.screenshot({ path: `${SCREENSHOTS}/discovery-4-home.png`, fullPage: true });
  axe.expectNone();
});
