import { expect, it } from 'vitest';
import { expectError } from '../helpers/errors.js';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, publishWorkshop, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

it('a registration sends mail with an invitation; the education team reads it in the mailbox; the feed has the session', async () => {
  const title = `Reading flame graphs ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();
  const admin = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    admin,
    server.url,
    { title, summary: 'Find the slow function in five minutes.', format: 'talk' },
    { daysAhead: 9, minutes: 60, mode: 'online', videoUrl: 'https://meet.example.com/flame', seats: 30 },
  );

  // A learner registers on the workshop page.
  const learner = await signedInAs('Emre Kaya');
  const me = await apiAs<{ id: string; email: string }>(learner, server.url, 'GET', '/me');
  await learner.goto(`${server.url}/workshops/${workshop.id}`);
  await learner.getByRole('heading', { name: title }).waitFor();
  await learner.getByRole('button', { name: /^Register/ }).click();
  await learner.getByText("You're registered").waitFor();
  expect(await learner.getByRole('link', { name: 'Add to calendar' }).count()).toBeGreaterThan(0);
  await axe.check(learner, 'Workshop page, registered');

  // Their profile offers a calendar feed; its address is shown once, when made, and calendar apps
  // fetch it without signing in.
  await learner.goto(`${server.url}/people/${me.id}`);
  await learner.getByText('You have no feed yet.').waitFor();
  await learner.getByRole('button', { name: 'Create feed address' }).click();
  const address = learner.getByLabel('Feed address');
  await expect.poll(() => address.inputValue()).toMatch(/\/calendar\/[\w-]+\.ics$/);
  const url = await address.inputValue();
  const feed = await fetch(url);
  expect(feed.status).toBe(200);
  expect(await feed.text()).toContain(title);
  // Elsewhere (My learning), the address is not shown again: only that a feed exists and how it ends.
  await learner.goto(`${server.url}/my/learning`);
  await learner.getByText(`…${url.slice(-8, -4)}`).waitFor();
  expect(await learner.getByLabel('Feed address').count()).toBe(0);
  await learner.getByRole('button', { name: 'Make a new address' }).waitFor();
  await axe.check(learner, 'My learning, a feed made');
  await learner.goto(`${server.url}/people/${me.id}`);
  // They turn reminders off; the choice is saved at once.
  const saved = learner.waitForResponse((r) => r.url().includes('/me/notification-preferences') && r.request().method() === 'PUT');
  await learner.getByRole('radiogroup', { name: 'Reminders' }).getByText('Off').click();
  expect((await saved).status()).toBe(200);
  const prefs = await apiAs<{ items: { kind: string; channel: string }[] }>(learner, server.url, 'GET', '/me/notification-preferences');
  expect(prefs.items.find((i) => i.kind === 'reminders')?.channel).toBe('none');
  // A read-only token for a script, working for 30 days: the list says both, and the token may look but not change.
  await learner.getByLabel('New token name').fill('calendar export');
  await learner.getByRole('radiogroup', { name: 'Access' }).getByText('Read only').click();
  await learner.getByRole('combobox', { name: 'Expires after' }).click();
  await learner.getByRole('option', { name: '30 days' }).click();
  await learner.getByRole('button', { name: 'Create token' }).click();
  const token = (await learner.getByLabel('Your new token').textContent()) ?? '';
  await expect.poll(() => learner.getByRole('row', { name: /calendar export/ }).textContent()).toMatch(/Read only/);
  await axe.check(learner, 'Profile, a new token shown');
  const bearer = { authorization: `Bearer ${token}` };
  expect((await fetch(`${server.url}/api/v1/me`, { headers: bearer })).status).toBe(200);
  const minted = await fetch(`${server.url}/api/v1/me/calendar`, { method: 'POST', headers: bearer });
  expectError({ status: minted.status, body: await minted.json() }, 403, 'forbidden');
  await learner.screenshot({ path: `${SCREENSHOTS}/notify-1-profile-feed.png`, fullPage: true });

  // The worker delivers in the background; without SMTP the mail lands in the mailbox.
  const mailTo = `/admin/mailbox?to=${encodeURIComponent(me.email)}`;
  await expect
    .poll(async () => (await apiAs<{ items: unknown[] }>(admin, server.url, 'GET', mailTo)).items.length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await admin.goto(`${server.url}/admin/mailbox`);
  await admin.getByLabel('Recipient').fill(me.email);
  await admin.getByRole('button', { name: `You're in: ${title}` }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByText('Calendar invitation (REQUEST)').waitFor();
  await admin.waitForTimeout(300); // the modal's fade-in
  await axe.check(admin, 'Mailbox, a message open');
  await admin.screenshot({ path: `${SCREENSHOTS}/notify-2-mailbox.png`, fullPage: true });
  await dialog.getByText('Calendar invitation (REQUEST)').click();
  expect(await dialog.locator('pre').textContent()).toContain('METHOD:REQUEST');
  await admin.keyboard.press('Escape');

  // The outbox shows it delivered; nothing is dead.
  await admin.goto(`${server.url}/admin/outbox?status=done`);
  await admin.getByText('Enrolled').first().waitFor();
  await admin.getByText('Dead letters (0)').waitFor();
  await axe.check(admin, 'Outbox, done');
  await admin.setViewportSize({ width: 390, height: 844 });
  await axe.check(admin, 'Outbox, done (phone)');
  await admin.screenshot({ path: `${SCREENSHOTS}/notify-3-outbox-phone.png`, fullPage: true });

  // An integrator's webhook: added from the page, its signing secret shown once.
  await admin.setViewportSize({ width: 1280, height: 860 });
  await admin.goto(`${server.url}/admin/webhooks`);
  await admin.getByRole('button', { name: 'Add a webhook' }).first().click();
  const form = admin.getByRole('dialog');
  await form.getByLabel('Address').fill('https://lms.example.com/hooks/lyceum');
  await form.getByLabel('What it is for').fill('LMS sync');
  await form.getByRole('button', { name: 'Add webhook' }).click();
  await admin.getByText('Copy the signing secret now').waitFor();
  // The form's dialog may still be fading out: name the one that shows the secret.
  const added = admin.getByRole('dialog', { name: 'Webhook added' });
  expect(await added.locator('code').first().textContent()).toMatch(/^whsec_/);
  await axe.check(admin, 'Webhooks, signing secret shown');
  await added.getByRole('button', { name: 'Done' }).click();
  await admin.getByRole('dialog').first().waitFor({ state: 'detached' });
  await added.waitFor({ state: 'detached' });
  await admin.getByText('https://lms.example.com/hooks/lyceum').waitFor();
  await axe.check(admin, 'Webhooks');
  await admin.screenshot({ path: `${SCREENSHOTS}/notify-4-webhooks.png`, fullPage: true });
  await admin.setViewportSize({ width: 390, height: 844 });
  await admin.getByRole('button', { name: 'Recent deliveries' }).click();
  await admin.getByText('Nothing sent yet.').waitFor();
  await axe.check(admin, 'Webhooks, recent deliveries open (phone)');
  await admin.screenshot({ path: `${SCREENSHOTS}/notify-5-webhooks-phone.png`, fullPage: true });
  await learner.setViewportSize({ width: 390, height: 844 });
  await learner.goto(`${server.url}/people/${me.id}`);
  await learner.getByText('Calendar feed').waitFor();
  await learner.getByRole('row', { name: /calendar export/ }).waitFor();
  await axe.check(learner, 'Profile (phone)');
  await learner.screenshot({ path: `${SCREENSHOTS}/notify-6-profile-phone.png`, fullPage: true });
  axe.expectNone();
});
