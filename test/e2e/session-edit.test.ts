import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, endedHoursAgo, lyceumInChromium, publishWorkshop, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();
const DOCS = 'docs/screenshots';

type MailSummary = { id: string; subject: string };
type Mail = MailSummary & { calendar: string | null };

/** The learner's mail whose subject starts with `prefix`, once the worker has delivered it. */
async function mailTo(admin: Parameters<typeof apiAs>[0], email: string, prefix: string): Promise<Mail> {
  let found: MailSummary | undefined;
  await expect
    .poll(
      async () => {
        const list = await apiAs<{ items: MailSummary[] }>(
          admin,
          server.url,
          'GET',
          `/admin/mailbox?to=${encodeURIComponent(email)}&limit=50`,
        );
        found = list.items.find((m) => m.subject.startsWith(prefix));
        return found !== undefined;
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return apiAs<Mail>(admin, server.url, 'GET', `/admin/mailbox/${found?.id}`);
}

const sequenceOf = (ics: string | null) => Number(/SEQUENCE:(\d+)/.exec(ics ?? '')?.[1] ?? Number.NaN);
const dtstartOf = (ics: string | null) => /DTSTART[^:]*:(\S+)/.exec(ics ?? '')?.[1];

it('a host with registrants moves the session; they receive the updated invitation with the new time and a higher SEQUENCE', async () => {
  const title = `Profiling Node services ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Find the hot path with the built-in profiler.', format: 'talk' },
    { daysAhead: 9, minutes: 60, mode: 'in_person', location: 'Amsterdam HQ, room Turing', seats: 3 },
  );
  const [session] = (
    await apiAs<{ items: { id: string; startsAt: string }[] }>(host, server.url, 'GET', `/workshops/${workshop.id}/sessions`)
  ).items;
  if (!session) throw new Error('no session');

  // Two people register; each gets an invitation.
  const learners = [await signedInAs('Emre Kaya'), await signedInAs('Aleksandra Kowalczyk')];
  const emails: string[] = [];
  for (const page of learners) {
    emails.push((await apiAs<{ email: string }>(page, server.url, 'GET', '/me')).email);
    await apiAs(page, server.url, 'POST', `/sessions/${session.id}/registrations`, {});
  }
  const first = await mailTo(host, emails[0] as string, "You're in:");
  const before = sequenceOf(first.calendar);
  expect(before).toBeGreaterThanOrEqual(0);

  // The host opens the edit dialog from the session row on the workshop page.
  await host.setViewportSize({ width: 1440, height: 1000 });
  await host.goto(`${server.url}/workshops/${workshop.id}`);
  await host.getByRole('heading', { name: title }).waitFor();
  expect(await host.getByRole('button', { name: /^Register/ }).count()).toBe(0);
  await host.getByText('You host this session').waitFor();
  await axe.check(host, 'Workshop page, host');
  await host
    .getByRole('button', { name: /^Edit the session on/ })
    .first()
    .click();
  const dialog = host.getByRole('dialog', { name: 'Edit session' });
  await dialog.waitFor();
  await dialog.getByText('Nothing has changed yet.').waitFor();
  await host.waitForTimeout(300); // the modal's fade-in
  await axe.check(host, 'Edit session, unchanged');

  // A duration it cannot keep is refused in words, not clamped.
  const duration = dialog.getByLabel('Duration in minutes');
  await duration.fill('100000');
  await duration.blur();
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.getByText(/lasts 5 to 1440 minutes/).waitFor();
  expect(await duration.inputValue()).toBe('100000');
  await duration.fill('45');

  // Two hours later, and one seat fewer than people enrolled: the effect is spelled out.
  // The start time: the app's time picker (hour and minute fields) or a plain time input.
  const fields = dialog.locator('.mantine-TimePicker-fieldsRoot input');
  if ((await fields.count()) > 0) {
    await fields.first().click();
    await fields.first().fill('12');
  } else {
    await dialog.getByLabel('Starts at').fill('12:00');
  }
  await dialog.getByText(/12:00–12:45/).waitFor();
  await dialog.getByLabel('Seats', { exact: true }).fill('1');
  await dialog.getByText('2 people with a seat will get an updated invitation (the same calendar entry, moved).').waitFor();
  await dialog.getByText(/Lowering the seats to 1 removes nobody: the 2 people enrolled keep their seats/).waitFor();
  expect(await dialog.getByText('Some fields need attention').count(), 'the earlier refusal is gone').toBe(0);
  await axe.check(host, 'Edit session, changed');
  const effect = dialog.getByText('When you save');
  await effect.scrollIntoViewIfNeeded();
  await host.screenshot({ path: `${DOCS}/session-edit.png` });
  await host.setViewportSize({ width: 390, height: 844 });
  await host.waitForTimeout(300);
  await axe.check(host, 'Edit session, changed (phone)');
  await dialog.getByRole('button', { name: 'Save changes' }).scrollIntoViewIfNeeded();
  await host.screenshot({ path: `${DOCS}/session-edit-phone.png` });
  await host.setViewportSize({ width: 1440, height: 1000 });

  const saved = host.waitForResponse((r) => r.url().includes(`/sessions/${session.id}`) && r.request().method() === 'PATCH');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  expect((await saved).status()).toBe(200);
  await dialog.waitFor({ state: 'hidden' });
  await axe.check(host, 'Workshop page, after the change');

  // Each registrant receives the updated invitation: same calendar entry, new time, higher SEQUENCE.
  const moved = await apiAs<{ startsAt: string; endsAt: string; seats: number; enrolledCount: number }>(
    host,
    server.url,
    'GET',
    `/sessions/${session.id}`,
  );
  expect(moved).toMatchObject({ seats: 1, enrolledCount: 2 });
  expect(Date.parse(moved.endsAt) - Date.parse(moved.startsAt)).toBe(45 * 60_000);
  const stamp = moved.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  for (const email of emails) {
    const update = await mailTo(host, email, 'Changed:');
    expect(update.calendar).toContain('METHOD:REQUEST');
    expect(sequenceOf(update.calendar)).toBeGreaterThan(before);
    expect(dtstartOf(update.calendar)).toBe(stamp);
  }
  axe.expectNone();
});

it("a past session's roster is about attendance: counts match the tabs; no check-in code, Add person or messages", async () => {
  const title = `Reading heap snapshots ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Find the leak before the pager does.', format: 'talk' },
    { daysAhead: 5, minutes: 60, mode: 'in_person', location: 'Amsterdam HQ, room Hopper', seats: 6 },
  );
  const [session] = (await apiAs<{ items: { id: string }[] }>(host, server.url, 'GET', `/workshops/${workshop.id}/sessions`)).items;
  if (!session) throw new Error('no session');
  const ids: string[] = [];
  for (const name of ['Emre Kaya', 'Aleksandra Kowalczyk']) {
    const page = await signedInAs(name);
    ids.push((await apiAs<{ id: string }>(page, server.url, 'POST', `/sessions/${session.id}/registrations`, {})).id);
    await page.close();
  }
  endedHoursAgo(server, session.id, 2);
  await apiAs(host, server.url, 'POST', `/registrations/${ids[0]}/check-in`, {});

  await host.setViewportSize({ width: 1440, height: 1000 });
  await host.goto(`${server.url}/sessions/${session.id}/roster`);
  await host.getByRole('heading', { name: 'Roster' }).waitFor();
  await host.getByRole('tab', { name: 'Attendance (2)' }).waitFor();
  await host.getByText('Had a seat').waitFor();
  await host.getByRole('button', { name: 'Mark attended: Aleksandra Kowalczyk' }).waitFor();
  for (const gone of ['Check-in code', 'Message attendees']) expect(await host.getByText(gone).count(), gone).toBe(0);
  expect(await host.getByRole('button', { name: 'Add person' }).count()).toBe(0);
  await axe.check(host, 'Roster, past session');
  await host.screenshot({ path: `${DOCS}/roster-past.png`, fullPage: true });
  await host.setViewportSize({ width: 390, height: 844 });
  await host.waitForTimeout(200);
  await axe.check(host, 'Roster, past session (phone)');
  await host.screenshot({ path: `${DOCS}/roster-past-phone.png`, fullPage: true });
  axe.expectNone();
});

it('a waitlist longer than the seats offers the host another session; the people waiting are told when it exists', async () => {
  const title = `Tuning Postgres autovacuum ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Stop bloat before it stops you.', format: 'talk' },
    { daysAhead: 6, minutes: 60, mode: 'in_person', location: 'Amsterdam HQ, room Codd', seats: 1 },
  );
  const [session] = (await apiAs<{ items: { id: string }[] }>(host, server.url, 'GET', `/workshops/${workshop.id}/sessions`)).items;
  if (!session) throw new Error('no session');
  const emails: string[] = [];
  for (const name of ['Emre Kaya', 'Aleksandra Kowalczyk', 'Ifeanyi Okafor']) {
    const page = await signedInAs(name);
    emails.push((await apiAs<{ email: string }>(page, server.url, 'GET', '/me')).email);
    await apiAs(page, server.url, 'POST', `/sessions/${session.id}/registrations`, {});
    await page.close();
  }

  await host.goto(`${server.url}/workshops/${workshop.id}`);
  await host.getByRole('link', { name: 'schedule another session' }).waitFor();
  await axe.check(host, 'Workshop page, waitlist longer than the seats');
  await host.goto(`${server.url}/sessions/${session.id}/roster`);
  await host.getByText('More people are waiting than there are seats').waitFor();
  await axe.check(host, 'Roster, waitlist longer than the seats');
  await host.screenshot({ path: `${SCREENSHOTS}/roster-schedule-another.png`, fullPage: true });
  await host.getByRole('link', { name: 'Schedule another session' }).click();
  await host.waitForURL(`${server.url}/workshops/${workshop.id}/sessions/new`);

  const start = new Date(Date.now() + 8 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'in_person',
    location: 'Amsterdam HQ, room Codd',
    seats: 10,
  });
  // The two people waiting hear of it; the one with a seat does not.
  for (const email of emails.slice(1)) expect((await mailTo(host, email, 'Another session:')).subject).toContain(title);
  const seated = await apiAs<{ items: MailSummary[] }>(
    host,
    server.url,
    'GET',
    `/admin/mailbox?to=${encodeURIComponent(emails[0] as string)}`,
  );
  expect(seated.items.some((m) => m.subject.startsWith('Another session:'))).toBe(false);
  axe.expectNone();
});
