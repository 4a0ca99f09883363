import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import type { DbHandle } from '../../server/platform/db.js';
import { LOW_LEARNING_TEAM, WAITLISTED_CHANNEL } from './demo-demand.js';
import { seedDemo } from './seed-demo.js';

// What the education team's dashboard shows for the demo organisation (last 365 days against the
// 365 before), counted as /work/notes/analytics-guide.md defines the figures, on the seeded database.
const DAY = 86_400_000;
const NOWS = ['2026-12-02T10:17:00.000Z', '2027-06-16T14:00:00.000Z'];

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each(NOWS)('the demo organisation on the dashboard, seeded at %s', (at) => {
  const now = new Date(at);
  const iso = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString();
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await createTestDatabase();
    await seedDemo(handle.db, now);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** Held sessions (scheduled, started) with their workshop, from `from` days ago to `to` days ago. */
  const held = (from: number, to: number) =>
    handle.db
      .selectFrom('sessions')
      .select(['id', 'workshop_id', 'starts_at'])
      .where('status', '=', 'scheduled')
      .where('starts_at', '>=', iso(from))
      .where('starts_at', '<', iso(to))
      .where('starts_at', '<=', now.toISOString())
      .execute();

  it('grows: about twice the sessions and more learners in the last year, month by month', async () => {
    const last = await held(365, 0);
    const before = await held(730, 365);
    const ratio = last.length / before.length;
    expect(before.length).toBeGreaterThanOrEqual(60);
    expect(ratio).toBeGreaterThanOrEqual(1.7);
    expect(ratio).toBeLessThanOrEqual(2.8);

    const learners = async (sessions: { id: string }[]) =>
      new Set(
        (
          await handle.db
            .selectFrom('registrations')
            .select('person_id')
            .where('status', '=', 'attended')
            .where(
              'session_id',
              'in',
              sessions.map((s) => s.id),
            )
            .execute()
        ).map((r) => r.person_id),
      ).size;
    expect(await learners(last)).toBeGreaterThan(await learners(before));

    // Month by month against the same month a year earlier: higher in most of the last 12 months.
    const perMonth = (sessions: { starts_at: string }[]) => {
      const counts = new Map<string, number>();
      for (const s of sessions) counts.set(s.starts_at.slice(0, 7), (counts.get(s.starts_at.slice(0, 7)) ?? 0) + 1);
      return counts;
    };
    const lastMonths = perMonth(last);
    const beforeMonths = perMonth(before);
    const higher = [...lastMonths].filter(([month, n]) => n > (beforeMonths.get(`${Number(month.slice(0, 4)) - 1}${month.slice(4)}`) ?? 0));
    expect(higher.length).toBeGreaterThanOrEqual(9);
  });

  it(`reaches a clearly smaller share of ${LOW_LEARNING_TEAM} than of any other team`, async () => {
    const sessions = (await held(365, 0)).map((s) => s.id);
    const people = await handle.db.selectFrom('people').select(['id', 'team']).execute();
    const learned = new Set(
      (
        await handle.db
          .selectFrom('registrations')
          .select('person_id')
          .where('status', '=', 'attended')
          .where('session_id', 'in', sessions)
          .execute()
      ).map((r) => r.person_id),
    );
    const reach = new Map<string, number>();
    for (const team of new Set(people.map((p) => p.team ?? 'No team'))) {
      const members = people.filter((p) => (p.team ?? 'No team') === team);
      reach.set(team, members.filter((p) => learned.has(p.id)).length / members.length);
    }
    const low = reach.get(LOW_LEARNING_TEAM) ?? 1;
    expect(low).toBeGreaterThan(0);
    expect(low).toBeLessThanOrEqual(0.35);
    for (const [team, share] of reach) if (team !== LOW_LEARNING_TEAM) expect(share, team).toBeGreaterThanOrEqual(0.6);
  });

  it(`has a long waitlist in ${WAITLISTED_CHANNEL}: full sessions with people still waiting, wishes and open requests`, async () => {
    const sessions = await held(365, 0);
    const channelOf = new Map<string, string[]>();
    for (const row of await handle.db
      .selectFrom('workshop_channels as wc')
      .innerJoin('channels as c', 'c.id', 'wc.channel_id')
      .select(['wc.workshop_id', 'c.slug'])
      .execute())
      channelOf.set(row.workshop_id, [...(channelOf.get(row.workshop_id) ?? []), row.slug]);
    const waited = await handle.db
      .selectFrom('registrations')
      .select(['session_id'])
      .where('status', '=', 'waitlisted')
      .where(
        'session_id',
        'in',
        sessions.map((s) => s.id),
      )
      .execute();
    const workshopOf = new Map(sessions.map((s) => [s.id, s.workshop_id]));
    const inChannel = waited.filter((r) => channelOf.get(workshopOf.get(r.session_id) ?? '')?.includes(WAITLISTED_CHANNEL));
    expect(inChannel.length).toBeGreaterThanOrEqual(30);
    expect(new Set(inChannel.map((r) => r.session_id)).size).toBeGreaterThanOrEqual(4);
    // Nobody else was left waiting once a session had run.
    expect(inChannel.length).toBe(waited.length);

    const wishes = await handle.db
      .selectFrom('workshop_interest')
      .select(['workshop_id', 'created_at'])
      .where('created_at', '>=', iso(365))
      .execute();
    const channelWishes = wishes.filter((w) => channelOf.get(w.workshop_id)?.includes(WAITLISTED_CHANNEL));
    expect(channelWishes.length).toBeGreaterThanOrEqual(20);
    expect(channelWishes.length).toBeGreaterThan(wishes.length / 2);

    const open = await handle.db
      .selectFrom('workshop_requests')
      .select(['title', 'votes'])
      .where('status', '=', 'open')
      .where('created_at', '>=', iso(365))
      .execute();
    expect(open.filter((r) => /threat|secret/i.test(r.title)).length).toBeGreaterThanOrEqual(2);
  });

  it('rates sessions of workshops with a well-answered checklist higher than those without one, with overlap', async () => {
    const sessions = await held(365, 0);
    const items = await handle.db.selectFrom('checklist_items').select(['version_id']).execute();
    const itemsOf = new Map<string, number>();
    for (const i of items) itemsOf.set(i.version_id, (itemsOf.get(i.version_id) ?? 0) + 1);
    const runs = await handle.db
      .selectFrom('checklist_runs as r')
      .leftJoin('checklist_answers as a', (join) => join.onRef('a.run_id', '=', 'r.id').on('a.answer', 'is not', null))
      .select((eb) => [
        'r.workshop_id',
        'r.version_id',
        'r.confidence_before',
        'r.confidence_after',
        eb.fn.count('a.item_key').as('answered'),
      ])
      .groupBy(['r.workshop_id', 'r.version_id', 'r.confidence_before', 'r.confidence_after'])
      .execute();
    const completion = new Map(runs.map((r) => [r.workshop_id, Number(r.answered) / (itemsOf.get(r.version_id) ?? 1)]));

    const ratings = await handle.db
      .selectFrom('feedback')
      .select(['session_id', 'rating'])
      .where('status', '=', 'answered')
      .where('rating', 'is not', null)
      .where(
        'session_id',
        'in',
        sessions.map((s) => s.id),
      )
      .execute();
    const bySession = new Map<string, number[]>();
    for (const r of ratings) bySession.set(r.session_id, [...(bySession.get(r.session_id) ?? []), Number(r.rating)]);
    const workshopOf = new Map(sessions.map((s) => [s.id, s.workshop_id]));
    const withList: number[] = [];
    const without: number[] = [];
    for (const [sessionId, rs] of bySession) {
      const c = completion.get(workshopOf.get(sessionId) ?? '');
      if (c === undefined) without.push(mean(rs));
      else if (c >= 0.8) withList.push(mean(rs));
    }
    expect(withList.length).toBeGreaterThanOrEqual(20);
    expect(without.length).toBeGreaterThanOrEqual(20);
    const difference = mean(withList) - mean(without);
    expect(difference).toBeGreaterThanOrEqual(0.15);
    expect(difference).toBeLessThanOrEqual(0.7);
    // Believable: plenty of sessions with a checklist rated below the average of those without.
    expect(withList.filter((m) => m < mean(without)).length).toBeGreaterThanOrEqual(3);

    const pairs = runs.filter((r) => r.confidence_before !== null && r.confidence_after !== null);
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    expect(mean(pairs.map((r) => Number(r.confidence_after)))).toBeGreaterThan(mean(pairs.map((r) => Number(r.confidence_before))) + 0.4);
  });
});
