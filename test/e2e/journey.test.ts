import { expect, it } from 'vitest';
import { accessibilityChecks } from './accessibility.js';
import { lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

it('a host creates and publishes a workshop; a colleague finds it in the catalog and opens it', async () => {
  const title = `Tracing gRPC calls end to end ${Date.now().toString(36)}`;
  const axe = accessibilityChecks();

  const host = await signedInAs('Jasmine Robinson');

  // The demo sign-in page every journey starts on, as someone not signed in sees it (a fresh profile).
  const visitor = await host.context().browser()?.newPage();
  if (!visitor) throw new Error('Chromium is not running');
  await visitor.goto(`${server.url}/`);
  await visitor.getByLabel('Find a person').waitFor();
  await axe.check(visitor, 'Sign-in (demo mode)');
  await visitor.context().close();

  // The host: create a draft with three fields, schedule a session, publish.
  await host
    .getByRole('link', { name: /create a workshop/i })
    .first()
    .click();
  await host.getByLabel('Title').fill(title);
  await host.getByLabel('Summary').fill('Follow one request through five services with OpenTelemetry.');
  await host.getByLabel('Format').first().click();
  await host.getByRole('option', { name: 'Hands-on lab' }).click();
  await host.getByRole('listbox').waitFor({ state: 'detached' });
  await axe.check(host, 'Create a workshop (filled in)');
  await host.getByRole('button', { name: /create/i }).click();
  await host.getByRole('heading', { name: title }).waitFor();
  const workshopUrl = host.url();

  await host
    .getByRole('link', { name: /schedule a session/i })
    .first()
    .click();
  await host.getByRole('heading', { name: 'Schedule a session' }).waitFor();
  await axe.check(host, 'Schedule a session');
  await host.getByRole('button', { name: /^schedule/i }).click();
  await host.waitForURL(workshopUrl);
  await host.getByRole('button', { name: 'Publish' }).click();
  await host.getByText('Published', { exact: false }).first().waitFor();
  await axe.check(host, 'Workshop page, host, published');
  await host.screenshot({ path: `${SCREENSHOTS}/1-host-workshop.png`, fullPage: true });

  // A colleague: search the catalog, open the workshop, see the session; no edit rights.
  const learner = await signedInAs('Ifeanyi Okafor');
  await learner
    .getByRole('searchbox')
    .or(learner.getByLabel(/search/i))
    .first()
    .fill('tracing grpc');
  await learner.getByText(/matching “tracing grpc”/).waitFor();
  const card = learner.getByRole('link', { name: title });
  await card.waitFor();
  expect(await learner.getByRole('link', { name: /Tracing gRPC/ }).count()).toBe(1);
  await axe.check(learner, 'Home/catalog, searching');
  await learner.screenshot({ path: `${SCREENSHOTS}/2-catalog-search.png`, fullPage: true });
  await card.click();
  await learner.waitForURL(workshopUrl);
  await learner.getByRole('heading', { name: title }).waitFor();
  await learner.getByText('Jasmine Robinson').first().waitFor();
  await learner
    .getByText(/Hands-on lab/)
    .first()
    .waitFor();
  expect(await learner.getByRole('link', { name: /edit/i }).count()).toBe(0);
  await axe.check(learner, 'Workshop page, colleague');
  await learner.screenshot({ path: `${SCREENSHOTS}/3-learner-workshop.png`, fullPage: true });
  axe.expectNone();
});
