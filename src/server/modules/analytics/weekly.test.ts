import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { TestPerson } from '../../../../test/helpers/factories.js';
import { newId } from '../../platform/ids.js';

const { t, ada, bea, max, hana, l1, l2, l3 } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin' },
  bea: { name: 'Bea Admin', role: 'admin' },
  max: { name: 'Max Member' },
  hana: { name: 'Hana Host' },
  l1: { name: 'Lea One' },
  l2: { name: 'Leo Two' },
  l3: { name: 'Lia Three' },
});

// The summary is of the last whole ISO week (UTC) before the one the job runs in, against the week before that.
const thisMonday = DateTime.utc().startOf('week');
const lastWeek = (days: number, hour = 10) =>
  thisMonday
    .minus({ days: 7 - days })
    .set({ hour })
    .toISO() as string;
const weekBefore = (days: number, hour = 10) =>
  thisMonday
    .minus({ days: 14 - days })
    .set({ hour })
    .toISO() as string;
const T0 = thisMonday.minus({ days: 30 }).toISO() as string;

async function job(name: 'analytics-weekly-summary' | 'deliver-outbox'): Promise<number> {
  const run = t.app.jobs[name];
  if (!run) throw new Error(`no job ${name}`);
  return run();
}

/** One held session of `minutes` with the people's registrations and answered ratings. */
async function heldSession(startsAt: string, minutes: number, seats: [TestPerson, 'attended' | 'waitlisted', number?][]) {
  const db = t.database.db;
  const workshopId = newId();
  const sessionId = newId();
  const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
  await db
    .insertInto('workshops')
    .values({
      id: workshopId,
      title: `Workshop ${startsAt}`,
      summary: 's',
      description: 'd',
      objectives: '[]',
      format: 'talk',
      duration_minutes: minutes,
      materials: '[]',
      status: 'published',
      created_by: hana.id,
      created_at: T0,
      updated_at: T0,
      published_at: T0,
    })
    .execute();
  await db.insertInto('workshop_hosts').values({ workshop_id: workshopId, person_id: hana.id, role: 'owner', added_at: T0 }).execute();
  await db
    .insertInto('sessions')
    .values({
      id: sessionId,
      workshop_id: workshopId,
      starts_at: startsAt,
      ends_at: endsAt,
      time_zone: 'UTC',
      mode: 'online',
      location: null,
      seats: 20,
      status: 'scheduled',
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  await db
    .insertInto('feedback_rounds')
    .values({ session_id: sessionId, workshop_id: workshopId, ended_at: endsAt, closes_at: endsAt, created_at: T0 })
    .execute();
  for (const [person, status, rating] of seats) {
    await db
      .insertInto('registrations')
      .values({
        id: newId(),
        session_id: sessionId,
        person_id: person.id,
        mode: 'online',
        status,
        position: status === 'waitlisted' ? 1 : null,
        late_cancellation: 0,
        walk_in: 0,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    if (rating !== undefined) {
      await db
        .insertInto('feedback')
        .values({
          id: newId(),
          session_id: sessionId,
          workshop_id: workshopId,
          person_id: person.id,
          status: 'answered',
          asked_at: endsAt,
          closes_at: endsAt,
          rating,
          usefulness: rating,
          answered_at: endsAt,
          updated_at: endsAt,
        })
        .execute();
    }
  }
  return workshopId;
}

const preferences = async (who: TestPerson) => (await as(t.app, who.token).get('/api/v1/me/notification-preferences')).json();
const summaries = () =>
  t.database.db.selectFrom('outbox').select(['person_id', 'dedup_key', 'channel']).where('topic', '=', 'analytics.weekly').execute();

beforeAll(async () => {
  // Last week: two sessions of 1.5 h (Lea twice, Leo once; Lia waited without a seat), rated 4 and 5; a wish and an open request.
  const w = await heldSession(lastWeek(1), 90, [
    [l1, 'attended', 4],
    [l2, 'attended'],
    [l3, 'waitlisted'],
  ]);
  await heldSession(lastWeek(3), 90, [[l1, 'attended', 5]]);
  await t.database.db
    .insertInto('workshop_interest')
    .values({ workshop_id: w, person_id: l3.id, created_at: lastWeek(4) })
    .execute();
  await t.database.db
    .insertInto('workshop_requests')
    .values({
      id: newId(),
      title: 'Rust',
      description: 'Please',
      author_id: l2.id,
      status: 'open',
      created_at: lastWeek(5),
      updated_at: lastWeek(5),
    })
    .execute();
  // The week before: one session of an hour, Leo attended and rated it 3.
  await heldSession(weekBefore(2), 60, [[l2, 'attended', 3]]);
  // This week's session is not in it.
  await heldSession(thisMonday.set({ hour: 0, minute: 30 }).toISO() as string, 60, [[l3, 'attended', 1]]);
});

describe('the weekly learning summary', () => {
  it('is opt-in, and offered to admins only', async () => {
    const kind = (list: { items: { kind: string; channel: string; label: string }[] }) =>
      list.items.find((i) => i.kind === 'education_summary');
    expect(kind(await preferences(ada))).toMatchObject({ channel: 'none', label: 'Weekly learning summary (admins)' });
    expect(kind(await preferences(max))).toBeUndefined();
    const refused = await as(t.app, max.token).put('/api/v1/me/notification-preferences', { channels: { education_summary: 'email' } });
    expectError(refused, 400, 'validation_failed');
    expect(refused.json().error.details).toEqual([{ field: 'channels.education_summary', message: expect.any(String) }]);

    // Nobody chose it yet: the job sends nothing.
    expect(await job('analytics-weekly-summary')).toBe(0);
    expect(await summaries()).toEqual([]);
  });

  it("goes once per week to each admin who opted in, with last week's figures against the week before", async () => {
    const chose = await as(t.app, ada.token).put('/api/v1/me/notification-preferences', { channels: { education_summary: 'email' } });
    expect(chose.statusCode, chose.body).toBe(200);
    expect(await job('analytics-weekly-summary')).toBe(1);
    expect(await job('analytics-weekly-summary')).toBe(0);
    const week = thisMonday.toFormat("kkkk-'W'WW");
    expect(await summaries()).toEqual([{ person_id: ada.id, dedup_key: `analytics.weekly:${week}:${ada.id}`, channel: 'email' }]);

    await job('deliver-outbox');
    const list = (await as(t.app, ada.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(ada.email)}`)).json();
    const found = list.items.find((m: { subject: string }) => m.subject.startsWith('Learning last week'));
    expect(found?.subject).toBe('Learning last week: 2 sessions, 2 learners');
    const mail = (await as(t.app, ada.token).get(`/api/v1/admin/mailbox/${found.id}`)).json();
    expect(mail.text).toContain('Hi Ada Admin,');
    for (const line of [
      'Sessions held: 2 (+1)',
      'Learners (people who attended): 2 (+1)',
      'Learning hours: 4.5 (+3.5)',
      'Average rating: 4.5 (+1.5)',
      'Unmet demand (waited without a seat, wishes, open requests): 3 (+3)',
    ]) {
      expect(mail.text).toContain(line);
    }
    expect(mail.text).toContain('/admin/dashboard');
    const toBea = (await as(t.app, ada.token).get(`/api/v1/admin/mailbox?to=${encodeURIComponent(bea.email)}`)).json();
    expect(toBea.items).toEqual([]);
  });

  it('is not sent again that week after the outbox forgot it, and goes again the next week', async () => {
    await t.database.db.deleteFrom('outbox').where('topic', '=', 'analytics.weekly').execute();
    expect(await job('analytics-weekly-summary')).toBe(0);
    const nextWeek = thisMonday.plus({ days: 7, hours: 1 }).toJSDate();
    expect(await t.app.lyceum.container.analytics.weekly.run(nextWeek)).toBe(1);
    expect((await summaries()).map((s) => s.dedup_key)).toEqual([
      `analytics.weekly:${thisMonday.plus({ days: 7 }).toFormat("kkkk-'W'WW")}:${ada.id}`,
    ]);
  });
});
