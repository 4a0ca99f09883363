import type { LightMyRequestResponse } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { signInWithBrowser } from '../../../../test/helpers/browser.js';
import { buildPerson, type TestPerson } from '../../../../test/helpers/factories.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import { loadConfig } from '../../config.js';

// What a calendar app does all day: ask again with the validators of the copy it has.
let t: TestApp;
let host: TestPerson;

beforeAll(async () => {
  t = await createTestApp();
  host = await buildPerson(t.database.db, { name: 'Hana Host' });
});
afterAll(() => t.close());

const feedPathOf = async (p: TestPerson): Promise<string> =>
  new URL((await (await signInWithBrowser(t.app, p.email)).post('/api/v1/me/calendar')).json().url).pathname;

/** The summaries and locations of a feed's events, as a calendar app reads them. */
function eventsOf(ics: string): { summary: string; location: string | null }[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((e) => ({
    summary: String(e.getFirstPropertyValue('summary')),
    location: (e.getFirstPropertyValue('location') as string | null) ?? null,
  }));
}

/**
 * A conditional request after a change: on PostgreSQL an instance keeps a feed's version in
 * memory until the change's signal arrives (milliseconds), so the new feed is asked for until it
 * comes, for at most two seconds; on SQLite the first answer is the new one.
 */
async function afterChange(ask: () => Promise<LightMyRequestResponse>, status = 200): Promise<LightMyRequestResponse> {
  let answer = await ask();
  for (const until = Date.now() + 2000; answer.statusCode !== status && Date.now() < until; answer = await ask())
    await new Promise((resolve) => setTimeout(resolve, 20));
  return answer;
}

async function workshopOf(sessionId: string): Promise<string> {
  return (await as(t.app, host.token).get(`/api/v1/sessions/${sessionId}`)).json().workshopId;
}

describe('a personal feed asked for again', () => {
  it('answers 304 while nothing in it changed, and the new feed once something did', async () => {
    const learner = await buildPerson(t.database.db, { name: 'Lee Learner' });
    const other = await buildPerson(t.database.db, { name: 'Olu Other' });
    const sessionId = await publishedSession(t.app, host.token);
    const workshopId = await workshopOf(sessionId);
    const path = await feedPathOf(learner);
    const get = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: path, headers });
    expect((await as(t.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).statusCode).toBe(201);

    const first = await get();
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(new Date(lastModified).getTime()).toBeLessThanOrEqual(Date.now());
    expect(eventsOf(first.body)).toEqual([{ summary: 'Debugging Kafka consumer lag', location: 'Amsterdam · Room Turing' }]);

    const same = await get({ 'if-none-match': etag });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    expect((await get({ 'if-modified-since': lastModified })).statusCode).toBe(304);
    // If-None-Match decides when both are sent (RFC 9110 13.2.2).
    expect((await get({ 'if-none-match': 'W/"another"', 'if-modified-since': lastModified })).statusCode).toBe(200);

    // Someone else's seat is not in this feed.
    expect((await as(t.app, other.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).statusCode).toBe(201);
    expect((await get({ 'if-none-match': etag })).statusCode).toBe(304);

    // The host renames the workshop: the feed shows the new title.
    expect((await as(t.app, host.token).patch(`/api/v1/workshops/${workshopId}`, { title: 'Kafka lag, found and fixed' })).statusCode).toBe(
      200,
    );
    const renamed = await afterChange(() => get({ 'if-none-match': etag }));
    expect(renamed.statusCode).toBe(200);
    expect(renamed.headers.etag).not.toBe(etag);
    expect(eventsOf(renamed.body)[0]?.summary).toBe('Kafka lag, found and fixed');

    // A change by plain SQL is seen too: triggers, not the API, record it.
    await t.database.db.updateTable('sessions').set({ location: 'Utrecht · Room Hopper' }).where('id', '=', sessionId).execute();
    const moved = await afterChange(() => get({ 'if-none-match': renamed.headers.etag as string }));
    expect(moved.statusCode).toBe(200);
    expect(eventsOf(moved.body)[0]?.location).toBe('Utrecht · Room Hopper');

    // Giving up the seat takes the session out of the feed.
    expect((await as(t.app, learner.token).delete(`/api/v1/sessions/${sessionId}/registrations/me`)).statusCode).toBe(200);
    const left = await afterChange(() => get({ 'if-none-match': moved.headers.etag as string }));
    expect(left.statusCode).toBe(200);
    expect(eventsOf(left.body)).toEqual([]);
  });

  it('is the same answer from every instance: one that served the old feed serves the new one after a change elsewhere', async () => {
    const learner = await buildPerson(t.database.db, { name: 'Ines Instance' });
    const sessionId = await publishedSession(t.app, host.token);
    expect((await as(t.app, learner.token).post(`/api/v1/sessions/${sessionId}/registrations`, {})).statusCode).toBe(201);
    const path = await feedPathOf(learner);
    // Its own connection to listen for changes, to the same database (and, in tests, schema).
    const url = t.database.url.startsWith('sqlite') ? 'sqlite::memory:' : t.database.url;
    const second = await buildTestApp({ config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' }), database: t.database });
    try {
      const here = await t.app.inject({ method: 'GET', url: path });
      const there = await second.inject({ method: 'GET', url: path });
      expect(there.statusCode).toBe(200);
      expect(there.headers.etag).toBe(here.headers.etag);
      expect(
        (await second.inject({ method: 'GET', url: path, headers: { 'if-none-match': here.headers.etag as string } })).statusCode,
      ).toBe(304);

      // The session is moved through the first instance; the second, which rendered the feed, serves the move.
      const later = new Date(Date.now() + 9 * 86_400_000);
      later.setUTCHours(9, 0, 0, 0);
      const patched = await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, {
        startsAt: later.toISOString(),
        endsAt: new Date(later.getTime() + 3_600_000).toISOString(),
      });
      expect(patched.statusCode).toBe(200);
      const after = await afterChange(() =>
        second.inject({ method: 'GET', url: path, headers: { 'if-none-match': here.headers.etag as string } }),
      );
      expect(after.statusCode).toBe(200);
      const start = new ICAL.Component(ICAL.parse(after.body)).getFirstSubcomponent('vevent')?.getFirstPropertyValue('dtstart');
      expect((start as ICAL.Time).toJSDate().toISOString()).toBe(later.toISOString());
    } finally {
      await second.close();
    }
  });

  it('stops answering, 304 or not, once its owner has left', async () => {
    const leaver = await buildPerson(t.database.db, { name: 'Lou Leaver' });
    const path = await feedPathOf(leaver);
    const first = await t.app.inject({ method: 'GET', url: path });
    await t.database.db.updateTable('people').set({ active: 0 }).where('id', '=', leaver.id).execute();
    const after = await afterChange(
      () => t.app.inject({ method: 'GET', url: path, headers: { 'if-none-match': first.headers.etag as string } }),
      404,
    );
    expect(after.statusCode).toBe(404);
  });
});

describe('a session file downloaded again', () => {
  it('answers 304 while the session is unchanged, and the changed file after an edit', async () => {
    const sessionId = await publishedSession(t.app, host.token);
    const url = `/api/v1/sessions/${sessionId}/calendar.ics`;
    const first = await as(t.app, host.token).get(url);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${host.token}`, 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await as(t.app, host.token).patch(`/api/v1/sessions/${sessionId}`, { location: 'Rotterdam · Room Lovelace' });
    const edited = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${host.token}`, 'if-none-match': etag } });
    expect(edited.statusCode).toBe(200);
    expect(eventsOf(edited.body)[0]?.location).toBe('Rotterdam · Room Lovelace');
  });
});
