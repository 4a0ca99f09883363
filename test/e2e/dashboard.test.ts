import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const ADMIN = 'Jasmine Robinson';
const VIEWER = 'Karthik Menon';
const MEMBER = 'Emre Kaya';

/** Every state the journey visits, checked with axe; the journey fails at its end on any finding. */
const axe = accessibilityChecks();

async function screenshots(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(300); // the charts redraw for the narrow screen
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-${name}-phone.png`, fullPage: true });
  await axe.check(page, `dashboard ${name} (phone)`);
  await page.setViewportSize(DESKTOP);
}

/** A figure's card: its value as shown ("158", "78%"). */
async function figure(page: Page, label: string): Promise<string> {
  const card = page.getByRole('article', { name: label });
  return ((await card.locator('p').nth(1).textContent()) ?? '').trim();
}

/** Waits until the figures, the charts and every table have loaded (no skeletons left). */
async function loaded(page: Page): Promise<void> {
  await page.getByRole('article', { name: 'Sessions held' }).waitFor();
  await page.getByRole('heading', { name: 'Do checklists help?' }).waitFor();
  await expect.poll(() => page.getByText('Updating for the new filters…').count(), { timeout: 20_000 }).toBe(0);
  await expect.poll(() => page.locator('[aria-busy="true"], .mantine-Skeleton-root').count(), { timeout: 20_000 }).toBe(0);
}

/** Chooses an option of a Mantine select by its label. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

it('the education team reads the dashboard, filters it, exports a table and moves the checklist threshold; a shared viewer sees figures without names; a member is told why not', {
  timeout: 240_000,
}, async () => {
  const admin = await signedInAs(ADMIN);
  await admin.setViewportSize(DESKTOP);

  // "Education team" now opens on the dashboard, first in its section.
  await admin.getByRole('navigation', { name: 'Main', exact: true }).getByRole('link', { name: 'Education team' }).click();
  await admin.waitForURL(/\/admin\/dashboard/);
  await admin.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const sections = admin.getByRole('navigation', { name: 'Education team' }).getByRole('link');
  expect(await sections.first().textContent()).toBe('Dashboard');
  await loaded(admin);
  for (const label of ['Sessions held', 'Unique learners', 'Engineer-hours invested', 'Average rating', 'Checklist adoption'])
    expect(await admin.getByRole('article', { name: label }).textContent()).toContain('Previous period:');
  await axe.check(admin, 'dashboard (admin, last 365 days)');

  // The last 90 days, then one team: the URL holds both, and the cards show what the API counts.
  await choose(admin, 'Period', 'Last 90 days');
  await admin.waitForURL(/period=90/);
  await choose(admin, 'Team', 'Security');
  await admin.waitForURL(/team=Security/);
  await loaded(admin);
  const url = new URL(admin.url());
  const today = new Date().toISOString().slice(0, 10);
  expect(url.searchParams.get('period')).toBe('90');
  const overview = await apiAs<{ period: { from: string; to: string }; kpis: Record<string, { value: number | null }> }>(
    admin,
    server.url,
    'GET',
    `/analytics/overview?from=${new Date(Date.parse(today) - 89 * 86_400_000).toISOString().slice(0, 10)}&to=${today}&team=Security`,
  );
  // The figures follow once the filtered answer is in (the previous ones stay, dimmed, until then).
  await expect.poll(() => figure(admin, 'Sessions held')).toBe(String(overview.kpis.sessionsHeld?.value ?? '—'));
  await expect.poll(() => figure(admin, 'Unique learners')).toBe(String(overview.kpis.uniqueLearners?.value ?? '—'));
  const teamsTable = admin.getByRole('table', { name: 'Teams by participation' });
  await expect.poll(() => teamsTable.locator('tbody tr').count()).toBe(1);
  expect(await teamsTable.locator('tbody tr').first().textContent()).toContain('Security');
  await axe.check(admin, 'dashboard (90 days, team Security)');
  await screenshots(admin, 'admin-filtered');

  // The teams table as CSV, with the same filters.
  const csvLink = admin.getByRole('link', { name: 'Download CSV: teams by participation' });
  const href = (await csvLink.getAttribute('href')) ?? '';
  expect(href).toContain('/api/v1/analytics/teams.csv?');
  expect(href).toContain('team=Security');
  const csv = await admin.request.get(`${server.url}${href}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain('Security');

  // Do checklists help? Moving the threshold asks the server again with it.
  const threshold = admin.getByRole('slider', { name: /Counts as “with a checklist”/ });
  const before = Number(await threshold.getAttribute('aria-valuenow'));
  const refetched = admin.waitForResponse((r) => r.url().includes('/analytics/overview') && r.url().includes('threshold='));
  await threshold.focus();
  await admin.keyboard.press('ArrowLeft');
  await admin.keyboard.press('ArrowLeft');
  const response = await refetched;
  expect(response.status()).toBe(200);
  const expected = before - 10;
  expect(new URL(response.url()).searchParams.get('threshold')).toBe(String(expected / 100));
  await admin.getByText(`Counts as “with a checklist” from ${expected}% answered`).waitFor();
  await admin.waitForURL(new RegExp(`threshold=${expected / 100}`));
  await loaded(admin);
  await axe.check(admin, 'dashboard (threshold moved)');
  const adminHosts = await admin.getByRole('table', { name: 'Hosts by sessions and rating' }).locator('tbody th').allTextContents();
  expect(adminHosts.length).toBeGreaterThan(0);
  expect(adminHosts).not.toContain('Name hidden');

  // Shared read-only with Karthik, through the settings.
  await admin.getByRole('combobox', { name: 'People who may see the dashboard' }).fill('Karthik');
  await admin
    .getByRole('option', { name: new RegExp(VIEWER) })
    .first()
    .click();
  await admin.keyboard.press('Escape'); // a multi-select stays open for more
  await admin.getByRole('listbox').waitFor({ state: 'detached' });
  await admin.getByRole('button', { name: 'Save sharing' }).click();
  await admin.getByText('Sharing saved').waitFor();
  await axe.check(admin, 'dashboard settings (shared)');

  // Karthik finds "Dashboard" in his account menu: figures and charts, no names, no settings, no section nav.
  const viewer = await signedInAs(VIEWER);
  await viewer.setViewportSize(DESKTOP);
  await viewer.getByRole('button', { name: `Account menu for ${VIEWER}` }).click();
  await viewer.getByRole('menuitem', { name: 'Dashboard' }).click();
  await viewer.waitForURL(/\/admin\/dashboard/);
  const viewerAnswer = viewer.waitForResponse((r) => r.url().includes('/analytics/overview') && r.url().includes('from='));
  await choose(viewer, 'Period', 'Last 90 days');
  expect((await viewerAnswer).status()).toBe(200);
  await loaded(viewer);
  expect(await viewer.getByRole('navigation', { name: 'Education team' }).count()).toBe(0);
  expect(await viewer.getByRole('heading', { name: 'Dashboard settings' }).count()).toBe(0);
  const viewerHosts = await viewer.getByRole('table', { name: 'Hosts by sessions and rating' }).locator('tbody th').allTextContents();
  expect(viewerHosts.length).toBeGreaterThan(0);
  expect(new Set(viewerHosts)).toEqual(new Set(['Name hidden']));
  const text = (await viewer.locator('main').textContent()) ?? '';
  for (const name of adminHosts) expect(text).not.toContain(name);
  await axe.check(viewer, 'dashboard (shared viewer)');
  await screenshots(viewer, 'viewer');

  // Emre is neither: a friendly refusal, not a page of errors.
  const member = await signedInAs(MEMBER);
  await member.setViewportSize(DESKTOP);
  await member.goto(`${server.url}/admin/dashboard`);
  await member.getByRole('heading', { level: 1, name: 'The dashboard is for the education team' }).waitFor();
  expect(await member.getByRole('alert').count()).toBe(0);
  await axe.check(member, 'dashboard (member refused)');

  axe.expectNone();
});
