import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson, sessionBody, workshopBody } from '../../../../test/helpers/factories.js';

const { t, host, learner, stranger, admin } = testAppWithPeople({
  host: { name: 'Hana Host' },
  learner: { name: 'Lee Learner' },
  stranger: { name: 'Sam Stranger' },
  admin: { name: 'Ada Admin', role: 'admin' },
});

describe('creating and publishing a workshop', () => {
  it('creates a draft owned by its creator, with defaults for what was left out', async () => {
    const res = await as(t.app, host.token).post('/api/v1/workshops', {
      title: 'Go concurrency patterns',
      summary: 'Channels, contexts, errgroups.',
      format: 'talk',
    });
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      title: 'Go concurrency patterns',
      status: 'draft',
      durationMinutes: 45,
      tags: [],
      objectives: [],
      materials: [],
      canEdit: true,
    });
    expect(w.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(w.hosts).toEqual([{ id: host.id, name: 'Hana Host', title: 'Software Engineer', role: 'owner' }]);
  });

  it('keeps drafts away from other people (404) until published, then everyone sees it', async () => {
    const created = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody())).json();
    expectError(await as(t.app, learner.token).get(`/api/v1/workshops/${created.id}`), 404, 'not_found');
    expect((await as(t.app, admin.token).get(`/api/v1/workshops/${created.id}`)).statusCode).toBe(200);

    const published = await as(t.app, host.token).post(`/api/v1/workshops/${created.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().publishedAt).toBeTruthy();

    const seen = await as(t.app, learner.token).get(`/api/v1/workshops/${created.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ title: 'Debugging Kafka consumer lag', tags: ['kafka', 'observability'], canEdit: false });
  });

  it('lets hosts, co-hosts and admins edit; anyone else gets 403 and nothing changes', async () => {
    const w = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody())).json();
    await as(t.app, host.token).post(`/api/v1/workshops/${w.id}/publish`);

    const denied = await as(t.app, stranger.token).patch(`/api/v1/workshops/${w.id}`, { title: 'Hijacked' });
    expectError(denied, 403, 'forbidden');
    expectError(await as(t.app, stranger.token).post(`/api/v1/workshops/${w.id}/sessions`, sessionBody()), 403, 'forbidden');

    expect((await as(t.app, host.token).post(`/api/v1/workshops/${w.id}/hosts`, { personId: learner.id })).statusCode).toBe(200);
    const byCohost = await as(t.app, learner.token).patch(`/api/v1/workshops/${w.id}`, { tags: ['Kafka', 'Stream Processing'] });
    expect(byCohost.statusCode).toBe(200);
    expect(byCohost.json().tags).toEqual(['kafka', 'stream-processing']);
    expect(byCohost.json().hosts.map((h: { role: string }) => h.role)).toEqual(['owner', 'cohost']);

    const byAdmin = await as(t.app, admin.token).patch(`/api/v1/workshops/${w.id}`, { summary: 'Tidied by the education team.' });
    expect(byAdmin.statusCode).toBe(200);

    const after = (await as(t.app, stranger.token).get(`/api/v1/workshops/${w.id}`)).json();
    expect(after.title).toBe('Debugging Kafka consumer lag');
    expect(after.summary).toBe('Tidied by the education team.');
  });

  it('keeps at least one host', async () => {
    const w = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody())).json();
    const res = await as(t.app, host.token).delete(`/api/v1/workshops/${w.id}/hosts/${host.id}`);
    expectError(res, 409, 'invalid_state');
    await as(t.app, host.token).post(`/api/v1/workshops/${w.id}/hosts`, { personId: learner.id });
    const removed = await as(t.app, host.token).delete(`/api/v1/workshops/${w.id}/hosts/${host.id}`);
    expect(removed.json().hosts.map((h: { id: string }) => h.id)).toEqual([learner.id]);
    expect(removed.json().canEdit).toBe(false);
  });
});

describe('bad input', () => {
  it.each([
    ['a missing title', { summary: 'x', format: 'talk' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201), summary: 'x', format: 'talk' }, 'title'],
    ['an unknown format', { title: 'x', summary: 'x', format: 'webinar' }, 'format'],
    ['an unknown field', { title: 'x', summary: 'x', format: 'talk', approvedBy: 'boss' }, 'approvedBy'],
    [
      'a non-http material link',
      { title: 'x', summary: 'x', format: 'talk', materials: [{ title: 'x', url: 'javascript:alert(1)' }] },
      'materials.0.url',
    ],
    ['a description over 50 KB', { title: 'x', summary: 'x', format: 'talk', description: 'é'.repeat(26 * 1024) }, 'description'],
  ])('rejects %s with 400 naming the field', async (_label, body, field) => {
    const res = await as(t.app, host.token).post('/api/v1/workshops', body);
    expectError(res, 400, 'validation_failed');
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.requestId).toBeTruthy();
    expect(error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('rejects malformed JSON with 400 and an oversized body with 413', async () => {
    const headers = { authorization: `Bearer ${host.token}`, 'content-type': 'application/json' };
    const malformed = await t.app.inject({ method: 'POST', url: '/api/v1/workshops', headers, payload: '{"title": ' });
    expectError(malformed, 400, 'invalid_json');
    const huge = await t.app.inject({
      method: 'POST',
      url: '/api/v1/workshops',
      headers,
      payload: JSON.stringify({ description: 'x'.repeat(1_100_000) }),
    });
    expectError(huge, 413, 'payload_too_large');
  });

  it('answers 404 for a workshop that does not exist, whatever the id looks like', async () => {
    for (const id of ['01890000-0000-7000-8000-000000000000', 'not-a-uuid', '1']) {
      const res = await as(t.app, host.token).get(`/api/v1/workshops/${id}`);
      expectError(res, 404, 'not_found');
    }
  });

  it('requires a signed-in person', async () => {
    expectError(await as(t.app, null).get('/api/v1/workshops'), 401, 'unauthenticated');
    expectError(await as(t.app, null).post('/api/v1/workshops', workshopBody()), 401, 'unauthenticated');
    expectError(await as(t.app, 'lyc_not-a-real-token').get('/api/v1/workshops'), 401, 'unauthenticated');
  });
});

describe('listing workshops', () => {
  it('shows a host their drafts but nobody else, and pages with a cursor', async () => {
    const writer = await buildPerson(t.database.db);
    for (let i = 0; i < 3; i++) {
      await as(t.app, writer.token).post('/api/v1/workshops', workshopBody({ title: `Draft ${i}` }));
    }
    const mine = (await as(t.app, writer.token).get(`/api/v1/workshops?hostId=${writer.id}&limit=2`)).json();
    expect(mine.items).toHaveLength(2);
    expect(mine.nextCursor).toBeTruthy();
    const rest = (await as(t.app, writer.token).get(`/api/v1/workshops?hostId=${writer.id}&limit=2&cursor=${mine.nextCursor}`)).json();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
    expect([...mine.items, ...rest.items].map((w: { title: string }) => w.title).sort()).toEqual(['Draft 0', 'Draft 1', 'Draft 2']);

    const others = (await as(t.app, learner.token).get(`/api/v1/workshops?hostId=${writer.id}`)).json();
    expect(others.items).toEqual([]);
  });

  it('rejects a limit out of range and a forged cursor', async () => {
    expectError(await as(t.app, host.token).get('/api/v1/workshops?limit=101'), 400, 'validation_failed');
    expectError(await as(t.app, host.token).get('/api/v1/workshops?limit=0'), 400, 'validation_failed');
    expectError(await as(t.app, host.token).get('/api/v1/workshops?cursor=garbage'), 400, 'validation_failed');
  });
});
