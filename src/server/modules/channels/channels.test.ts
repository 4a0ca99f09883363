import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson, sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import type { Channel, ChannelPage, Recommendation } from '../../../contracts/index.js';

const { t, admin, host, learner, teammate } = testAppWithPeople({
  admin: { name: 'Ada Admin', role: 'admin' },
  host: { name: 'Hugo Host', team: 'Data' },
  learner: { name: 'Lena Learner', team: 'Payments' },
  teammate: { name: 'Tom Teammate', team: 'Payments' },
});

beforeAll(async () => {
  const adminApi = as(t.app, admin.token);
  await adminApi.post('/api/v1/channels', {
    slug: 'data-engineering',
    name: 'Data Engineering',
    description: 'Pipelines.',
    ownerIds: [host.id],
  });
  await adminApi.post('/api/v1/channels', { slug: 'security', name: 'Security' });
});

async function workshop(title: string, channels: string[], sessions: number[] = [7]): Promise<{ id: string; sessionIds: string[] }> {
  const api = as(t.app, host.token);
  const w = (await api.post('/api/v1/workshops', workshopBody({ title }))).json();
  await api.post(`/api/v1/workshops/${w.id}/publish`);
  expect((await api.put(`/api/v1/workshops/${w.id}/channels`, { channels })).statusCode).toBe(200);
  const sessionIds: string[] = [];
  for (const days of sessions) sessionIds.push((await api.post(`/api/v1/workshops/${w.id}/sessions`, sessionBody(days))).json().id);
  return { id: w.id, sessionIds };
}

describe('channels', () => {
  it('are created by admins only, with owners who may edit them', async () => {
    expectError(await as(t.app, learner.token).post('/api/v1/channels', { slug: 'mine', name: 'Mine' }), 403, 'forbidden');
    const dup = await as(t.app, admin.token).post('/api/v1/channels', { slug: 'security', name: 'Security again' });
    expectError(dup, 409, 'conflict');
    expectError(await as(t.app, admin.token).post('/api/v1/channels', { slug: 'Bad Slug!', name: 'x' }), 400, 'validation_failed');
    const edited = await as(t.app, host.token).patch('/api/v1/channels/data-engineering', {
      description: 'Pipelines, warehouses, streams.',
    });
    expect(edited.statusCode).toBe(200);
    expectError(await as(t.app, learner.token).patch('/api/v1/channels/data-engineering', { description: 'x' }), 403, 'forbidden');
    const list = (await as(t.app, learner.token).get('/api/v1/channels')).json().items as Channel[];
    expect(list.map((c) => c.name)).toEqual(['Data Engineering', 'Security']);
    expect(list[0]?.owners.map((o) => o.name)).toEqual(['Hugo Host']);
  });

  it('show their upcoming sessions and past workshops; followers are counted', async () => {
    await workshop('Streaming joins in Flink', ['data-engineering'], [5, 12]);
    await workshop('Warehouse modelling, revisited', ['data-engineering'], []);
    const api = as(t.app, learner.token);
    const followed = await api.put('/api/v1/channels/data-engineering/follow', {});
    expect(followed.json()).toEqual({ following: true, followerCount: 1 });
    expect((await api.put('/api/v1/channels/data-engineering/follow', {})).json().followerCount).toBe(1);
    const channelPage: ChannelPage = (await api.get('/api/v1/channels/data-engineering')).json();
    expect(channelPage.channel).toMatchObject({ following: true, followerCount: 1, workshopCount: 2, upcomingCount: 1 });
    expect(channelPage.upcoming.map((h) => h.workshop.title)).toEqual(['Streaming joins in Flink']);
    expect(channelPage.past.map((p) => p.title)).toEqual(['Warehouse modelling, revisited']);
    expect((await api.get('/api/v1/channels?following=true')).json().items.map((c: Channel) => c.slug)).toEqual(['data-engineering']);
    expectError(await api.get('/api/v1/channels/nope'), 404, 'not_found');
    expectError(
      await as(t.app, host.token).put(`/api/v1/workshops/${channelPage.upcoming[0]?.workshop.id}/channels`, { channels: ['nope'] }),
      400,
      'validation_failed',
    );
  });

  it('only lets hosts put their workshop in channels', async () => {
    const { id } = await workshop('Secrets management', ['security']);
    expectError(await as(t.app, learner.token).put(`/api/v1/workshops/${id}/channels`, { channels: [] }), 403, 'forbidden');
    expect((await as(t.app, learner.token).get(`/api/v1/workshops/${id}`)).json().channels).toEqual([
      { slug: 'security', name: 'Security' },
    ]);
    // Renaming the channel renames it in search too.
    await as(t.app, admin.token).patch('/api/v1/channels/security', { name: 'Security & Privacy' });
    const found = (await as(t.app, learner.token).get('/api/v1/search?q=privacy')).json();
    expect(found.items.map((i: { workshop: { title: string } }) => i.workshop.title)).toContain('Secrets management');
    await as(t.app, admin.token).patch('/api/v1/channels/security', { name: 'Security' });
  });
});

