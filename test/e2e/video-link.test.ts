import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, publishWorkshop, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

it('shows the video link once you have a seat, and says so before', async () => {
  const title = `Tracing with quokkas ${Date.now().toString(36)}`;
  const link = 'https://meet.example.com/quokka-tracing';
  const axe = accessibilityChecks();
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Follow one request through five services.', format: 'talk' },
    { daysAhead: 6, minutes: 60, mode: 'online', videoUrl: link, seats: 20 },
  );
  await host.context().close();

  const member = await signedInAs('Emre Kaya');
  await member.goto(`${server.url}/workshops/${workshop.id}`);
  await member.getByRole('heading', { name: title }).waitFor();
  await member.getByText('The video link appears here once you have a seat').waitFor();
  expect(await member.getByRole('link', { name: 'Video link' }).count()).toBe(0);
  await axe.check(member, 'Workshop page, online, no seat yet');
  await member.screenshot({ path: `${SCREENSHOTS}/video-link-1-no-seat.png`, fullPage: true });

  const registered = member.waitForResponse((r) => r.url().includes('/registrations') && r.request().method() === 'POST');
  await member.getByRole('button', { name: /^Register/ }).click();
  expect((await registered).status()).toBeLessThan(300);
  // The page refetches the session, which now carries the link.
  await expect.poll(() => member.getByRole('link', { name: 'Video link' }).getAttribute('href')).toBe(link);
  expect(await member.getByText('The video link appears here once you have a seat').count()).toBe(0);
  await axe.check(member, 'Workshop page, online, with a seat (video link)');
  await member.screenshot({ path: `${SCREENSHOTS}/video-link-2-seat.png`, fullPage: true });
  axe.expectNone();
});

it('promises no video link where a session has none (in person, or online without a link yet)', async () => {
  const title = `Whiteboard katas ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Solve three katas on a whiteboard together.', format: 'hands_on_lab' },
    { daysAhead: 7, minutes: 60, mode: 'in_person', location: 'Amsterdam · Room Turing', seats: 12 },
  );
  const start = new Date(Date.now() + 8 * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'online',
    seats: 30,
  });
  await host.context().close();

  const member = await signedInAs('Emre Kaya');
  await member.goto(`${server.url}/workshops/${workshop.id}`);
  await member.getByRole('heading', { name: title }).waitFor();
  await member.getByText('Amsterdam · Room Turing').waitFor();
  await expect.poll(() => member.getByRole('button', { name: /^Register/ }).count()).toBe(2);
  expect(await member.getByText('The video link appears here once you have a seat').count()).toBe(0);
  expect(await member.getByRole('link', { name: 'Video link' }).count()).toBe(0);
  await axe.check(member, 'Workshop page, in person and online without a link');
  await member.screenshot({ path: `${SCREENSHOTS}/video-link-3-no-link.png`, fullPage: true });
  axe.expectNone();
});
