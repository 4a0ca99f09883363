import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { openDatabase } from '../../src/server/platform/db.js';
import { buildTestApp } from '../helpers/app.js';
import { endSession } from '../helpers/feedback.js';
import { accessibilityChecks } from './accessibility.js';
import { apiAs, lyceumInChromium, SCREENSHOTS } from './server.js';

const { server, signedInAs } = lyceumInChromium();

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOST = 'Aleksandra Kowalczyk';
const LEARNERS = ['Emre Kaya', 'Ifeanyi Okafor', 'Karthik Menon'] as const;

/** Every page the journey visits, checked with axe as it stands; the journey fails at its end on any finding. */
const axe = accessibilityChecks();

/** The page, whole, at desktop and phone size (from the top, so the sticky header sits where it belongs); axe on the phone layout too. */
async function screenshots(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/journey-${name}-desktop.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(200); // the layout settles on the narrow screen
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOTS}/journey-${name}-phone.png`, fullPage: true });
  await axe.check(page, `${name} (phone)`);
  await page.setViewportSize(DESKTOP);
}

/**
 * What the server's `feedback-rounds` job does every minute, done now: a Lyceum on the same
 * SQLite file runs the job once (asks the attendees by mail), and the running server's outbox
 * worker delivers the mail.
 */
async function runFeedbackRounds(databasePath: string): Promise<number> {
  const database = openDatabase({ dialect: 'sqlite', path: databasePath });
  const app = await buildTestApp({ config: loadConfig({ DATABASE_URL: `sqlite:${databasePath}`, LOG_LEVEL: 'silent' }), database });
  try {
    await app.ready();
    return await (app.jobs['feedback-rounds'] as () => Promise<number>)();
  } finally {
    await app.close();
    await database.close();
  }
}

/** Moves the session's times into the past in the server's database file: it ended an hour ago. */
async function endInThePast(databasePath: string, sessionId: string): Promise<void> {
  const database = openDatabase({ dialect: 'sqlite', path: databasePath });
  try {
    await endSession(database.db, sessionId, 1);
  } finally {
    await database.close();
  }
}

/** The link of the "How was it?" mail to `email`, read from the built-in mailbox by an admin. */
async function feedbackLinkInMail(admin: Page, email: string, title: string): Promise<string> {
  const to = `/admin/mailbox?to=${encodeURIComponent(email)}`;
  let mailId = '';
  await expect
    .poll(
      async () => {
        const { items } = await apiAs<{ items: { id: string; subject: string }[] }>(admin, server.url, 'GET', to);
        mailId = items.find((m) => m.subject === `How was it? ${title}`)?.id ?? '';
        return mailId;
      },
      { timeout: 20_000, message: `the feedback request mail to ${email}` },
    )
    .not.toBe('');
  const mail = await apiAs<{ text: string }>(admin, server.url, 'GET', `/admin/mailbox/${mailId}`);
  const link = /https?:\/\/\S+?(\/sessions\/[\w-]+\/feedback)\b/.exec(mail.text);
  expect(link, mail.text).not.toBeNull();
  return link?.[1] as string;
}

interface Learner {
  page: Page;
  email: string;
}

/** One of the form's 1–5 scales (a labelled radio group). */
const scale = (page: Page, name: string) => page.getByRole('radiogroup', { name: new RegExp(`^${name}`) });

/** Chooses `n` on a scale by its label ("5, Excellent"). */
async function choose(page: Page, name: string, n: number): Promise<void> {
  await scale(page, name)
    .locator('label', { hasText: new RegExp(`^${n}(,|$)`) })
    .click();
  expect(await scale(page, name).getByRole('radio', { checked: true }).getAttribute('value')).toBe(String(n));
}

type Answer = { rating: number | null; usefulness: number; worked?: string; improve?: string };

async function answer(page: Page, a: Answer): Promise<void> {
  if (a.rating !== null) await choose(page, 'Overall rating', a.rating);
  await choose(page, 'Useful for my work', a.usefulness);
  if (a.worked) await page.getByLabel('What worked?').fill(a.worked);
  if (a.improve) await page.getByLabel('What could be better?').fill(a.improve);
}

/** A learner opens the mail's link, answers, and is thanked. */
async function answerFromMail(learner: Learner, link: string, a: Answer): Promise<void> {
  await learner.page.goto(`${server.url}${link}`);
  await learner.page.getByRole('form', { name: 'Your feedback' }).waitFor();
  await answer(learner.page, a);
  await learner.page.getByRole('button', { name: 'Send feedback' }).click();
  await learner.page.getByRole('heading', { name: 'Thank you — your feedback is in' }).waitFor();
}

it('learners answer from the mail’s link; the host sees nothing until the third answer, then the summary', {
  timeout: 180_000,
}, async () => {
  const title = `Reading consumer lag ${Date.now().toString(36)}`;

  // A workshop of Aleksandra's with one session tomorrow, three learners in it.
  const host = await signedInAs(HOST);
  const workshop = await apiAs<{ id: string }>(host, server.url, 'POST', '/workshops', {
    title,
    summary: 'Why consumers fall behind, and how to see it before your users do.',
    format: 'talk',
  });
  const start = new Date(Date.now() + 24 * 3600_000);
  start.setUTCMinutes(0, 0, 0);
  const session = await apiAs<{ id: string }>(host, server.url, 'POST', `/workshops/${workshop.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 60 * 60_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'in_person',
    location: 'Amsterdam · Room Turing',
    seats: 20,
  });
  await apiAs(host, server.url, 'POST', `/workshops/${workshop.id}/publish`, {});
  const learners: Learner[] = [];
  for (const name of LEARNERS) {
    const page = await signedInAs(name);
    await page.setViewportSize(DESKTOP);
    await apiAs(page, server.url, 'POST', `/sessions/${session.id}/registrations`, {});
    learners.push({ page, email: (await apiAs<{ email: string }>(page, server.url, 'GET', '/me')).email });
  }

  // The session took place (an hour ago); the minute's job asks the three of them by mail.
  await endInThePast(server.databasePath, session.id);
  expect(await runFeedbackRounds(server.databasePath)).toBeGreaterThanOrEqual(LEARNERS.length);
  const admin = await signedInAs('Jasmine Robinson');
  const link = await feedbackLinkInMail(admin, learners[0]?.email as string, title);
  expect(link).toBe(`/sessions/${session.id}/feedback`);

  // Emre opens the link from his mail: the one-screen form.
  const [emre, ifeanyi, karthik] = learners as [Learner, Learner, Learner];
  await emre.page.goto(`${server.url}${link}`);
  const form = emre.page.getByRole('form', { name: 'Your feedback' });
  await form.waitFor();
  await emre.page.getByRole('heading', { level: 1, name: title }).waitFor();
  await axe.check(emre.page, 'form');
  await screenshots(emre.page, 'form');

  // By keyboard: the overall rating's first choice, then three steps right (4); the rest by pointer.
  await scale(emre.page, 'Overall rating').getByRole('radio').first().focus();
  for (let i = 0; i < 3; i++) await emre.page.keyboard.press('ArrowRight');
  expect(await scale(emre.page, 'Overall rating').getByRole('radio', { checked: true }).getAttribute('value')).toBe('4');
  await answer(emre.page, { rating: null, usefulness: 5, worked: 'The lag dashboard walk-through', improve: 'Less time on setup' });
  await emre.page.getByRole('radiogroup', { name: 'I plan to apply this' }).locator('label', { hasText: 'Yes' }).click();
  await emre.page.getByLabel('How?').fill('Alert on lag per partition');
  await axe.check(emre.page, 'form filled in');
  await screenshots(emre.page, 'form-filled');
  await emre.page.getByRole('button', { name: 'Send feedback' }).click();
  await emre.page.getByRole('heading', { name: 'Thank you — your feedback is in' }).waitFor();
  await axe.check(emre.page, 'thank-you');
  await screenshots(emre.page, 'thanks');

  // Aleksandra's Feedback tab: one answer is not shown, nor two.
  await host.setViewportSize(DESKTOP);
  await host.goto(`${server.url}/workshops/${workshop.id}/feedback`);
  await host.getByRole('heading', { name: 'Feedback on all sessions' }).waitFor();
  await host.getByText('Nothing is shown until 3 people have answered').waitFor();
  await host.getByText(/1 person has answered so far \(of 3 asked\)/).waitFor();
  await axe.check(host, 'Feedback tab, hidden');
  await screenshots(host, 'tab-hidden');

  await answerFromMail(ifeanyi, link, { rating: 5, usefulness: 4, worked: 'Real incidents as examples' });
  await host.reload();
  await host.getByText(/2 people have answered so far \(of 3 asked\)/).waitFor();
  expect(await host.getByText('Real incidents as examples').count()).toBe(0);

  // The third answer: the summary appears (ratings 4, 5, 3: average 4.0), comments without names.
  await answerFromMail(karthik, link, { rating: 3, usefulness: 3, improve: 'A cheat sheet to take away' });
  await host.reload();
  await host.getByRole('heading', { name: 'Comments' }).waitFor();
  expect(await host.getByText('Nothing is shown until 3 people have answered').count()).toBe(0);
  const overall = host.getByRole('region', { name: 'Overall rating' });
  expect(await overall.textContent()).toContain('4.0 / 5');
  for (const comment of [
    'The lag dashboard walk-through',
    'Less time on setup',
    'Real incidents as examples',
    'A cheat sheet to take away',
  ]) {
    await host.getByText(comment).waitFor();
  }
  const shown = (await host.locator('main').textContent()) ?? '';
  for (const name of LEARNERS) expect(shown, 'a learner named on the Feedback tab').not.toContain(name);
  await axe.check(host, 'Feedback tab, summary');
  await screenshots(host, 'tab-summary');
  axe.expectNone();
});
