import { expect, it } from 'vitest';
import type { Adoption, ChecklistRun } from '../../src/contracts/index.js';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

const LAB = 'Hands-on lab';
const labRow = (a: Adoption) => a.items.find((r) => r.templateName === LAB && r.version === 1);

it('a host works through two phases of the suggested checklist; the education team sees it in the adoption view', async () => {
  const title = `Profiling Node services with flame graphs ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();

  // The education team's starting point: how many workshops use the lab checklist now.
  const admin = await signedInAs('Jasmine Robinson');
  const before = labRow(await apiAs<Adoption>(admin, server.url, 'GET', '/checklist-adoption'))?.workshops ?? 0;

  // A host (not an admin) with a fresh hands-on lab, one session in three weeks.
  const host = await signedInAs('Aleksandra Kowalczyk');
  const workshop = await apiAs<{ id: string }>(host, server.url, 'POST', '/workshops', {
    title,
    summary: 'Find the hot path in a slow endpoint with 0x and clinic.js.',
    format: 'hands_on_lab',
  });
  const start = new Date(Date.now() + 21 * 24 * 3600_000);
  start.setUTCHours(13, 0, 0, 0);
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 120 * 60_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'online',
    videoUrl: 'https://meet.example.com/flame-graphs',
    seats: 20,
  });

  // From the workshop page to the chooser: the template fitting the format comes first, marked.
  await host.goto(`${server.url}/workshops/${workshop.id}`);
  await host.getByRole('heading', { name: title }).waitFor();
  await axe.check(host, 'Workshop page, host, no checklist yet');
  await host.getByRole('link', { name: /^Checklist for/ }).click();
  await host.getByText('Prepare with a checklist?').waitFor();
  await host.getByText('Optional — publishing and registration never wait on it', { exact: false }).waitFor();
  const templates = host.getByRole('list', { name: 'Checklist templates' }).getByRole('listitem');
  await expect.poll(() => templates.first().textContent()).toContain('Suggested for hands-on lab');
  expect(await templates.first().getByRole('heading').textContent()).toBe(LAB);
  await axe.check(host, 'Checklist chooser');
  await host.screenshot({ path: `${SCREENSHOTS}/checklist-1-chooser.png`, fullPage: true });
  await templates
    .first()
    .getByRole('button', { name: `Use this checklist: ${LAB}` })
    .click();

  // Analysis, entirely by keyboard: focus the first item, then Y answers it and moves on.
  await host.getByRole('heading', { name: `Checklist: ${LAB}` }).waitFor();
  await host.getByRole('tab', { name: /Analysis/, selected: true }).waitFor();
  const items = host.locator('.checklist-item');
  const analysisCount = await items.count();
  expect(analysisCount).toBeGreaterThan(0);
  // Each item shows its suggested timing, counted from the next session.
  const timing = items.first().getByText(/weeks? before/);
  await timing.waitFor();
  await items.first().getByRole('button', { name: 'Why and how' }).click();
  await items.first().locator('.guidance').waitFor();
  await items.first().focus();
  for (let i = 0; i < analysisCount; i++) await host.keyboard.press('y');
  // The toggles change at once (optimistic); the last Y moved focus to "Next: Design".
  await expect.poll(() => host.getByRole('button', { name: 'Yes', pressed: true }).count()).toBe(analysisCount);
  await expect.poll(() => host.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Next: Design');
  await host.getByText(`${analysisCount} of ${analysisCount} answered (100%)`).waitFor();
  await axe.check(host, 'Checklist, Analysis answered (guidance open)');
  await host.screenshot({ path: `${SCREENSHOTS}/checklist-2-analysis.png`, fullPage: true });

  // Design: "Next" puts focus on its first item; a click, then the keyboard (↓, N, A).
  await host.keyboard.press('Enter');
  await host.getByRole('tab', { name: /Design/, selected: true }).waitFor();
  const designCount = await items.count();
  expect(designCount).toBeGreaterThanOrEqual(3);
  await items.nth(0).getByRole('button', { name: 'Yes' }).click();
  await items.nth(0).focus();
  await host.keyboard.press('ArrowDown');
  await host.keyboard.press('n');
  for (let i = 2; i < designCount; i++) await host.keyboard.press('a');
  await host.getByText(`${designCount} of ${designCount} answered (100%)`).waitFor();
  await items.nth(1).getByRole('button', { name: 'No', pressed: true }).waitFor();

  // The server has every answer.
  await expect
    .poll(async () => {
      const run = await apiAs<ChecklistRun>(host, server.url, 'GET', `/workshops/${workshop.id}/checklist`);
      return [run.progress.phases.analysis.percent, run.progress.phases.design.percent, run.progress.phases.design.no];
    })
    .toEqual([100, 100, 1]);
  await host.getByRole('tab', { name: new RegExp(`Analysis\\s*${analysisCount}/${analysisCount}`) }).waitFor();
  await axe.check(host, 'Checklist, Design answered');
  await host.screenshot({ path: `${SCREENSHOTS}/checklist-3-design.png`, fullPage: true });

  // My workshops: the workshop's card shows how far its checklist is, named as it reads.
  await host.goto(`${server.url}/my/workshops`);
  const card = host.getByRole('article').filter({ hasText: title });
  await card.getByRole('link', { name: new RegExp(`^Checklist \\d+% answered, for ${title}$`) }).waitFor();
  await axe.check(host, 'My workshops, a checklist under way');

  // The education team: the workshop is counted under the lab template, completion per phase shown.
  await admin.goto(`${server.url}/admin/checklists/adoption`);
  await admin.getByRole('heading', { name: 'Checklist adoption' }).waitFor();
  const row = admin.getByRole('row', { name: new RegExp(`${LAB}\\s*Version 1`) });
  await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe(String(before + 1));
  const analysisBar = row.getByRole('progressbar', { name: `${LAB} v1: Analysis completion` });
  expect(Number(await analysisBar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await row.getByRole('progressbar', { name: `${LAB} v1: Design completion` }).waitFor();
  await admin.getByRole('link', { name: 'Download CSV' }).waitFor();
  await axe.check(admin, 'Checklist adoption');
  await admin.screenshot({ path: `${SCREENSHOTS}/checklist-4-adoption.png`, fullPage: true });
  // On a phone the wide table scrolls sideways: that area must be reachable by keyboard too.
  await admin.setViewportSize({ width: 390, height: 844 });
  await axe.check(admin, 'Checklist adoption (phone)');
  axe.expectNone();
});
