import { beforeAll, describe, expect, it } from 'vitest';
import { seedOverview } from '../../../../test/helpers/analytics-overview-fixture.js';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { AnalyticsOverview, KpiName } from '../../../contracts/index.js';
import { newId } from '../../platform/ids.js';
import { oneSample, periodsOf, welch } from './analytics.policy.js';

const { t, ada, mia, pete, paula, dan, dora, hana, hugo, fay, max, vera } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin', team: 'Education' },
  mia: { name: 'Mia Manager' },
  pete: { name: 'Pete' },
  paula: { name: 'Paula' },
  dan: { name: 'Dan' },
  dora: { name: 'Dora' },
  hana: { name: 'Hana Host' },
  hugo: { name: 'Hugo Host' },
  fay: { name: 'Fay Host' },
  max: { name: 'Max Member' },
  vera: { name: 'Vera Viewer' },
});

beforeAll(async () => {
  const ids = { mia, pete, paula, dan, dora, hana, hugo, fay, max, vera };
  await seedOverview(t.database.db, Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, v.id])) as never);
  await t.database.db
    .insertInto('dashboard_viewers')
    .values({ person_id: vera.id, added_by: ada.id, added_at: '2025-01-01T00:00:00.000Z' })
    .execute();
});

const PERIOD = 'from=2025-04-01&to=2025-06-30';