describe('notify me when it runs again', () => {
  it('records interest and shows hosts the demand', async () => {
    const { id } = await workshop('Incident review that works', [], []);
    expect((await as(t.app, learner.token).put(`/api/v1/workshops/${id}/interest`, {})).json()).toEqual({
      interested: true,
      interestCount: 1,
    });
    await as(t.app, teammate.token).put(`/api/v1/workshops/${id}/interest`, {});
    expect((await as(t.app, host.token).get(`/api/v1/workshops/${id}/interest`)).json()).toEqual({ interested: false, interestCount: 2 });
    expect((await as(t.app, teammate.token).delete(`/api/v1/workshops/${id}/interest`)).json()).toEqual({
      interested: false,
      interestCount: 1,
    });
  });
});

describe('recommendations', () => {
  it('come from followed channels and hosts, the team, and what others attended — each with a reason', async () => {
    const fresh = await buildPerson(t.database.db, { name: 'Nia New', team: 'Payments' });
    const api = as(t.app, fresh.token);
    await api.put('/api/v1/channels/security/follow', {});
    const sec = await workshop('Threat modeling for payments', ['security'], [9]);
    // A teammate registered for a workshop: popular in the team.
    const team = await workshop('Idempotent payment APIs', [], [6]);
    await as(t.app, teammate.token).post(`/api/v1/sessions/${team.sessionIds[0]}/registrations`, {});
    const hostFollowed = await buildPerson(t.database.db, { name: 'Greta Guest' });
    const theirs = (
      await as(t.app, hostFollowed.token).post('/api/v1/workshops', workshopBody({ title: 'Chaos engineering basics' }))
    ).json();
    await as(t.app, hostFollowed.token).post(`/api/v1/workshops/${theirs.id}/publish`);
    await as(t.app, hostFollowed.token).post(`/api/v1/workshops/${theirs.id}/sessions`, sessionBody(8));
    expect((await api.put(`/api/v1/people/${hostFollowed.id}/follow`, {})).json().following).toBe(true);
    expect((await api.get(`/api/v1/people/${hostFollowed.id}/follow`)).json()).toEqual({ following: true, followerCount: 1 });

    const items = (await api.get('/api/v1/recommendations')).json().items as Recommendation[];
    const reasonOf = (title: string) => items.find((i) => i.hit.workshop.title === title)?.reason;
    expect(reasonOf('Threat modeling for payments')).toEqual({ kind: 'channel', text: 'Because you follow Security' });
    expect(reasonOf('Chaos engineering basics')).toEqual({ kind: 'host', text: 'Because you follow Greta Guest' });
    expect(reasonOf('Idempotent payment APIs')).toEqual({ kind: 'team', text: 'Popular in Payments: 1 colleague registered' });
    // Once registered, it is no longer recommended.
    await api.post(`/api/v1/sessions/${sec.sessionIds[0]}/registrations`, {});
    const after = (await api.get('/api/v1/recommendations')).json().items as Recommendation[];
    expect(after.some((i) => i.hit.workshop.title === 'Threat modeling for payments')).toBe(false);
    expect(new Set(after.map((i) => i.hit.workshop.id)).size).toBe(after.length);
  });

  it('say "people who attended X also attended Y"', async () => {
    const me = await buildPerson(t.database.db, { name: 'Maya Me', team: 'Mobile' });
    const peer = await buildPerson(t.database.db, { name: 'Pia Peer', team: 'Web' });
    const x = await workshop('SQL window functions', [], [7]);
    const y = await workshop('Query plans explained', [], [7, 14]);
    // Both attended X; the peer attended Y's first session too.
    const db = t.database.db;
    for (const [person, session] of [
      [me.id, x.sessionIds[0]],
      [peer.id, x.sessionIds[0]],
      [peer.id, y.sessionIds[0]],
    ] as const) {
      await db
        .insertInto('registrations')
        .values({
          id: `${person}-${session}`,
          session_id: session as string,
          person_id: person,
          mode: 'in_person',
          status: 'attended',
          position: null,
          offer_expires_at: null,
          late_cancellation: 0,
          walk_in: 0,
          series_key: null,
          checked_in_at: new Date().toISOString(),
          cancelled_at: null,
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
    }
    const items = (await as(t.app, me.token).get('/api/v1/recommendations')).json().items as Recommendation[];
    expect(items.find((i) => i.hit.workshop.title === 'Query plans explained')?.reason).toEqual({
      kind: 'also_attended',
      text: 'People who attended "SQL window functions" also attended this',
    });
  });
});
