import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import { type SearchResponse, searchResponse } from '../../../contracts/index.js';
import { newId, nowIso } from '../../platform/ids.js';
import { searchIndex } from './search-index.repository.js';

const { t, host, reader } = testAppWithPeople({ host: { name: 'Kim Kowalski' }, reader: { name: 'Rita Reader' } });
const ids: Record<string, string> = {};

async function publish(key: string, body: Parameters<typeof workshopBody>[0], sessions: Parameters<typeof sessionBody>[] = [[7]]) {
  const api = as(t.app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody(body))).json();
  await api.post(`/api/v1/workshops/${w.id}/publish`);
  for (const args of sessions) await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(...args));
  ids[key] = w.id;
}

const search = async (query: string): Promise<SearchResponse> => {
  const res = await as(t.app, reader.token).get(`/api/v1/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  // The answer is written from kept pieces (search-answer.ts): byte for byte the contract's JSON.
  expect(res.body).toBe(JSON.stringify(searchResponse.parse(res.json())));
  return res.json();
};
const titles = (r: SearchResponse) => r.items.map((i) => i.workshop.title);

beforeAll(async () => {
  await publish('k8s', { title: 'Kubernetes', summary: 'The basics of pods.', tags: ['kubernetes', 'platform'], format: 'talk' }, [[3]]);
  await publish('intro', { title: 'Intro to Kubernetes operators', summary: 'Write your first operator.', tags: ['kubernetes'] }, [
    [10, { mode: 'online', location: null }],
  ]);
  await publish('helm', { title: 'Helm charts that age well', summary: 'Packaging for Kubernetes clusters.', tags: ['helm'] }, [
    [5, { mode: 'hybrid', seats: 10, onlineSeats: 10 }],
  ]);
  await publish('kafka', { title: 'Debugging Kafka consumer lag', summary: 'Find the slow consumer.', tags: ['kafka'] }, [
    [2, { location: 'Berlin · Room Hopper' }],
  ]);
  await publish('full', { title: 'Threat modeling in 60 minutes', summary: 'STRIDE without tears.', tags: ['security'] }, [
    [4, { seats: 1 }],
  ]);
  await publish(
    'none',
    { title: 'Café culture: naïve résumé of Kubernetes history', summary: 'Nothing scheduled yet.', tags: ['history'] },
    [],
  );
  // The one seat of "full" is taken.
  const fullSession = (await as(t.app, host.token).get(`/api/v1/workshops/${ids.full}/sessions`)).json().items[0];
  await as(t.app, reader.token).post(`/api/v1/sessions/${fullSession.id}/registrations`, {});
  // A draft is never found.
  await as(t.app, host.token).post('/api/v1/workshops', workshopBody({ title: 'Kubernetes secrets (draft)' }));
});

describe('search', () => {
  it('ranks an exact title match first, then title matches, then the rest', async () => {
    const r = await search('q=kubernetes');
    expect(titles(r)[0]).toBe('Kubernetes');
    expect(titles(r).slice(1, 3).sort()).toEqual(['Café culture: naïve résumé of Kubernetes history', 'Intro to Kubernetes operators']);
    expect(titles(r)[3]).toBe('Helm charts that age well');
    expect(titles(r)).not.toContain('Kubernetes secrets (draft)');
    expect(r.total).toBe(4);
  });

  it('matches prefixes as you type, across summary, tags and hosts, ignoring accents', async () => {
    expect(titles(await search('q=kube'))).toContain('Kubernetes');
    expect(titles(await search('q=intro%20to'))).toEqual(['Intro to Kubernetes operators']);
    expect(titles(await search('q=stride'))).toEqual(['Threat modeling in 60 minutes']);
    expect((await search('q=kowalski')).total).toBe(6);
    expect(titles(await search('q=kim%20kafka'))).toEqual(['Debugging Kafka consumer lag']);
    expect(titles(await search('q=cafe%20naive'))).toEqual(['Café culture: naïve résumé of Kubernetes history']);
  });

  it('marks the matched words in an escaped excerpt', async () => {
    const hit = (await search('q=operator')).items[0];
    expect(hit?.highlight).toMatch(/<mark>operators?<\/mark>/);
    expect(hit?.highlight).not.toMatch(/<(?!\/?mark>)/);
  });

  it('keeps workshops with nothing scheduled findable, without a next session', async () => {
    const hit = (await search('q=history')).items[0];
    expect(hit?.workshop.title).toContain('Café culture');
    expect(hit?.nextSession).toBeNull();
  });

  it('takes any text: quotes, operators, emoji, 10 KB — results or an empty list, never an error', async () => {
    for (const q of [
      '"kubernetes',
      'kube*',
      'NEAR(kafka lag)',
      'title:kafka',
      '(((',
      ')',
      '-',
      '"',
      '🚀',
      'kafka 🚀',
      "'; drop table workshops; --",
      'a'.repeat(10_240),
      'AND OR NOT',
      '^kafka',
      '%',
      '_',
    ]) {
      const res = await as(t.app, reader.token).get(`/api/v1/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
    }
    // Syntax characters are separators: the words around them still count.
    expect(titles(await search(`q=${encodeURIComponent('"kafka" (lag*)')}`))).toEqual(['Debugging Kafka consumer lag']);
    expect((await search(`q=${encodeURIComponent('🚀')}`)).items).toEqual([]);
  });

  it('combines filters; session filters pick the next matching session and drop workshops without one', async () => {
    expect(titles(await search('mode=online'))).toEqual(['Intro to Kubernetes operators']);
    expect(titles(await search('mode=online&mode=hybrid'))).toEqual(['Helm charts that age well', 'Intro to Kubernetes operators']);
    const hybrid = (await search('mode=hybrid')).items[0];
    expect(hybrid?.nextSession?.mode).toBe('hybrid');
    // Each pool on its own, so a card never sums a full room and an open stream into one figure.
    expect(hybrid?.nextSession?.pools).toEqual([
      { pool: 'in_person', capacity: 10, left: 10, waiting: 0 },
      { pool: 'online', capacity: 10, left: 10, waiting: 0 },
    ]);
    const full = (await search('q=stride')).items[0];
    expect(full?.nextSession?.pools).toEqual([{ pool: 'in_person', capacity: 1, left: 0, waiting: 0 }]);
    expect(titles(await search('tag=kubernetes&format=talk'))).toEqual(['Kubernetes']);
    expect(titles(await search(`location=${encodeURIComponent('Berlin · Room Hopper')}`))).toEqual(['Debugging Kafka consumer lag']);
    // A city (office) matches each of its rooms, and is offered beside them with its own count.
    const berlin = await search('location=Berlin');
    expect(titles(berlin)).toEqual(['Debugging Kafka consumer lag']);
    expect(berlin.facets.locations).toContainEqual({ value: 'Berlin', label: 'Berlin', count: 1 });
    expect(berlin.facets.locations).toContainEqual({ value: 'Berlin · Room Hopper', label: 'Berlin · Room Hopper', count: 1 });
    expect(titles(await search('location=Berl'))).toEqual([]);
    expect(titles(await search('hasSeats=true'))).not.toContain('Threat modeling in 60 minutes');
    expect(titles(await search('hasSeats=false'))).toContain('Threat modeling in 60 minutes');
    const soon = new Date(Date.now() + 6 * 86_400_000).toISOString();
    expect(titles(await search(`to=${soon}`))).toEqual([
      'Debugging Kafka consumer lag',
      'Kubernetes',
      'Threat modeling in 60 minutes',
      'Helm charts that age well',
    ]);
    expect(titles(await search(`host=${host.id}&q=kafka`))).toEqual(['Debugging Kafka consumer lag']);
    const bad = await as(t.app, reader.token).get('/api/v1/search?mode=teleport');
    expectError(bad, 400, 'validation_failed');
  });

  it('gives facet counts that agree with the results', async () => {
    const r = await search('q=kubernetes');
    const tags = Object.fromEntries(r.facets.tags.map((f) => [f.value, f.count]));
    expect(tags).toMatchObject({ kubernetes: 2, helm: 1, history: 1, platform: 1 });
    const formats = Object.fromEntries(r.facets.formats.map((f) => [f.value, f.count]));
    expect(Object.values(formats).reduce((a, b) => a + b, 0)).toBe(r.total);
    // Applying a facet returns exactly as many results as it said.
    for (const facet of r.facets.tags) {
      expect((await search(`q=kubernetes&tag=${facet.value}`)).total, facet.value).toBe(facet.count);
    }
    const modes = (await search('')).facets.modes;
    for (const facet of modes) expect((await search(`mode=${facet.value}`)).total, facet.value).toBe(facet.count);
    // "Any of" facets keep the other values' counts once one is chosen.
    const chosen = await search('mode=online');
    expect(chosen.facets.modes.map((m) => m.value).sort()).toEqual(modes.map((m) => m.value).sort());
    for (const facet of chosen.facets.formats) expect((await search(`mode=online&format=${facet.value}`)).total).toBe(facet.count);
  });

  it('pages with a cursor that neither skips nor repeats while workshops are added', async () => {
    for (const sort of ['soonest', 'newest', 'popular', 'relevance']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let added = 0;
      do {
        const r: SearchResponse = await search(
          `q=${sort === 'relevance' ? 'kubernetes' : ''}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...r.items.map((i) => i.workshop.id));
        cursor = r.nextCursor;
        // Something new appears mid-way; it may or may not show up, but nothing else moves.
        if (added++ === 0) await publish(`late-${sort}`, { title: `Late arrival ${sort} Kubernetes`, tags: ['late'] }, [[1]]);
      } while (cursor);
      const original = Object.entries(ids)
        .filter(([key]) => !key.startsWith('late'))
        .map(([, id]) => id);
      const expected = sort === 'relevance' ? (await search('q=kubernetes&limit=50')).items.map((i) => i.workshop.id) : original;
      expect(new Set(seen).size, sort).toBe(seen.length);
      for (const id of expected.filter((id) => !Object.entries(ids).some(([k, v]) => v === id && k.startsWith('late')))) {
        expect(seen, sort).toContain(id);
      }
    }
    expectError(await as(t.app, reader.token).get('/api/v1/search?cursor=not-a-cursor'), 400, 'validation_failed');
  });

  it('filters by the language a workshop is taught in', async () => {
    await publish('german', { title: 'Kubernetes auf Deutsch', language: 'de' }, [[9]]);
    const r = await search('language=de');
    expect(titles(r)).toEqual(['Kubernetes auf Deutsch']);
    expect(r.items[0]?.workshop.language).toBe('de');
    const bad = await as(t.app, host.token).post('/api/v1/workshops', workshopBody({ language: 'German' }));
    expectError(bad, 400, 'validation_failed');
  });

  it('sorts by popularity once the periodic recount has run', async () => {
    await t.app.jobs['refresh-popularity']?.();
    const r = await search('sort=popular&limit=3');
    expect(r.items[0]?.workshop.title).toBe('Threat modeling in 60 minutes');
    expect(r.items[0]?.workshop.popularity).toBe(1);
  });

  it('sorts newest first by the time of publishing, which every hit carries', async () => {
    const r = await search('sort=newest&limit=50');
    const published = r.items.map((i) => i.workshop.publishedAt);
    expect(published.every((p) => !Number.isNaN(Date.parse(p)))).toBe(true);
    expect([...published].sort().reverse()).toEqual(published);
  });

  it('answers 401 without signing in', async () => {
    expectError(await as(t.app, null).get('/api/v1/search?q=kafka'), 401, 'unauthenticated');
  });

  it('indexes channels by name, kept by the index refresh', async () => {
    const db = t.database.db;
    const channelId = newId();
    await db
      .insertInto('channels')
      .values({
        id: channelId,
        slug: 'data-engineering',
        name: 'Data Engineering',
        description: '',
        created_at: nowIso(),
        updated_at: nowIso(),
      })
      .execute();
    await db
      .insertInto('workshop_channels')
      .values({ workshop_id: ids.kafka as string, channel_id: channelId })
      .execute();
    await searchIndex.refresh(db, [ids.kafka as string]);
    expect(titles(await search('q=data%20engineering'))).toEqual(['Debugging Kafka consumer lag']);
    const r = await search('channel=data-engineering');
    expect(titles(r)).toEqual(['Debugging Kafka consumer lag']);
    expect(r.items[0]?.workshop.channels).toEqual([{ slug: 'data-engineering', name: 'Data Engineering' }]);
    // Chosen, a channel keeps its own count and the other channels theirs ("any of"), the other
    // facets count within it, and their choices agree.
    const platformId = newId();
    await db
      .insertInto('channels')
      .values({ id: platformId, slug: 'platform', name: 'Platform', description: '', created_at: nowIso(), updated_at: nowIso() })
      .execute();
    await db
      .insertInto('workshop_channels')
      .values({ workshop_id: ids.k8s as string, channel_id: platformId })
      .execute();
    const channel = { value: 'data-engineering', label: 'Data Engineering', count: 1 };
    const chosen = await search('channel=data-engineering');
    expect(titles(chosen)).toEqual(['Debugging Kafka consumer lag']);
    expect(chosen.facets.channels).toEqual([channel, { value: 'platform', label: 'Platform', count: 1 }]);
    for (const facet of r.facets.formats) expect((await search(`channel=data-engineering&format=${facet.value}`)).total).toBe(facet.count);
    for (const facet of r.facets.modes) expect((await search(`channel=data-engineering&mode=${facet.value}`)).total).toBe(facet.count);
    const format = r.items[0]?.workshop.format as string;
    expect((await search(`format=${format}`)).facets.channels).toEqual([channel]);
    expect((await search(`channel=data-engineering&format=${format}&mode=in_person`)).facets.channels).toEqual([channel]);
    expect((await search(`format=${format}&mode=online`)).facets.channels).toEqual([]);
  });

  it('shows a workshop as it is now in every hit: a new title, a renamed channel', async () => {
    const api = as(t.app, host.token);
    const before = (await search('q=helm')).items[0];
    expect(before?.workshop.title).toBe('Helm charts that age well');
    await api.patch(`/api/v1/workshops/${ids.helm}`, { title: 'Helm charts that age gracefully' });
    expect(titles(await search('q=helm'))).toEqual(['Helm charts that age gracefully']);
    await t.database.db.updateTable('channels').set({ name: 'Data Platform' }).where('slug', '=', 'data-engineering').execute();
    const renamed = await search('channel=data-engineering');
    expect(renamed.items[0]?.workshop.channels).toEqual([{ slug: 'data-engineering', name: 'Data Platform' }]);
    expect(renamed.facets.channels[0]).toEqual({ value: 'data-engineering', label: 'Data Platform', count: 1 });
    await api.patch(`/api/v1/workshops/${ids.helm}`, { title: 'Helm charts that age well' });
  });

  it('shows seat counts as they are after every write: a registration, plain SQL, a cancellation', async () => {
    const next = async () => (await search('q=helm')).items[0]?.nextSession;
    const session = await next();
    expect(session?.seatsLeft).toBe(20);
    // The same answer again, with nothing written in between (on SQLite: counts kept, not read).
    expect((await next())?.seatsLeft).toBe(20);
    await as(t.app, reader.token).post(`/api/v1/sessions/${session?.id}/registrations`, {});
    expect((await next())?.seatsLeft).toBe(19);
    const takeInSql = (seats: number) =>
      t.database.db
        .updateTable('sessions')
        .set((eb) => ({ in_person_taken: eb('in_person_taken', '+', seats) }))
        .where('id', '=', session?.id as string)
        .execute();
    await takeInSql(5);
    expect((await next())?.seatsLeft).toBe(14);
    await takeInSql(-5);
    await as(t.app, reader.token).delete(`/api/v1/sessions/${session?.id}/registrations/me`);
    expect((await next())?.seatsLeft).toBe(20);
  });

  it('shows excerpts as text, without the Markdown marks of the description', async () => {
    await publish('markdown', {
      title: 'Tracing with OpenTelemetry',
      summary: 'Follow one request.',
      description: '## What you will do\n- auto-instrumentation of **quokkaservice** with [the SDK](https://example.com)\n- `otel` spans',
    });
    const hit = (await search('q=quokkaservice')).items[0];
    expect(hit?.highlight).toContain('<mark>quokkaservice</mark>');
    expect(hit?.highlight).not.toMatch(/^- |\*\*|\]\(|##|`/);
    expect(hit?.highlight).toContain('auto-instrumentation');
  });

  it('starts an excerpt from the middle of a text at a whole word, not inside a hyphenated one', async () => {
    await publish('compound', {
      title: 'Tracing across five services',
      summary: 'Trace one request through five services, in the room or from your desk.',
      description: '## What you will do\n- auto-instrumentation of a wombatservice service\n- manual spans',
    });
    const hit = (await search('q=wombatservice')).items[0];
    expect(hit?.highlight).toMatch(/^…auto-instrumentation of a <mark>wombatservice<\/mark>/);
  });
});
