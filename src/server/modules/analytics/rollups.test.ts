import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { sessionBody, type TestPerson } from '../../../../test/helpers/factories.js';
import { answerBody, endedSessionWith } from '../../../../test/helpers/feedback.js';
import { hostedWorkshop } from '../../../../test/helpers/feedback-runs.js';
import { publishedSession } from '../../../../test/helpers/sessions.js';
import type { AnalyticsOverview } from '../../../contracts/index.js';
import type { SessionTalliesTable } from '../../db/schema.js';
import type { Db } from '../../platform/db.js';

/**
 * The rollups of migration 20261202T1500 (session_tallies, learning_days, learner_months) are kept
 * by triggers; after every kind of change, through the API or by SQL (the triggers must hold for
 * any writer), they must equal the same figures counted again from the raw rows here.
 */

const { t, host, admin, people } = testAppWithPeople(
  { host: { name: 'Hana Host' }, admin: { name: 'Ada Admin', role: 'admin' } },
  { learners: 9 },
);
type Nine = [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
const [a, b, c, d, e, f, early, late, lastMonth] = people as Nine;

const DAY = 86_400_000;
const HOUR = 3_600_000;
const dayOf = (iso: string) => new Date(iso).toISOString().slice(0, 10);

type Column = Exclude<keyof SessionTalliesTable, 'session_id'>;
/** The tally columns, as the rollups are described (the schema type checks the names). */
const TALLIES = (
  'seats attended no_shows waitlisted late_cancellations asked declined answered ratings rating_sum ' +
  'rating_1 rating_2 rating_3 rating_4 rating_5 usefulness_n usefulness_sum'
).split(' ') as Column[];
type Tally = Record<Column, number>;

const sum = (condition: string, value = '1') => sql.raw<number>(`sum(case when ${condition} then ${value} else 0 end)`);
const answered = (condition: string) => `status = 'answered' and ${condition}`;

/** Raw per-session counts, written from the definitions (not from the migration's SQL). */
async function rawTallies(db: Db): Promise<Record<string, Tally>> {
  const byRegistrations = await db
    .selectFrom('registrations')
    .select([
      'session_id',
      sum(`status in ('enrolled', 'attended', 'no_show')`).as('seats'),
      sum(`status = 'attended'`).as('attended'),
      sum(`status = 'no_show'`).as('no_shows'),
      sum(`status = 'waitlisted'`).as('waitlisted'),
      sql<number>`sum(late_cancellation)`.as('late_cancellations'),
    ])
    .groupBy('session_id')
    .execute();
  const byFeedback = await db
    .selectFrom('feedback')
    .select([
      'session_id',
      sql<number>`count(*)`.as('asked'),
      sum(`status = 'declined'`).as('declined'),
      sum(`status = 'answered'`).as('answered'),
      sum(answered('rating is not null')).as('ratings'),
      sum(answered('rating is not null'), 'rating').as('rating_sum'),
      ...([1, 2, 3, 4, 5] as const).map((k) => sum(answered(`rating = ${k}`)).as(`rating_${k}`)),
      sum(answered('usefulness is not null')).as('usefulness_n'),
      sum(answered('usefulness is not null'), 'usefulness').as('usefulness_sum'),
    ])
    .groupBy('session_id')
    .execute();
  const out: Record<string, Tally> = {};
  for (const row of [...byRegistrations, ...byFeedback] as Record<string, unknown>[]) {
    const id = row.session_id as string;
    const tally = out[id] ?? (Object.fromEntries(TALLIES.map((k) => [k, 0])) as Tally);
    for (const k of TALLIES) if (k in row) tally[k] = Number(row[k]);
    out[id] = tally;
  }
  return withoutZeros(out);
}

function withoutZeros(tallies: Record<string, Tally>): Record<string, Tally> {
  return Object.fromEntries(Object.entries(tallies).filter(([, v]) => TALLIES.some((k) => v[k] !== 0)));
}

/**
 * Recounts all three rollups from registrations, feedback and sessions and expects the rollup
 * tables to hold exactly that. The UTC day and month are taken in JavaScript, so no SQL of the
 * migration's (nor a dialect's date function) is trusted. Returns the raw figures.
 */
async function expectRollupsMatchRaw(db: Db, step = '') {
  const tallies = await rawTallies(db);
  const stored = await db.selectFrom('session_tallies').selectAll().execute();
  const storedTallies = Object.fromEntries(
    stored.map((r) => [r.session_id, Object.fromEntries(TALLIES.map((k) => [k, Number(r[k])])) as Tally]),
  );
  expect(withoutZeros(storedTallies), `session_tallies ${step}`).toEqual(tallies);

  const attended = await db
    .selectFrom('registrations as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .select(['r.person_id', 's.starts_at'])
    .where('r.status', '=', 'attended')
    .where('s.status', '=', 'scheduled')
    .execute();
  const days: Record<string, number> = {};
  for (const r of attended) {
    const key = `${r.person_id} ${dayOf(r.starts_at)}`;
    days[key] = (days[key] ?? 0) + 1;
  }
  const storedDays = await db.selectFrom('learning_days').selectAll().execute();
  expect(Object.fromEntries(storedDays.map((r) => [`${r.person_id} ${r.day}`, Number(r.sessions)])), `learning_days ${step}`).toEqual(days);

  const masks = new Map<string, bigint>();
  for (const key of Object.keys(days)) {
    const [person, day] = key.split(' ') as [string, string];
    const month = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
    const at = `${person} ${Math.floor(month / 60)}`;
    masks.set(at, (masks.get(at) ?? 0n) | (1n << BigInt(month % 60)));
  }
  const months = Object.fromEntries([...masks].map(([k, m]) => [k, m.toString()]));
  // As text in SQL: PostgreSQL's bigint would come back as a Number, inexact above 2^53.
  const storedMonths = await db
    .selectFrom('learner_months')
    .select(['person_id', 'block', sql<string>`cast(mask as text)`.as('mask')])
    .where('mask', '<>', 0)
    .execute();
  expect(Object.fromEntries(storedMonths.map((r) => [`${r.person_id} ${r.block}`, r.mask])), `learner_months ${step}`).toEqual(months);
  return { tallies, days, months };
}

const db = () => t.database.db;
const hostApi = () => as(t.app, host.token);
const register = async (who: TestPerson, sessionId: string) => {
  const res = await as(t.app, who.token).post(`/api/v1/sessions/${sessionId}/registrations`, {});
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json() as { id: string; status: string };
};
const ok = (res: { statusCode: number; body: string }) => expect(res.statusCode, res.body).toBeLessThan(300);
const statusOf = async (id: string) =>
  await db().selectFrom('registrations').select(['status', 'late_cancellation']).where('id', '=', id).executeTakeFirstOrThrow();
/** A writer by hand (SQL), for what the API has no action for. */
const setRegistration = (id: string, changes: { status?: 'no_show'; person_id?: string }) =>
  db().updateTable('registrations').set(changes).where('id', '=', id).execute();
const moveSession = (id: string, startsAt: string) =>
  db()
    .updateTable('sessions')
    .set({ starts_at: startsAt, ends_at: new Date(Date.parse(startsAt) + HOUR).toISOString() })
    .where('id', '=', id)
    .execute();
const startOf = async (sessionId: string) =>
  (await db().selectFrom('sessions').select('starts_at').where('id', '=', sessionId).executeTakeFirstOrThrow()).starts_at;

describe('analytics rollups equal the raw rows after every change', () => {
  it('follows registering, the waitlist, late cancellation, check-in, walk-ins, moving and cancelling a session', async () => {
    // Starts in a few hours: a cancellation now is late (under 24 hours).
    const s1 = await publishedSession(t.app, host.token, { seats: 1 }, 5 / 24);
    const ra = await register(a, s1);
    const rb = await register(b, s1);
    expect([ra.status, rb.status]).toEqual(['enrolled', 'waitlisted']);
    await expectRollupsMatchRaw(db(), 'after registering');

    ok(await as(t.app, a.token).delete(`/api/v1/sessions/${s1}/registrations/me`));
    expect(await statusOf(ra.id)).toEqual({ status: 'cancelled', late_cancellation: 1 });
    expect((await statusOf(rb.id)).status).toBe('enrolled');
    expect((await expectRollupsMatchRaw(db(), 'after a late cancellation and promotion')).tallies[s1]).toMatchObject({
      seats: 1,
      waitlisted: 0,
      late_cancellations: 1,
    });

    // Check-in opens 15 minutes before the start: the session is brought to 10 minutes from now (by
    // SQL, itself a change the rollups follow), so a future session's attendee already has a learning day.
    const soon = Date.now() + 10 * 60_000;
    await db()
      .updateTable('sessions')
      .set({ starts_at: new Date(soon).toISOString(), ends_at: new Date(soon + 3_600_000).toISOString() })
      .where('id', '=', s1)
      .execute();
    await expectRollupsMatchRaw(db(), 'after a session moved by SQL');
    ok(await hostApi().post(`/api/v1/registrations/${rb.id}/check-in`));
    await register(c, s1);
    ok(await hostApi().post(`/api/v1/sessions/${s1}/walk-ins`, { personId: d.id }));
    const day1 = dayOf(await startOf(s1));
    expect((await expectRollupsMatchRaw(db(), 'after check-in and walk-in')).days).toMatchObject({
      [`${b.id} ${day1}`]: 1,
      [`${d.id} ${day1}`]: 1,
    });

    const moved = sessionBody(40);
    ok(await hostApi().patch(`/api/v1/sessions/${s1}`, { startsAt: moved.startsAt, endsAt: moved.endsAt }));
    const after = await expectRollupsMatchRaw(db(), 'after moving a session to another month');
    expect(after.days[`${b.id} ${dayOf(moved.startsAt)}`]).toBe(1);
    expect(after.days[`${b.id} ${day1}`]).toBeUndefined();

    ok(await hostApi().post(`/api/v1/sessions/${s1}/cancel`));
    const cancelled = await expectRollupsMatchRaw(db(), 'after cancelling a session');
    expect(cancelled.days[`${b.id} ${dayOf(moved.startsAt)}`]).toBeUndefined();
    // No API reopens a cancelled session; a writer by hand must still be followed.
    await db().updateTable('sessions').set({ status: 'scheduled', cancelled_at: null }).where('id', '=', s1).execute();
    expect((await expectRollupsMatchRaw(db(), 'after reopening by SQL')).days[`${d.id} ${dayOf(moved.startsAt)}`]).toBe(1);
  });

  it('follows no-shows, attendance changes, feedback, and a person or session changed by SQL', async () => {
    // Ended an hour ago (moved into the past by SQL, as the feedback helpers do), then checked in late.
    const { sessionId: s2 } = await endedSessionWith(t, host, [a, b, c, e], { checkedIn: [a, b, c] });
    await expectRollupsMatchRaw(db(), 'after an ended session with late check-ins');
    expect(await t.app.jobs['mark-no-shows']?.()).toBeGreaterThanOrEqual(1);
    expect((await expectRollupsMatchRaw(db(), 'after marking no-shows')).tallies[s2]).toMatchObject({ seats: 4, attended: 3, no_shows: 1 });

    const put = (who: TestPerson, body: unknown) => as(t.app, who.token).put(`/api/v1/sessions/${s2}/feedback`, body);
    ok(await put(a, answerBody({ rating: 5, usefulness: 3 })));
    ok(await put(b, answerBody({ rating: 2, usefulness: 4 })));
    ok(await put(c, { attended: false }));
    await expectRollupsMatchRaw(db(), 'after answers and a decline');
    ok(await put(a, answerBody({ rating: 1, usefulness: 5 })));
    expect((await expectRollupsMatchRaw(db(), 'after an answer replaced')).tallies[s2]).toMatchObject({
      asked: 3,
      declined: 1,
      answered: 2,
      rating_sum: 3,
      rating_1: 1,
      rating_5: 0,
    });

    // The roster has no "undo attendance": by SQL; a host's check-in turns the no-show back.
    const rowOf = async (who: TestPerson) =>
      (
        await db()
          .selectFrom('registrations')
          .select('id')
          .where('session_id', '=', s2)
          .where('person_id', '=', who.id)
          .executeTakeFirstOrThrow()
      ).id;
    await setRegistration(await rowOf(b), { status: 'no_show' });
    await expectRollupsMatchRaw(db(), 'after attendance undone by SQL');
    ok(await hostApi().post(`/api/v1/registrations/${await rowOf(b)}/check-in`));
    ok(await hostApi().post(`/api/v1/registrations/${await rowOf(e)}/check-in`));
    await expectRollupsMatchRaw(db(), 'after no-shows checked in');

    // No API changes the person of a registration or moves a past session: by SQL.
    await setRegistration(await rowOf(c), { person_id: f.id });
    await expectRollupsMatchRaw(db(), 'after a registration given to someone else');
    const earlier = new Date(Date.parse(await startOf(s2)) - 45 * DAY).toISOString();
    await moveSession(s2, earlier);
    expect(
      (await expectRollupsMatchRaw(db(), 'after a past session moved by SQL')).days[`${a.id} ${dayOf(earlier)}`],
    ).toBeGreaterThanOrEqual(1);
    await db().updateTable('feedback').set({ rating: null }).where('session_id', '=', s2).where('person_id', '=', b.id).execute();
    await db()
      .deleteFrom('registrations')
      .where('id', '=', await rowOf(e))
      .execute();
    await expectRollupsMatchRaw(db(), 'after a rating cleared and a registration deleted by SQL');
  });

  // On PostgreSQL these two fail today: the migration's BEFORE DELETE trigger on sessions deletes the
  // registrations, whose seat-count trigger (20261126T0400) then updates the session row being
  // deleted, and PostgreSQL refuses ("tuple to be deleted was already modified…"). Left failing
  // on purpose: the migration is not this file's to change.
  it('drops a session deleted by SQL from every rollup, with its registrations and feedback', async () => {
    const { sessionId } = await endedSessionWith(t, host, [a, b, c], { checkedIn: [a, b] });
    ok(await as(t.app, a.token).put(`/api/v1/sessions/${sessionId}/feedback`, answerBody()));
    await t.app.jobs['mark-no-shows']?.();
    expect((await expectRollupsMatchRaw(db(), 'before deleting a session by SQL')).tallies[sessionId]).toMatchObject({
      attended: 2,
      answered: 1,
    });
    // Sessions of a published workshop are only cancelled through the API: deleted by SQL.
    await db().deleteFrom('sessions').where('id', '=', sessionId).execute();
    expect((await expectRollupsMatchRaw(db(), 'after deleting a session by SQL')).tallies[sessionId]).toBeUndefined();
    expect(await db().selectFrom('session_tallies').select('session_id').where('session_id', '=', sessionId).execute()).toEqual([]);
  });

  it("drops a draft workshop's session deleted through the API from every rollup", async () => {
    const draft = await hostedWorkshop(t, host, { draft: true });
    // Starting in 10 minutes: hosts mark attendance from 15 minutes before the start.
    const soon = Date.now() + 10 * 60_000;
    const created = await hostApi().post(
      `/api/v1/workshops/${draft}/sessions`,
      sessionBody(0, { startsAt: new Date(soon).toISOString(), endsAt: new Date(soon + 3_600_000).toISOString() }),
    );
    ok(created);
    const s3 = created.json().id as string;
    // Walk-ins need no published workshop: the only way to attend a session that can be deleted.
    ok(await hostApi().post(`/api/v1/sessions/${s3}/walk-ins`, { personId: a.id }));
    expect((await expectRollupsMatchRaw(db(), 'after a walk-in to a draft session')).tallies[s3]).toMatchObject({ attended: 1 });
    const deleted = await hostApi().delete(`/api/v1/sessions/${s3}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await expectRollupsMatchRaw(db(), 'after deleting a session through the API')).tallies[s3]).toBeUndefined();
  });

  it("counts the overview's distinct learners as the raw rows do, today up to now", async () => {
    const now = Date.now();
    const midnight = Math.floor(now / DAY) * DAY;
    // Both within today (UTC), whatever the time the suite runs.
    const startedAt = new Date(Math.floor(midnight + (now - midnight) / 2)).toISOString();
    // Not started yet, but within the check-in window (15 minutes before the start), still today.
    const laterAt = new Date(Math.min(now + 10 * 60_000, midnight + DAY - 1)).toISOString();
    const today = new Date(midnight);
    const lastMonthAt = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 15, 10)).toISOString();
    const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const to = dayOf(today.toISOString());

    for (const [who, startsAt] of [
      [early, startedAt],
      [late, laterAt],
      [lastMonth, lastMonthAt],
    ] as const) {
      const id = await publishedSession(t.app, host.token, { seats: 5 });
      const { id: registration } = await register(who, id);
      // Checked in while its check-in was open, then moved to when it happens in this story.
      await moveSession(id, new Date(Date.now() + 5 * 60_000).toISOString());
      ok(await hostApi().post(`/api/v1/registrations/${registration}/check-in`));
      await moveSession(id, startsAt);
    }
    await expectRollupsMatchRaw(db(), 'before the overview');

    const rawLearners = async (start: string, end: string) => {
      const cut = end < new Date().toISOString() ? end : new Date().toISOString();
      const row = await db()
        .selectFrom('registrations as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .select([
          sql<number>`count(distinct r.person_id)`.as('n'),
          sql<number>`sum(case when r.person_id = ${late.id} then 1 else 0 end)`.as('late'),
        ])
        .where('r.status', '=', 'attended')
        .where('s.status', '=', 'scheduled')
        .where('s.starts_at', '>=', start)
        .where('s.starts_at', '<', cut)
        .executeTakeFirstOrThrow();
      expect(Number(row.late ?? 0), 'the session later today is not held yet').toBe(0);
      return Number(row.n);
    };
    const res = await as(t.app, admin.token).get(`/api/v1/analytics/overview?from=${from}&to=${to}`);
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json() as AnalyticsOverview;
    const tomorrow = new Date(midnight + DAY).toISOString();
    const monthStart = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)).toISOString();
    const periodStart = `${from}T00:00:00.000Z`;
    const raw = await rawLearners(periodStart, tomorrow);
    // early (started an hour or so ago) and lastMonth count; late (checked in, not started) does not.
    expect(raw).toBeGreaterThanOrEqual(2);
    expect(o.kpis.uniqueLearners.value).toBe(raw);
    expect(o.kpis.uniqueLearners.previous).toBe(await rawLearners(`${o.previous.from}T00:00:00.000Z`, periodStart));
    expect(o.series.byMonth.map((m) => [m.month, m.learners])).toEqual([
      [from.slice(0, 7), await rawLearners(periodStart, monthStart)],
      [to.slice(0, 7), await rawLearners(monthStart, tomorrow)],
    ]);
  });
});
