import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson, sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import type { CreateWorkshopBody } from '../../../contracts/index.js';
import { newId, nowIso } from '../../platform/ids.js';

const { t, host, learner } = testAppWithPeople({ host: { name: 'Hana Host' }, learner: { name: 'Lee Learner' } });

/** A word no other test in this file uses, so searches only see this test's data. */
const uniqueWord = () => `zq${randomBytes(4).toString('hex')}`;

async function workshop(overrides: Partial<CreateWorkshopBody>, opts: { published?: boolean } = {}): Promise<string> {
  const w = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody(overrides))).json();
  if (opts.published ?? true) await as(t.app, host.token).post(`/api/v1/workshops/${w.id}/publish`);
  return w.id;
}

async function session(workshopId: string, daysAhead: number, startsAt?: string): Promise<string> {
  const body = sessionBody(daysAhead);
  const start = startsAt ?? body.startsAt;
  const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions`, {
    ...body,
    startsAt: start,
    endsAt: new Date(Date.parse(start) + 3_600_000).toISOString(),
  });
  expect(res.statusCode).toBe(201);
  return res.json().id;
}

async function catalog(query: string) {
  const res = await as(t.app, learner.token).get(`/api/v1/sessions?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; startsAt: string; workshop: { id: string; title: string } }[]; nextCursor: string | null };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('the catalog', () => {
  it('lists only upcoming scheduled sessions of published workshops, soonest first, with their workshop', async () => {
    const word = uniqueWord();
    const published = await workshop({
      title: `Kafka ${word}`,
      summary: 'Lag, explained.',
      format: 'talk',
      tags: ['kafka', 'Stream Processing'],
    });
    const later = await session(published, 9);
    const sooner = await session(published, 2);
    const cancelled = await session(published, 4);
    await as(t.app, host.token).post(`/api/v1/sessions/${cancelled}/cancel`);
    const draft = await workshop({ title: `Draft ${word}` }, { published: false });
    await session(draft, 3);
    // Started an hour ago, not over yet: no longer something to sign up for.
    const start = new Date(Date.now() - 3_600_000);
    await t.database.db
      .insertInto('sessions')
      .values({
        id: newId(),
        workshop_id: published,
        starts_at: start.toISOString(),
        ends_at: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        time_zone: 'UTC',
        mode: 'online',
        status: 'scheduled',
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();

    const page = await catalog(`q=${word}`);
    expect(ids(page)).toEqual([sooner, later]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).toMatchObject({ status: 'scheduled', mode: 'in_person', seats: 20, timeZone: 'Europe/Amsterdam' });
    expect(page.items[0]?.workshop).toEqual({
      id: published,
      title: `Kafka ${word}`,
      summary: 'Lag, explained.',
      format: 'talk',
      tags: expect.arrayContaining(['kafka', 'stream-processing']),
      hosts: [{ id: host.id, name: 'Hana Host', title: 'Software Engineer' }],
    });
  });

  it('matches the search text against title, summary and tags, ignoring case', async () => {
    const word = uniqueWord();
    const inTitle = await session(await workshop({ title: `About ${word.toUpperCase()} systems` }), 3);
    const inSummary = await session(await workshop({ summary: `Everything on ${word} in an hour.` }), 4);
    const inTag = await session(await workshop({ tags: [`${word}-basics`] }), 5);
    await session(await workshop({ title: 'Something else entirely' }), 6);

    expect(ids(await catalog(`q=${word.toUpperCase()}`))).toEqual([inTitle, inSummary, inTag]);
    expect(ids(await catalog(`q=${encodeURIComponent(`  ${word}  `)}`))).toEqual([inTitle, inSummary, inTag]);
  });

  it("finds sessions by a host's name", async () => {
    const word = uniqueWord();
    const namedHost = await buildPerson(t.database.db, { name: `Noor ${word}` });
    const w = (await as(t.app, namedHost.token).post('/api/v1/workshops', workshopBody({ title: 'Untitled topic' }))).json();
    await as(t.app, namedHost.token).post(`/api/v1/workshops/${w.id}/publish`);
    const res = await as(t.app, namedHost.token).post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(4));
    expect(ids(await catalog(`q=${word.toUpperCase()}`))).toEqual([res.json().id]);
  });

  it('filters by tag', async () => {
    const word = uniqueWord();
    const tagged = await session(await workshop({ title: `Tagged ${word}`, tags: [word, 'rust'] }), 3);
    await session(await workshop({ title: `Untagged ${word}`, tags: ['rust'] }), 4);
    expect(ids(await catalog(`tag=${word.toUpperCase()}`))).toEqual([tagged]);
    expect(ids(await catalog(`q=${word}&tag=rust`))).toHaveLength(2);
    expect((await catalog(`tag=${uniqueWord()}`)).items).toEqual([]);
  });

  it('keeps to a from/to window, to being exclusive', async () => {
    const word = uniqueWord();
    const w = await workshop({ title: `Window ${word}` });
    await session(w, 10);
    const middle = await session(w, 20);
    const atTheEnd = sessionBody(30).startsAt;
    await session(w, 30, atTheEnd);

    expect(ids(await catalog(`q=${word}&from=${daysFromNow(15)}&to=${daysFromNow(25)}`))).toEqual([middle]);
    const untilThirty = await catalog(`q=${word}&from=${daysFromNow(15)}&to=${encodeURIComponent(atTheEnd)}`);
    expect(ids(untilThirty)).toEqual([middle]);
  });

  it('rejects a window that ends before it starts, and bad dates', async () => {
    for (const query of [`from=${daysFromNow(20)}&to=${daysFromNow(10)}`, 'from=tomorrow', 'to=2026-13-45T00:00:00Z']) {
      const res = await as(t.app, learner.token).get(`/api/v1/sessions?${query}`);
      expectError(res, 400, 'validation_failed');
    }
    const reversed = await as(t.app, learner.token).get(`/api/v1/sessions?from=${daysFromNow(20)}&to=${daysFromNow(10)}`);
    expect(reversed.json().error.details[0].field).toBe('to');
  });

  it('pages with a cursor, giving every session exactly once and in order, ties included', async () => {
    const word = uniqueWord();
    const w = await workshop({ title: `Paging ${word}` });
    const sameStart = sessionBody(12).startsAt;
    const created = [];
    for (const days of [8, 3, 12, 5, 1, 12, 7]) created.push(await session(w, days, days === 12 ? sameStart : undefined));
    await session(w, 12, sameStart);

    const seen: { id: string; startsAt: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await catalog(`q=${word}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor);

    expect(pages).toBe(3);
    expect(seen).toHaveLength(8);
    expect(new Set(seen.map((s) => s.id)).size).toBe(8);
    const starts = seen.map((s) => s.startsAt);
    expect(starts).toEqual([...starts].sort());
  });

  it('rejects unknown query parameters, a limit out of range and a forged cursor', async () => {
    for (const query of ['sort=latest', 'limit=0', 'limit=101', 'cursor=not-a-cursor']) {
      expectError(await as(t.app, learner.token).get(`/api/v1/sessions?${query}`), 400, 'validation_failed');
    }
  });

  it('takes % and _ in the search text literally', async () => {
    const word = uniqueWord();
    const literal = await session(await workshop({ title: `${word} at 100% coverage` }), 3);
    await session(await workshop({ title: `${word} at 1000 requests per second` }), 4);
    await session(await workshop({ title: `${word} with snakeXcase` }), 5);
    expect(ids(await catalog(`q=${encodeURIComponent(`${word} at 100%`)}`))).toEqual([literal]);
    expect((await catalog(`q=${encodeURIComponent(`${word} with snake_case`)}`)).items).toEqual([]);
  });
});

describe('tags', () => {
  it('counts only published workshops', async () => {
    const word = uniqueWord();
    await workshop({ tags: [word, `${word}-extra`] });
    await workshop({ tags: [word] });
    await workshop({ tags: [word, `${word}-draft-only`] }, { published: false });

    const res = await as(t.app, learner.token).get(`/api/v1/tags?q=${word}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { tag: word, count: 2 },
      { tag: `${word}-extra`, count: 1 },
    ]);
  });
});
