import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { as, createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { buildPerson, sessionBody, type TestPerson, workshopBody } from '../../../../test/helpers/factories.js';
import { type TwoInstances, twoInstances, within } from '../../../../test/helpers/instances.js';
import { moveSession } from '../../../../test/helpers/sessions.js';
import type { Workshop } from '../../../contracts/index.js';
import type { DbHandle } from '../../platform/db.js';

/**
 * The workshop page is kept per instance on PostgreSQL (workshop-pages.ts) and dropped when the
 * database's triggers signal a change (migration 20261204T1200). The cross-instance tests run with
 * a lifetime of an hour and a deadline of 3 s, so only the signal can make them pass.
 */
const SIGNAL_DEADLINE_MS = 3_000;
const LONG_CACHE = { WORKSHOP_PAGE_CACHE_MS: '3600000' };

const page = async (app: FastifyInstance, token: string, id: string): Promise<Workshop> => {
  const res = await as(app, token).get(`/api/v1/workshops/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json();
};

async function publishedWorkshop(app: FastifyInstance, host: TestPerson, sessionsDaysAhead: number[] = [7]): Promise<string> {
  const api = as(app, host.token);
  const { id } = (await api.post('/api/v1/workshops', workshopBody({ title: 'Kept pages', tags: ['caching'] }))).json();
  for (const days of sessionsDaysAhead)
    expect((await api.post(`/api/v1/workshops/${id}/sessions`, sessionBody(days))).statusCode).toBe(201);
  expect((await api.post(`/api/v1/workshops/${id}/publish`)).statusCode).toBe(200);
  return id;
}

/**
 * PostgreSQL delivers a trigger's NOTIFY to the listening connection a moment after the commit,
 * usually before the next request here. Held back for a while, it cannot hide a service that
 * forgot to tell its own instance.
 */
const SIGNAL_HELD_MS = 300;
function holdBackSignals() {
  const emit = pg.Client.prototype.emit;
  return vi.spyOn(pg.Client.prototype, 'emit').mockImplementation(function (this: pg.Client, event, ...args) {
    if (event !== 'notification') return emit.call(this, event, ...args);
    setTimeout(() => emit.call(this, event, ...args), SIGNAL_HELD_MS);
    return true;
  });
}

describe('the workshop page after a change on the same instance (its signals held back)', () => {
  let t: TestApp;
  let host: TestPerson;
  let reader: TestPerson;
  let admin: TestPerson;
  beforeAll(async () => {
    holdBackSignals();
    t = await createTestApp(LONG_CACHE);
    host = await buildPerson(t.database.db, { name: 'Hana Host' });
    reader = await buildPerson(t.database.db, { name: 'Rey Reader' });
    admin = await buildPerson(t.database.db, { name: 'Ada Admin', role: 'admin' });
  });
  afterAll(async () => {
    await t.close();
    vi.restoreAllMocks();
  });

  it('shows every change the moment it is answered: an edit, a session scheduled or cancelled, a channel, the checklist badge', async () => {
    const id = await publishedWorkshop(t.app, host);
    const api = as(t.app, host.token);
    expect(await page(t.app, reader.token, id)).toMatchObject({ title: 'Kept pages', upcomingSessionCount: 1, preparedWith: null });

    expect((await api.patch(`/api/v1/workshops/${id}`, { title: 'Kept pages, renamed', tags: ['caching', 'http'] })).statusCode).toBe(200);
    expect(await page(t.app, reader.token, id)).toMatchObject({ title: 'Kept pages, renamed', tags: ['caching', 'http'] });

    const second = (await api.post(`/api/v1/workshops/${id}/sessions`, sessionBody(14))).json();
    expect((await page(t.app, reader.token, id)).upcomingSessionCount).toBe(2);
    expect((await api.post(`/api/v1/sessions/${second.id}/cancel`)).statusCode).toBe(200);
    expect((await page(t.app, reader.token, id)).upcomingSessionCount).toBe(1);

    const channel = { slug: 'kept-pages', name: 'Kept pages' };
    expect((await as(t.app, admin.token).post('/api/v1/channels', channel)).statusCode).toBe(201);
    expect((await api.put(`/api/v1/workshops/${id}/channels`, { channels: [channel.slug] })).statusCode).toBe(200);
    expect((await page(t.app, reader.token, id)).channels).toEqual([channel]);

    const templates = (await api.get(`/api/v1/checklist-templates?workshopId=${id}`)).json().items as { id: string }[];
    expect((await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: templates[0]?.id })).statusCode).toBeLessThan(300);
    expect((await api.patch(`/api/v1/workshops/${id}/checklist`, { showOnWorkshop: true })).statusCode).toBe(200);
    expect((await page(t.app, reader.token, id)).preparedWith).not.toBeNull();
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('the workshop page on two instances of one PostgreSQL database', () => {
  let two: TwoInstances;
  let database: DbHandle & { url: string };
  let a: FastifyInstance;
  let b: FastifyInstance;
  let host: TestPerson;
  let reader: TestPerson;
  // The page's one statement (workshopsRepository.page) is the only one that counts upcoming starts.
  const pageReads = () => two.queriesOfB.filter((q) => q.includes('"next_upcoming"')).length;

  beforeAll(async () => {
    two = await twoInstances(LONG_CACHE);
    ({ database, a, b } = two);
    host = await buildPerson(database.db, { name: 'Hana Host' });
    reader = await buildPerson(database.db, { name: 'Rey Reader' });
  });
  afterAll(() => two?.close());

  it('B reads a page once, then answers it from memory; registrations moving its seat counts do not drop it', async () => {
    const id = await publishedWorkshop(a, host);
    await page(b, reader.token, id);
    const before = pageReads();
    expect(before).toBe(1);
    for (let i = 0; i < 5; i++) expect((await page(b, reader.token, id)).title).toBe('Kept pages');
    const [session] = (await as(a, host.token).get(`/api/v1/workshops/${id}/sessions`)).json().items as { id: string }[];
    expect((await as(a, reader.token).post(`/api/v1/sessions/${session?.id}/registrations`, {})).statusCode).toBe(201);
    // Time for a signal to arrive, had one been sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await page(b, reader.token, id);
    expect(pageReads()).toBe(before);
  });

  it('a change made on A reaches B within the signal delay: an edit, a session, a host’s new name, the checklist badge', async () => {
    const id = await publishedWorkshop(a, host);
    const api = as(a, host.token);
    expect(await page(b, reader.token, id)).toMatchObject({ title: 'Kept pages', upcomingSessionCount: 1 });

    await api.patch(`/api/v1/workshops/${id}`, { title: 'Kept pages, renamed on A' });
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).title === 'Kept pages, renamed on A');

    await api.post(`/api/v1/workshops/${id}/sessions`, sessionBody(21));
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).upcomingSessionCount === 2);

    const templates = (await api.get(`/api/v1/checklist-templates?workshopId=${id}`)).json().items as { id: string }[];
    const run = (await api.put(`/api/v1/workshops/${id}/checklist`, { templateId: templates[0]?.id })).json();
    await api.patch(`/api/v1/workshops/${id}/checklist`, { showOnWorkshop: true });
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).preparedWith !== null);
    // The host's progress, from an answer (a trigger that finds the answer's workshop through its run).
    expect((await page(b, host.token, id)).checklistPercent).toBe(0);
    await api.patch(`/api/v1/workshops/${id}/checklist/items/${run.items[0].id}`, { answer: 'yes' });
    await within(SIGNAL_DEADLINE_MS, async () => ((await page(b, host.token, id)).checklistPercent ?? 0) > 0);

    // Plain SQL is heard too (the command line, an admin at the database): the host's name.
    await database.db.updateTable('people').set({ name: 'Hana Renamed' }).where('id', '=', host.id).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).hosts[0]?.name === 'Hana Renamed');
  });

  it('hears every kind of change by plain SQL (tags, channels and a channel’s name, hosts, sessions, the row, deletion), and not the popularity recount', async () => {
    const id = await publishedWorkshop(a, host);
    const db = database.db;
    const seen = () => page(b, reader.token, id);
    await seen();

    await db.insertInto('workshop_tags').values({ workshop_id: id, tag: 'sql' }).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).tags.includes('sql'));

    const now = new Date().toISOString();
    const channel = { id: `ch-${id}`, slug: `kept-${id.slice(-8)}`, name: 'Kept', description: '', created_at: now, updated_at: now };
    await db.insertInto('channels').values(channel).execute();
    await db.insertInto('workshop_channels').values({ workshop_id: id, channel_id: channel.id }).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).channels[0]?.name === 'Kept');
    await db.updateTable('channels').set({ name: 'Kept, renamed' }).where('id', '=', channel.id).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).channels[0]?.name === 'Kept, renamed');

    const cohost = await buildPerson(db, { name: 'Cody Cohost' });
    await db.insertInto('workshop_hosts').values({ workshop_id: id, person_id: cohost.id, role: 'cohost', added_at: now }).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).hosts.length === 2);

    await db.updateTable('sessions').set({ status: 'cancelled', cancelled_at: now }).where('workshop_id', '=', id).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).upcomingSessionCount === 0);

    await db.updateTable('workshops').set({ summary: 'Changed at the database' }).where('id', '=', id).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await seen()).summary === 'Changed at the database');

    const reads = pageReads();
    await db.updateTable('workshops').set({ popularity: 42 }).where('id', '=', id).execute();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await seen();
    expect(pageReads()).toBe(reads);

    await db.deleteFrom('workshops').where('id', '=', id).execute();
    await within(SIGNAL_DEADLINE_MS, async () => (await as(b, reader.token).get(`/api/v1/workshops/${id}`)).statusCode === 404);
  });

  it('counts a session as upcoming until it starts, with no signal needed at that moment', async () => {
    const id = await publishedWorkshop(a, host, [7, 14]);
    const [soonest] = (await as(a, host.token).get(`/api/v1/workshops/${id}/sessions`)).json().items as { id: string }[];
    // Moved by SQL to start in a moment (the API schedules only ahead); the trigger drops B's page.
    await moveSession(database.db, soonest?.id as string, 1_500);
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).upcomingSessionCount === 2);
    await within(SIGNAL_DEADLINE_MS, async () => (await page(b, reader.token, id)).upcomingSessionCount === 1);
  });
});
