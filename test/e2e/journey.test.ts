import { expect, it } from 'vitest';
import { lyceumInChromium, SCREENSHOTS } from './server.js';

const { signedInAs } = lyceumInChromium();

it('a host creates and publishes a workshop; a colleague finds it in the catalog and opens it', async () => {
  const title = `Tracing gRPC calls end to end ${Date.now().toString(36)}`;

  // The host: create a draft with three fields, schedule a session, publish.
  const host = await signedInAs('Jasmine Robinson');
  await host
    .getByRole('link', { name: /create a workshop/i })
    .first()
    .click();
  await host.getByLabel('Title').fill(title);
  await host.getByLabel('Summary').fill('Follow one request through five services with OpenTelemetry.');
  await host.getByLabel('Format').first().click();
  await host.getByRole('option', { name: 'Hands-on lab' }).click();
  await host.getByRole('button', { name: /create/i }).click();
  await host.getByRole('heading', { name: title }).waitFor();
  const workshopUrl = host.url();

  await host
    .getByRole('link', { name: /schedule a session/i })
    .first()
    .click();
  await host.getByRole('button', { name: /^schedule/i }).click();
  await host.waitForURL(workshopUrl);
  await host.getByRole('button', { name: 'Publish' }).click();
  await host.getByText('Published', { exact: false }).first().waitFor();
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
  await learner.screenshot({ path: `${SCREENSHOTS}/3-learner-workshop.png`, fullPage: true });
});
