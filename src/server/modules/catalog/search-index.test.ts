import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp, testAppWithPeople } from '../../../../test/helpers/app.js';
import { sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import type { SearchResponse } from '../../../contracts/index.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../platform/db.js';

// The in-memory search index (search-memory.ts) sees every write: through the API, by plain SQL,
// and on another instance sharing the database.
const { t, host, reader } = testAppWithPeople({ host: { name: 'Ines Indexer' }, reader: { name: 'Rolf Reader' } });

const search = async (app: typeof t.app, query: string): Promise<SearchResponse> => {
  const res = await as(app, reader.token).get(`/api/v1/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const titles = (r: SearchResponse) => r.items.map((i) => i.workshop.title);

/** Waits until `check` holds, for at most `ms`: another instance hears of a change within milliseconds, not at once. */
async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('not within the deadline');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function publish(app: typeof t.app, title: string, tags: string[] = []): Promise<string> {
  const api = as(app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody({ title, summary: 'Indexed.', tags }))).json();
  await api.post(`/api/v1/workshops/${w.id}/publish`);
  await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(5));
  return w.id;
}

describe('the search index', () => {
  it('sees changes made by plain SQL at the next search', async () => {
    const id = await publish(t.app, 'Observability basics', ['observability']);
    expect(titles(await search(t.app, 'q=observability'))).toEqual(['Observability basics']);
    const db = t.database.db;

    await db.updateTable('workshops').set({ title: 'Zebrafish observability' }).where('id', '=', id).execute();
    expect(titles(await search(t.app, 'q=zebrafish'))).toEqual(['Zebrafish observability']);

    await db.insertInto('workshop_tags').values({ workshop_id: id, tag: 'aquarium' }).execute();
    expect((await search(t.app, 'tag=aquarium')).total).toBe(1);

    // A host's new name is searchable text of their workshops.
    await db.updateTable('people').set({ name: 'Ines Quetzal' }).where('id', '=', host.id).execute();
    expect(titles(await search(t.app, 'q=quetzal'))).toEqual(['Zebrafish observability']);

    await sql`update sessions set status = 'cancelled' where workshop_id = ${id}`.execute(db);
    const hit = (await search(t.app, 'q=zebrafish')).items[0];
    expect(hit?.nextSession).toBeNull();
    expect((await search(t.app, 'q=zebrafish&mode=in_person')).total).toBe(0);

    await db.updateTable('workshops').set({ status: 'draft' }).where('id', '=', id).execute();
    expect((await search(t.app, 'q=zebrafish')).total).toBe(0);
  });

  it('keeps the change log short: the periodic prune leaves the newest entry', async () => {
    await t.app.jobs['prune-search-changes']?.();
    const rows = await t.database.db.selectFrom('search_changes').select('seq').execute();
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('two instances on one PostgreSQL database', () => {
  let other: typeof t.app;
  let otherDatabase: ReturnType<typeof openDatabase>;

  beforeAll(async () => {
    const url = (t.database as unknown as { url: string }).url;
    otherDatabase = openDatabase({ dialect: 'postgres', url });
    other = await buildTestApp({
      config: loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEARCH_CACHE_MS: '0' }),
      database: otherDatabase,
    });
    await other.ready();
  });
  afterAll(async () => {
    await other?.close();
    await otherDatabase?.close();
  });

  it('a workshop published on one is found on the other, and its changes follow', async () => {
    // Read once, so the other instance's index is loaded before the change (it must hear of it, not load it).
    expect((await search(other, 'q=narwhal')).total).toBe(0);
    const id = await publish(t.app, 'Narwhal tracking');
    await eventually(async () => titles(await search(other, 'q=narwhal')).includes('Narwhal tracking'));

    await as(other, host.token).patch(`/api/v1/workshops/${id}`, { title: 'Narwhal tracking at scale' });
    await eventually(async () => titles(await search(t.app, 'q=narwhal')).includes('Narwhal tracking at scale'));
  });
});
