import { copyFileSync, mkdirSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db.js';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const ADMIN = 'Jasmine Robinson';
const DOCS = 'docs/screenshots';

const axe = accessibilityChecks();

/** A screenshot (the top of the page unless `fullPage`) for the e2e results and, when `doc` is given, for the README. */
async function shoot(page: Page, name: string, doc?: string, fullPage = false): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, fullPage });
  if (doc) {
    mkdirSync(DOCS, { recursive: true });
    copyFileSync(path, `${DOCS}/${doc}.png`);
  }
}

/** The table row (or phone card) of one person on the People admin page. */
const rowOf = (page: Page, name: string): Locator => page.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });

/**
 * A member who hosts a workshop alone with sessions to come (the first by name): leaving flags it.
 * Read straight from the demo database; the journey itself goes through the page.
 */
async function soleHost(databasePath: string): Promise<string> {
  const database = openDatabase({ dialect: 'sqlite', path: databasePath });
  try {
    const row = await database.db
      .selectFrom('people as p')
      .innerJoin('workshop_hosts as h', 'h.person_id', 'p.id')
      .innerJoin('sessions as s', 's.workshop_id', 'h.workshop_id')
      .select('p.id')
      .where('p.role', '=', 'member')
      .where('p.active', '=', 1)
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>', new Date().toISOString())
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('workshop_hosts as o')
              .select('o.person_id')
              .whereRef('o.workshop_id', '=', 'h.workshop_id')
              .whereRef('o.person_id', '<>', 'p.id'),
          ),
        ),
      )
      .orderBy('p.name')
      .executeTakeFirstOrThrow();
    return row.id;
  } finally {
    await database.close();
  }
}

interface AdminPersonView {
  id: string;
  name: string;
  email: string;
  role: string;
  active: boolean;
}

it('an admin finds a person, deactivates them, sees who and when, reactivates them, erases them (asked twice) and finds it all in the audit log', {
  timeout: 240_000,
}, async () => {
  const admin = await signedInAs(ADMIN);
  await admin.setViewportSize(DESKTOP);

  // Someone to leave: a member who hosts a workshop alone, with sessions to come.
  const hostId = await soleHost(server.databasePath);
  const leaver = await apiAs<AdminPersonView>(admin, server.url, 'GET', `/people/${hostId}`);
  const [first] = leaver.name.split(' ');

  // The People admin page, from the education team's section.
  await admin.goto(`${server.url}/admin/people`);
  await admin.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  await admin.getByRole('table', { name: 'People' }).waitFor();
  await axe.check(admin, 'people admin (everyone)');

  // Find them by name.
  await admin.getByRole('searchbox', { name: 'Search people' }).fill(first ?? leaver.name);
  await admin.waitForURL(/q=/);
  const row = rowOf(admin, leaver.name);
  await row.waitFor();
  expect(await row.textContent()).toContain('Active');

  // Deactivate: a confirm dialog first, saying what happens.
  await row.getByRole('button', { name: 'Deactivate' }).click();
  const confirm = admin.getByRole('dialog', { name: 'Deactivate this person?' });
  await confirm.waitFor();
  expect(await confirm.textContent()).toContain('can no longer sign in');
  await axe.check(admin, 'people admin (deactivate dialog)');
  await confirm.getByRole('button', { name: 'Deactivate' }).click();
  await confirm.waitFor({ state: 'detached' });

  // Who did it and when, on the row.
  await expect.poll(() => row.textContent()).toContain('Deactivated');
  expect(await row.textContent()).toContain(`by ${ADMIN}`);
  expect(await row.textContent()).toMatch(/\d{1,2}:\d{2}/);
  // Their workshop has nobody to host it now: flagged on the row, with a link to it.
  expect(await row.textContent()).toContain('No host left for');
  await axe.check(admin, 'people admin (deactivated)');

  // The pictures for the README: the person found, deactivated, with who, when and the flag.
  await admin.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 15_000 });
  await shoot(admin, 'people-admin-deactivated', 'people-admin');
  await admin.setViewportSize(PHONE);
  await admin.waitForTimeout(400); // the layout slides to its phone shape
  const card = admin.getByRole('listitem', { name: leaver.name });
  await card.waitFor();
  expect(await card.textContent()).toContain(`by ${ADMIN}`);
  await shoot(admin, 'people-admin-deactivated-phone', 'people-admin-phone', true);
  await axe.check(admin, 'people admin (deactivated, phone)');
  await admin.setViewportSize(DESKTOP);
  await row.waitFor();

  // Reactivate: asked once, then active again with no "by".
  await row.getByRole('button', { name: 'Reactivate' }).click();
  const again = admin.getByRole('dialog', { name: 'Reactivate this person?' });
  await again.getByRole('button', { name: 'Reactivate' }).click();
  await again.waitFor({ state: 'detached' });
  await expect.poll(() => row.textContent()).toContain('Active');

  // Erase: asked twice, what it means, then the email typed again.
  await row.getByRole('button', { name: /Erase/ }).click();
  const erase = admin.getByRole('dialog', { name: 'Erase this person?' });
  await erase.waitFor();
  expect(await erase.textContent()).toContain('cannot be undone');
  await axe.check(admin, 'people admin (erase, step 1)');
  await erase.getByRole('button', { name: 'Continue' }).click();
  const typed = erase.getByRole('textbox', { name: `Type ${leaver.email} to confirm` });
  const eraseForGood = erase.getByRole('button', { name: 'Erase for good' });
  await typed.fill('someone.else@example.com');
  expect(await eraseForGood.isDisabled()).toBe(true);
  await typed.fill(leaver.email);
  await axe.check(admin, 'people admin (erase, step 2)');
  await eraseForGood.click();
  await erase.waitFor({ state: 'detached' });

  // Gone by name: searching for them finds nobody; the erased row is "Former colleague".
  await admin.getByRole('searchbox', { name: 'Search people' }).fill(leaver.name);
  await admin.getByRole('heading', { name: `Nobody matches “${leaver.name}”` }).waitFor();
  await axe.check(admin, 'people admin (nobody matches)');
  await admin.getByRole('searchbox', { name: 'Search people' }).fill('Former colleague');
  const erasedRow = rowOf(admin, 'Former colleague');
  await erasedRow.waitFor();
  expect(await erasedRow.textContent()).toContain('Erased');
  expect(await erasedRow.getByRole('button').count()).toBe(0);

  // The audit log has all three, newest first, with who did them.
  await admin.goto(`${server.url}/admin/audit?action=person.`);
  await admin.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
  const log = admin.getByRole('table').first();
  await log.waitFor();
  const text = (await log.textContent()) ?? '';
  for (const words of ['Deactivated', 'Reactivated', "Erased a person's name, email and profile"]) expect(text).toContain(words);
  expect(text).toContain(ADMIN);
  // The erased name appears nowhere in the log.
  expect(text).not.toContain(leaver.name);
  await axe.check(admin, 'audit log (person actions)');
  await shoot(admin, 'audit-log', 'audit-log');
  await admin.setViewportSize(PHONE);
  await admin.waitForTimeout(400); // the layout slides to its phone shape
  await admin.getByRole('list', { name: 'Audit log' }).waitFor();
  await shoot(admin, 'audit-log-phone', 'audit-log-phone', true);
  await axe.check(admin, 'audit log (phone)');

  axe.expectNone();
});