async function overview(query: string, who = ada): Promise<AnalyticsOverview> {
  const res = await as(t.app, who.token).get(`/api/v1/analytics/overview?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const values = (o: AnalyticsOverview, side: 'value' | 'previous') =>
  Object.fromEntries(Object.entries(o.kpis).map(([k, v]) => [k, v[side]])) as Record<KpiName, number | null>;

describe('the overview, hand-counted (period 2025-04-01…06-30, previous 2024-12-31…2025-03-31)', () => {
  it('counts every figure of the period and of the previous one', async () => {
    const o = await overview(PERIOD);
    expect(o.period).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(o.previous).toEqual({ from: '2024-12-31', to: '2025-03-31' });
    const now = values(o, 'value');
    // Held: S1, S10, S8, S2, S9, S3 (S4 was cancelled).
    expect(now.sessionsHeld).toBe(6);
    // Published in the period: W1 (Apr 10), W4 (Apr 20).
    expect(now.workshopsCreated).toBe(2);
    // Hosts: Hana (W1, W2), Hugo (W1, W3), Fay (W4); Fay's first session ever is S8.
    expect(now.activeHosts).toBe(3);
    expect(now.firstTimeHosts).toBe(1);
    // Attended: Pete, Paula (S1), Mia (S10), Pete, Dora (S2), Paula, Dan (S9), Dan (S3): 5 people of 11.
    expect(now.uniqueLearners).toBe(5);
    expect(now.headcountReached).toBeCloseTo(5 / 11, 10);
    // Seats: S1 4 (2 attended, Dan no-show, Dora enrolled), S10 1, S2 2 (Paula's offer is no seat), S9 2, S3 2 (Dan, Pete no-show).
    expect(now.seatsFilled).toBe(11);
    expect(now.attendanceRate).toBeCloseTo(8 / 11, 10);
    expect(now.noShowRate).toBeCloseTo(2 / 11, 10);
    // Mia's late cancellation of S1 (Dan's S2 cancellation was in time).
    expect(now.lateCancellations).toBe(1);
    // S1 2 × 1.5 + S10 1 + S2 2 × 1 + S9 2 × 1.5 + S3 2 = 11 hours.
    expect(now.learningHours).toBe(11);
    // Hosts: S1, S9 2 hosts × (1.5 + 8 lab) = 19 each; S10, S2 (1 + 4 talk) = 5 each; S3 2 + 2 discussion; S8 1 + 1 office hours: 54, plus 11.
    expect(now.engineerHoursInvested).toBe(65);
    // Max (S1) and Dora (S3) waited without a seat; Max's wish; Paula's open request.
    expect(now.unmetDemand).toBe(4);
    expect(o.unmetDemand).toEqual({ waitedWithoutSeat: 2, wishes: 1, openRequests: 1 });
    // Ratings 5, 4, 3, 3, 2, 5, 3, 4 = 29 / 8; asked 11, Dan declined, 8 answered of 10.
    expect(now.averageRating).toBeCloseTo(29 / 8, 10);
    expect(now.responseRate).toBeCloseTo(0.8, 10);
    expect(o.ratingDistribution).toEqual([0, 1, 3, 2, 2]);
    // W1..W4 ran; W1 and W3 have runs.
    expect(now.checklistAdoption).toBe(0.5);
    expect(now.confidenceBefore).toBe(2.5);
    expect(now.confidenceAfter).toBe(4);

    const before = values(o, 'previous');
    expect(before).toEqual({
      sessionsHeld: 2, // S5, S6
      workshopsCreated: 1, // W3
      firstTimeHosts: 1, // Hugo (S6); Hana hosted S7 in 2024
      activeHosts: 2,
      uniqueLearners: 3, // Pete, Dan, Dora
      headcountReached: 3 / 11,
      seatsFilled: 4,
      attendanceRate: 0.75,
      noShowRate: 0.25,
      lateCancellations: 1, // Mia, S6
      learningHours: 4, // S5 2 × 1, S6 2
      engineerHoursInvested: 13, // 4 + (1 + 4) + (2 + 2)
      unmetDemand: 2, // Dan's wish, Dan's request
      averageRating: 4, // 5, 3, 4
      responseRate: 0.75, // 3 of 4
      checklistAdoption: 0.5, // W2, W3
      confidenceBefore: 3,
      confidenceAfter: null,
    });
  });

  it('compares each month with the same month a year earlier', async () => {
    const o = await overview(PERIOD);
    expect(o.series.byMonth).toEqual([
      // S1, S10, S8; Pete, Paula, Mia; 3 + 1 hours.
      { month: '2025-04', sessions: 3, learners: 3, hours: 4, lastYear: { sessions: 0, learners: 0, hours: 0 } },
      // S2; Pete, Dora; a year earlier S7 with Pete and Paula.
      { month: '2025-05', sessions: 1, learners: 2, hours: 2, lastYear: { sessions: 1, learners: 2, hours: 2 } },
      // S9, S3; Paula, Dan (twice); 3 + 2 hours.
      { month: '2025-06', sessions: 2, learners: 2, hours: 5, lastYear: { sessions: 0, learners: 0, hours: 0 } },
    ]);
  });

  it('gives checklist completion per phase: the mean over the runs of workshops that ran', async () => {
    const o = await overview(PERIOD);
    // W1: analysis 2/2, design 1/1, evaluation 0/1; W3: analysis 1/2, design 0/1, evaluation 0/1.
    expect(o.checklistPhases).toEqual([
      { phase: 'analysis', completion: 0.75, previous: 0.5 },
      { phase: 'design', completion: 0.5, previous: 0 },
      { phase: 'development', completion: null, previous: null },
      { phase: 'implementation', completion: null, previous: null },
      { phase: 'evaluation', completion: 0, previous: 0 },
    ]);
  });

  it('compares sessions with a checklist against those without (Welch), with the threshold from the query or the setting', async () => {
    // Default 0.8: W1 (0.75) and W3 (0.25) are below it, so nobody is "with"; without: S10 3.0, S2 2.5.
    const byDefault = (await overview(PERIOD)).checklistEffect;
    expect(byDefault.threshold).toBe(0.8);
    expect(byDefault.with).toEqual({ n: 0, mean: null });
    expect(byDefault.without).toEqual({ n: 2, mean: 2.75 });
    expect(byDefault.difference).toBeNull();
    expect(byDefault.ci95).toBeNull();

    // 0.7: with = S1 (4.5) and S9 (4.0); df = 2, t = 4.302653, se = √0.125 (scipy: [-0.0212175, 3.0212175]).
    const e = (await overview(`${PERIOD}&threshold=0.7`)).checklistEffect;
    expect(e.with).toEqual({ n: 2, mean: 4.25 });
    expect(e.difference).toBeCloseTo(1.5, 10);
    expect(e.ci95?.[0]).toBeCloseTo(-0.0212175, 6);
    expect(e.ci95?.[1]).toBeCloseTo(3.0212175, 6);
    // Usefulness: with S1 4.5, S9 4.0; without S10 2.0, S2 2.5: difference 2 ± 1.5212175.
    expect(e.usefulness.difference).toBeCloseTo(2, 10);
    expect(e.usefulness.ci95?.[0]).toBeCloseTo(0.4787825, 6);
    expect(e.usefulness.ci95?.[1]).toBeCloseTo(3.5212175, 6);
    // Confidence change of runs at or above the threshold: W1 4 − 2.
    expect(e.confidenceChange).toEqual({ n: 1, mean: 2, ci95: null });

    // The admins' setting moves the default.
    const patch = await as(t.app, ada.token).patch('/api/v1/admin/settings/analytics', { checklistThreshold: 0.7 });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await overview(PERIOD)).checklistEffect.with.n).toBe(2);
    await as(t.app, ada.token).patch('/api/v1/admin/settings/analytics', { checklistThreshold: 0.8 });
  });

  it('adds the teams up to the whole', async () => {
    const whole = values(await overview(PERIOD), 'value');
    const additive = ['uniqueLearners', 'seatsFilled', 'lateCancellations', 'learningHours'] as const;
    const sums = Object.fromEntries(additive.map((k) => [k, 0])) as Record<(typeof additive)[number], number>;
    for (const team of ['Platform', 'Data', 'Ops', 'Education', 'No team']) {
      const part = values(await overview(`${PERIOD}&team=${encodeURIComponent(team)}`), 'value');
      for (const k of additive) sums[k] += part[k] ?? 0;
    }
    expect(sums).toEqual(Object.fromEntries(additive.map((k) => [k, whole[k]])));
    // Platform: Pete, Paula, Mia; seats S1 2, S10 1, S2 1, S9 1, S3 1; 1.5 + 1.5 + 1 + 1 + 1.5 hours.
    const platform = values(await overview(`${PERIOD}&team=Platform`), 'value');
    expect(platform).toMatchObject({
      uniqueLearners: 3,
      seatsFilled: 6,
      lateCancellations: 1,
      learningHours: 6.5,
      headcountReached: 3 / 4,
    });
    // Its hosts: Hana only (Hugo and Fay are Data): S1, S9 (1.5 + 8), S10, S2 (1 + 4): 29 + 6.5.
    expect(platform).toMatchObject({ activeHosts: 1, firstTimeHosts: 0, engineerHoursInvested: 35.5 });
  });

  it("counts a manager's whole organisation", async () => {
    // Mia, Pete, Hana, and under Pete: Paula and Dora (Data).
    const o = values(await overview(`${PERIOD}&manager=${mia.id}`), 'value');
    expect(o).toMatchObject({ uniqueLearners: 4, headcountReached: 4 / 5, seatsFilled: 8, activeHosts: 1 });
    // Sessions in which one of them held a seat: S1, S10, S2, S9, S3 (S8 had nobody).
    expect(o.sessionsHeld).toBe(5);
  });

  it('filters by channel and by format', async () => {
    // data-eng: W1 and W3 → S1, S9, S3; learners Pete, Paula, Dan.
    const channel = values(await overview(`${PERIOD}&channel=data-eng`), 'value');
    expect(channel).toMatchObject({ sessionsHeld: 3, seatsFilled: 8, uniqueLearners: 3, learningHours: 8, workshopsCreated: 1 });
    // Waiting: Max (S1), Dora (S3); wishes: Max (W1); open requests naming the channel: Paula's.
    expect((await overview(`${PERIOD}&channel=data-eng`)).unmetDemand).toEqual({ waitedWithoutSeat: 2, wishes: 1, openRequests: 1 });
    // Talks: W2 → S10, S2; Mia, Pete, Dora.
    const talks = values(await overview(`${PERIOD}&format=talk`), 'value');
    expect(talks).toMatchObject({ sessionsHeld: 2, seatsFilled: 3, uniqueLearners: 3, learningHours: 3, workshopsCreated: 0 });
    // No open request is linked to a talk.
    expect((await overview(`${PERIOD}&format=talk`)).unmetDemand).toEqual({ waitedWithoutSeat: 0, wishes: 0, openRequests: 0 });
  });

  it('counts a session of the period that has not started yet only for late cancellations', async () => {
    const db = t.database.db;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const at = '2024-01-01T00:00:00.000Z';
    const workshopId = newId();
    await db
      .insertInto('workshops')
      .values({
        id: workshopId,
        title: 'Soon',
        summary: 'Soon',
        description: 'Soon',
        objectives: '[]',
        format: 'talk',
        duration_minutes: 60,
        materials: '[]',
        status: 'draft',
        created_by: hana.id,
        created_at: at,
        updated_at: at,
        published_at: null,
      })
      .execute();
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    const sessionId = newId();
    await db
      .insertInto('sessions')
      .values({
        id: sessionId,
        workshop_id: workshopId,
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        time_zone: 'UTC',
        mode: 'in_person',
        location: 'Room',
        seats: 5,
        status: 'scheduled',
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (const [person, status, late] of [
      [pete, 'enrolled', 0],
      [paula, 'waitlisted', 0],
      [dan, 'cancelled', 1],
    ] as const) {
      await db
        .insertInto('registrations')
        .values({
          id: newId(),
          session_id: sessionId,
          person_id: person.id,
          mode: 'in_person',
          status,
          position: status === 'waitlisted' ? 1 : null,
          late_cancellation: late,
          walk_in: 0,
          cancelled_at: late ? at : null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const o = await overview(`from=${day(-1)}&to=${day(3)}`);
    expect(values(o, 'value')).toMatchObject({ sessionsHeld: 0, seatsFilled: 0, lateCancellations: 1, unmetDemand: 0, uniqueLearners: 0 });
  });

  it('says null, never NaN, when there is nothing to count', async () => {
    const o = await overview('from=2020-01-01&to=2020-01-31');
    const now = values(o, 'value');
    for (const k of [
      'attendanceRate',
      'noShowRate',
      'averageRating',
      'responseRate',
      'checklistAdoption',
      'confidenceBefore',
      'confidenceAfter',
    ] as const) {
      expect(now[k], k).toBeNull();
    }
    expect(now).toMatchObject({ sessionsHeld: 0, uniqueLearners: 0, headcountReached: 0, learningHours: 0, unmetDemand: 0 });
    expect(o.ratingDistribution).toEqual([0, 0, 0, 0, 0]);
    expect(o.checklistEffect).toMatchObject({ difference: null, ci95: null, with: { n: 0, mean: null } });
  });
});

describe('who may see the overview', () => {
  it('refuses members (403), lets people the admins shared it with see it', async () => {
    expectError(await as(t.app, max.token).get(`/api/v1/analytics/overview?${PERIOD}`), 403, 'forbidden');
    expect((await as(t.app, vera.token).get(`/api/v1/analytics/overview?${PERIOD}`)).statusCode).toBe(200);
  });

  it('names the field of a bad date, or of `from` after `to` (400)', async () => {
    const bad = await as(t.app, ada.token).get('/api/v1/analytics/overview?from=2025-02-30&to=2025-03-01');
    expectError(bad, 400, 'validation_failed');
    expect(JSON.stringify(bad.json())).toContain('from');
    const late = await as(t.app, ada.token).get('/api/v1/analytics/overview?from=2025-01-01&to=2025-13-01');
    expect(JSON.stringify(late.json().error.details)).toContain('to');
    const reversed = await as(t.app, ada.token).get('/api/v1/analytics/overview?from=2025-03-02&to=2025-03-01');
    expectError(reversed, 400, 'validation_failed');
    expect(reversed.json().error.details).toEqual([expect.objectContaining({ field: 'from' })]);
  });

  it('lets only admins read and change the settings', async () => {
    expectError(await as(t.app, vera.token).get('/api/v1/admin/settings/analytics'), 403, 'forbidden');
    const res = await as(t.app, ada.token).patch('/api/v1/admin/settings/analytics', { preparationHours: { talk: 3 } });
    expect(res.json().preparationHours).toEqual({ talk: 3, hands_on_lab: 8, discussion: 2, course: 12, office_hours: 1 });
    // Talks now cost 3 preparation hours: S10 and S2 one hour less each.
    expect(values(await overview(PERIOD), 'value').engineerHoursInvested).toBe(63);
    await as(t.app, ada.token).patch('/api/v1/admin/settings/analytics', { preparationHours: { talk: 4 } });
  });
});

describe('the statistics', () => {
  it("Welch's interval matches scipy's ttest_ind(equal_var=False) for unequal sizes", () => {
    // scipy: df 3.2347188, CI [-5.5423280, 2.5423280]
    const r = welch([1, 2, 3, 4], [2, 4, 6]);
    expect(r.difference).toBeCloseTo(-1.5, 10);
    expect(r.ci95?.[0]).toBeCloseTo(-5.542328, 5);
    expect(r.ci95?.[1]).toBeCloseTo(2.542328, 5);
    expect(welch([1], [2, 3]).ci95).toBeNull();
  });

  it("the one-sample interval matches scipy's ttest_1samp", () => {
    // scipy: [2, 1, 3, 0] → [-0.5542603, 3.5542603]
    const r = oneSample([2, 1, 3, 0]);
    expect(r.mean).toBe(1.5);
    expect(r.ci95?.[0]).toBeCloseTo(-0.5542603, 6);
    expect(r.ci95?.[1]).toBeCloseTo(3.5542603, 6);
  });

  it('the previous period has as many days, right before', () => {
    expect(periodsOf('2024-03-01', '2024-03-31').previous).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });
});
