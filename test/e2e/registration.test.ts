import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, publishWorkshop, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

/** Clicks, and waits until the server has answered the registration request the click sends. */
async function clickAndSettle(page: Page, button: ReturnType<Page['getByRole']>, method: 'POST' | 'DELETE'): Promise<void> {
  const answered = page.waitForResponse((r) => r.url().includes('/registrations') && r.request().method() === method);
  await button.click();
  expect((await answered).status()).toBeLessThan(300);
}

it('one seat: A registers, B waits as #1, A cancels, B gets the seat, the host checks B in', async () => {
  const title = `Pairing on flaky tests ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();

  // The host sets up a workshop with one session of one seat, next week, and publishes it.
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Bring a flaky test; leave with a fix and a way to keep it fixed.', format: 'hands_on_lab' },
    { daysAhead: 7, minutes: 90, mode: 'in_person', location: 'Amsterdam HQ, room Turing', seats: 1 },
  );
  const workshopUrl = `${server.url}/workshops/${workshop.id}`;

  // A takes the only seat.
  const a = await signedInAs('Aleksandra Kowalczyk');
  await a.goto(workshopUrl);
  await a.getByRole('heading', { name: title }).waitFor();
  await clickAndSettle(a, a.getByRole('button', { name: 'Register (1 seat left)' }), 'POST');
  await a.getByText("You're registered").waitFor();
  await axe.check(a, 'Workshop page, registered');
  await a.screenshot({ path: `${SCREENSHOTS}/reg-1-a-registered.png`, fullPage: true });

  // B finds it full and joins the waitlist as #1.
  const b = await signedInAs('Emre Kaya');
  await b.goto(workshopUrl);
  await b.getByText('Full').first().waitFor();
  await clickAndSettle(b, b.getByRole('button', { name: 'Join the waitlist (you would be #1)' }), 'POST');
  await b.getByText('Waitlisted #1').waitFor();
  await axe.check(b, 'Workshop page, waitlisted');
  await b.screenshot({ path: `${SCREENSHOTS}/reg-2-b-waitlisted.png`, fullPage: true });

  // A cancels (and confirms): the seat passes to B at once.
  await a.getByRole('button', { name: 'Cancel my registration' }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Cancel registration' }).waitFor();
  await axe.check(a, 'Workshop page, cancel confirmation');
  await clickAndSettle(a, a.getByRole('dialog').getByRole('button', { name: 'Cancel registration' }), 'DELETE');
  await a.getByRole('button', { name: 'Join the waitlist (you would be #1)' }).waitFor();
  expect(await a.getByText("You're registered").count()).toBe(0);

  // B reloads and holds the seat.
  await b.reload();
  await b.getByText("You're registered").waitFor();
  expect(await b.getByText(/Waitlisted/).count()).toBe(0);
  await b.screenshot({ path: `${SCREENSHOTS}/reg-3-b-registered.png`, fullPage: true });

  // The day comes: the session starts in ten minutes, so check-in is open (moved through the API).
  const [session] = (await apiAs<{ items: { id: string }[] }>(host, server.url, 'GET', `/workshops/${workshop.id}/sessions`)).items;
  const soon = Date.now() + 10 * 60_000;
  await apiAs(host, server.url, 'PATCH', `/sessions/${session?.id}`, {
    startsAt: new Date(soon).toISOString(),
    endsAt: new Date(soon + 90 * 60_000).toISOString(),
  });

  // The host opens the roster from the session row and checks B in.
  await host.goto(workshopUrl);
  const roster = host.getByRole('link', { name: /^Roster for/ }).first();
  await roster.waitFor();
  await axe.check(host, 'Workshop page, host');
  await roster.click();
  await host.getByRole('heading', { name: 'Roster' }).waitFor();
  await host.getByText('Check-in code').first().waitFor();
  await host.getByRole('tab', { name: 'Cancelled (1)' }).waitFor();
  const checkedIn = host.waitForResponse((r) => r.url().endsWith('/check-in') && r.request().method() === 'POST');
  await host.getByRole('button', { name: 'Check in Emre Kaya' }).click();
  expect((await checkedIn).status()).toBe(200);
  await host.reload();
  await host.getByText(/Checked in \d\d:\d\d/).waitFor();
  expect(await host.getByRole('button', { name: 'Check in Emre Kaya' }).count()).toBe(0);
  await axe.check(host, 'Roster, after check-in');
  await host.screenshot({ path: `${SCREENSHOTS}/reg-4-host-roster.png`, fullPage: true });
  axe.expectNone();
});
