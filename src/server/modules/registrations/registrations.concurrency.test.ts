import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { checkSeatInvariants } from '../../../../test/helpers/invariants.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';

// Requests really run at once: on PostgreSQL over a pool of connections, on SQLite through the
// same process; the invariants are read back from the database, not from the answers.
const { t, host, people } = testAppWithPeople({ host: { name: 'Hana Host' } }, { learners: 60, learnerName: 'Racer' });

const register = (p: TestPerson, id: string, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/sessions/${id}/registrations`,
    headers: { authorization: `Bearer ${p.token}`, ...(key ? { 'idempotency-key': key } : {}) },
    payload: {},
  });

describe('under concurrent load', () => {
  it('never overbooks, never duplicates, and numbers the waitlist 1..n by arrival', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 10 });
    // Everyone twice at the same moment: duplicates must collapse into one registration each.
    const answers = await Promise.all([...people, ...people].map((p) => register(p, id)));
    expect(answers.every((r) => r.statusCode === 200 || r.statusCode === 201)).toBe(true);
    const check = await checkSeatInvariants(t.database.db, id, 10);
    expect(check).toMatchObject({ holding: 10, waiting: 50, overbooked: false, duplicates: 0, gapFree: true, countsKept: true });
    // Positions follow arrival: the order in which the registrations were created.
    const waitlisted = check.rows.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position as number) - (b.position as number));
    const byArrival = [...waitlisted].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
    expect(waitlisted.map((r) => r.id)).toEqual(byArrival.map((r) => r.id));
  });

  it('tells each person of a crowd at a full session once, of what they got, by the channel they chose', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 3 });
    const [quiet, slacker] = people as [TestPerson, TestPerson];
    expect(
      (await as(t.app, quiet.token).put('/api/v1/me/notification-preferences', { channels: { registrations: 'none' } })).statusCode,
    ).toBe(200);
    // Slack is not configured here, so the API would refuse it; a choice kept from when it was.
    await t.database.db
      .insertInto('notification_preferences')
      .values({ person_id: slacker.id, kind: 'registrations', channel: 'slack', updated_at: new Date().toISOString() })
      .execute();
    try {
      // All at once: on PostgreSQL their places, seats and waitlist alike, are taken a batch per
      // statement (PlaceBatches), the two who chose among them.
      const answers = await Promise.all(people.map((p) => register(p, id)));
      expect(answers.map((r) => r.statusCode).every((code) => code === 201)).toBe(true);
      const messages = await t.database.db
        .selectFrom('outbox')
        .select(['person_id', 'topic', 'channel', 'payload'])
        .where('session_id', '=', id)
        .where('topic', 'like', 'registration.%')
        .execute();
      const rows = (await checkSeatInvariants(t.database.db, id, 3)).rows;
      expect(rows).toHaveLength(people.length);
      expect(rows.filter((r) => r.status === 'enrolled')).toHaveLength(3);
      for (const row of rows) {
        const mine = messages.filter((m) => m.person_id === row.person_id);
        const channel = row.person_id === slacker.id ? 'slack_dm' : 'email';
        expect(mine.map((m) => [m.topic, m.channel])).toEqual(row.person_id === quiet.id ? [] : [[`registration.${row.status}`, channel]]);
        // A seat's message carries its first calendar invitation; a waitlist place has none yet.
        const calendar = mine[0] && JSON.parse(mine[0].payload).calendar;
        expect(calendar).toEqual(row.status === 'enrolled' && mine[0] ? { method: 'REQUEST', sequence: 0 } : undefined);
      }
    } finally {
      await t.database.db.deleteFrom('notification_preferences').where('person_id', 'in', [quiet.id, slacker.id]).execute();
    }
  });

  it('gives each freed seat exactly once when many cancel and register at the same time', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 5 });
    for (const p of people.slice(0, 30)) await register(p, id);
    const leaving = people.slice(0, 10); // 5 seat holders and the first 5 waiting
    const arriving = people.slice(30, 50);
    await Promise.all([
      ...leaving.map((p) => as(t.app, p.token).delete(`/api/v1/sessions/${id}/registrations/me`)),
      ...arriving.map((p) => register(p, id)),
    ]);
    const check = await checkSeatInvariants(t.database.db, id, 5);
    expect(check).toMatchObject({
      holding: 5,
      waiting: 30 - 10 - 5 + 20,
      overbooked: false,
      duplicates: 0,
      gapFree: true,
      countsKept: true,
    });
  });

  it('acts once for the same Idempotency-Key sent many times at once', async () => {
    const id = await publishedSession(t.app, host.token, { seats: 3 });
    const p = people[0] as TestPerson;
    const answers = await Promise.all(Array.from({ length: 8 }, () => register(p, id, 'same-key')));
    expect(new Set(answers.map((r) => r.json().id)).size).toBe(1);
    expect((await checkSeatInvariants(t.database.db, id, 3)).rows).toHaveLength(1);
  });
});
