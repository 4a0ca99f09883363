import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { buildPerson } from '../../../../test/helpers/factories.js';

const { t, me } = testAppWithPeople({ me: { name: 'Mia Member', email: 'mia.member@example.com', timeZone: 'America/New_York' } });

const unique = () => randomBytes(4).toString('hex');

async function search(query: string) {
  const res = await as(t.app, me.token).get(`/api/v1/people?${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; name: string; email: string; team: string | null }[]; nextCursor: string | null };
}

describe('the directory', () => {
  it('finds people by part of their name, team or email, ignoring case', async () => {
    const word = unique();
    const byName = await buildPerson(t.database.db, { name: `Noor Zq${word}` });
    const byTeam = await buildPerson(t.database.db, { name: 'Tomas Teamed', team: `Payments ${word}` });
    const byEmail = await buildPerson(t.database.db, { name: 'Eli Emailed', email: `eli.${word}@example.com` });
    await buildPerson(t.database.db, { name: 'Olga Other' });

    expect((await search(`q=ZQ${word.toUpperCase()}`)).items.map((p) => p.id)).toEqual([byName.id]);
    expect((await search(`q=${encodeURIComponent(`payments ${word}`)}`)).items.map((p) => p.id)).toEqual([byTeam.id]);
    expect((await search(`q=eli.${word}@`)).items.map((p) => p.id)).toEqual([byEmail.id]);

    const all = (await search(`q=${word}`)).items;
    expect(all.map((p) => p.name)).toEqual(['Eli Emailed', `Noor Zq${word}`, 'Tomas Teamed']);
    expect(all[0]).toMatchObject({ email: `eli.${word}@example.com`, title: 'Software Engineer', team: 'Platform', role: 'member' });
  });

  it('pages through people by name with a cursor, each person exactly once, namesakes included', async () => {
    const team = `Guild ${unique()}`;
    const names = ['Dana', 'Bob', 'Ava', 'Carl', 'Bob', 'Eve'];
    const people = [];
    for (const name of names) people.push(await buildPerson(t.database.db, { name, team }));

    const seen: { id: string; name: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await search(`q=${encodeURIComponent(team)}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    expect(seen.map((p) => p.name)).toEqual(['Ava', 'Bob', 'Bob', 'Carl', 'Dana', 'Eve']);
    expect(new Set(seen.map((p) => p.id))).toEqual(new Set(people.map((p) => p.id)));
  });

  it('rejects unknown query parameters, a limit out of range and a forged cursor', async () => {
    for (const query of ['team=Platform', 'limit=0', 'limit=101', 'cursor=abc']) {
      const res = await as(t.app, me.token).get(`/api/v1/people?${query}`);
      expectError(res, 400, 'validation_failed');
    }
  });

  it('requires a signed-in person', async () => {
    expectError(await as(t.app, null).get('/api/v1/people'), 401, 'unauthenticated');
    expectError(await as(t.app, null).get(`/api/v1/people/${me.id}`), 401, 'unauthenticated');
  });
});

describe('a person', () => {
  it('shows a person with their manager', async () => {
    const manager = await buildPerson(t.database.db, { name: 'Greta Manager' });
    const report = await buildPerson(t.database.db, { name: 'Rui Report', team: 'Search' });
    await t.database.db
      .updateTable('people')
      .set({ manager_id: manager.id, title: 'Staff Engineer' })
      .where('id', '=', report.id)
      .execute();
    await t.database.db.updateTable('people').set({ title: 'Engineering Manager' }).where('id', '=', manager.id).execute();

    const res = await as(t.app, me.token).get(`/api/v1/people/${report.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: report.id,
      email: report.email,
      name: 'Rui Report',
      title: 'Staff Engineer',
      team: 'Search',
      location: 'Amsterdam',
      timeZone: 'Europe/Amsterdam',
      role: 'member',
      manager: { id: manager.id, name: 'Greta Manager', title: 'Engineering Manager' },
      active: true,
    });
    expect((await as(t.app, me.token).get(`/api/v1/people/${manager.id}`)).json().manager).toBeNull();
  });

  it('answers 404 for someone who is not in the directory', async () => {
    for (const id of ['01890000-0000-7000-8000-000000000000', 'nobody']) {
      const res = await as(t.app, me.token).get(`/api/v1/people/${id}`);
      expectError(res, 404, 'not_found');
    }
  });

  it('tells the signed-in person who they are', async () => {
    const res = await as(t.app, me.token).get('/api/v1/me');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: me.id,
      name: 'Mia Member',
      email: 'mia.member@example.com',
      timeZone: 'America/New_York',
      role: 'member',
      manager: null,
    });
    expectError(await as(t.app, null).get('/api/v1/me'), 401, 'unauthenticated');
  });
});
