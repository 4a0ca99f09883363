import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, endedHoursAgo, lyceumInChromium, publishWorkshop, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

it('a host adds the recording to a past session; a learner who missed it is mailed and finds it in the catalog and on the workshop', async () => {
  const axe = accessibilityChecks();
  const title = `Tracing a request end to end ${Date.now().toString(36)}`;
  const host = await signedInAs('Jasmine Robinson');
  const workshop = await publishWorkshop(
    host,
    server.url,
    { title, summary: 'Follow one request through every service, with OpenTelemetry.', format: 'talk' },
    { daysAhead: 2, minutes: 60, mode: 'online', videoUrl: 'https://meet.example.com/trace' },
  );
  const [session] = (await apiAs<{ items: { id: string }[] }>(host, server.url, 'GET', `/workshops/${workshop.id}/sessions`)).items;
  const sessionId = session?.id ?? '';

  // The learner registers, and then misses it.
  const learner = await signedInAs('Emre Kaya');
  const me = await apiAs<{ email: string }>(learner, server.url, 'GET', '/me');
  await apiAs(learner, server.url, 'POST', `/sessions/${sessionId}/registrations`, {});
  endedHoursAgo(server, sessionId, 2);

  // The host opens the workshop; the past session offers to add the recording.
  await host.goto(`${server.url}/workshops/${workshop.id}`);
  await host.getByRole('heading', { name: 'Past sessions' }).waitFor();
  await host.getByRole('button', { name: 'Add recording or materials' }).click();
  const dialog = host.getByRole('dialog', { name: 'Recording and materials' });
  await dialog.getByLabel('Recording link').fill('https://video.example.com/recordings/tracing');
  await dialog.getByLabel('Title 1').fill('Slides');
  await dialog.getByLabel('Link 1').fill('https://slides.example.com/tracing');
  await host.waitForTimeout(300); // the modal's fade-in
  await axe.check(host, 'Workshop page, recording dialog');
  await host.screenshot({ path: `${SCREENSHOTS}/recording-1-dialog.png` });
  const saved = host.waitForResponse((r) => r.url().endsWith(`/api/v1/sessions/${sessionId}`) && r.request().method() === 'PATCH');
  await dialog.getByRole('button', { name: 'Save' }).click();
  expect((await saved).status()).toBe(200);
  await host.getByRole('link', { name: 'Watch the recording' }).waitFor();

  // The learner is mailed the link (the worker delivers in the background to the built-in mailbox).
  const mailTo = `/admin/mailbox?to=${encodeURIComponent(me.email)}&limit=100`;
  await expect
    .poll(
      async () =>
        (await apiAs<{ items: { subject: string }[] }>(host, server.url, 'GET', mailTo)).items.some((m) =>
          m.subject.startsWith(`Recording available: ${title}`),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);

  // The catalog says so, and the workshop page has it.
  await learner.goto(`${server.url}/?q=${encodeURIComponent(title)}`);
  await learner.getByText('Recording available').first().waitFor();
  await axe.check(learner, 'Catalog, a workshop with a recording');
  await learner.goto(`${server.url}/workshops/${workshop.id}`);
  const watch = learner.getByRole('link', { name: 'Watch the recording' });
  await watch.waitFor();
  expect(await watch.getAttribute('href')).toBe('https://video.example.com/recordings/tracing');
  expect(await learner.getByRole('link', { name: 'Slides' }).getAttribute('href')).toBe('https://slides.example.com/tracing');
  expect(await learner.getByRole('button', { name: /Add recording|Edit recording/ }).count()).toBe(0);
  await axe.check(learner, 'Workshop page, past session with its recording');
  await learner.screenshot({ path: `${SCREENSHOTS}/recording-2-learner.png`, fullPage: true });
  axe.expectNone();
});
