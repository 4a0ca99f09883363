import { beforeAll, describe, expect, it } from 'vitest';
import { OCTOBER, seedOctober } from '../../../../test/helpers/analytics-fixture.js';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { analyticsApi } from '../../../contracts/analytics.endpoints.js';

const { t, ada, vera, hana, hugo, l1, l2, l3, l4, l5 } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin', team: 'Education' },
  vera: { name: 'Vera Viewer', team: 'Leadership' },
  max: { name: 'Max Member', team: 'Platform' },
  hana: { name: 'Hana Host', team: 'Platform' },
  hugo: { name: 'Hugo Host', team: 'Data' },
  l1: { name: 'Lea One', team: 'Platform' },
  l2: { name: 'Leo Two', team: 'Platform' },
  l3: { name: 'Lia Three', team: 'Data' },
  l4: { name: 'Luc Four', team: 'Platform' },
  l5: { name: 'Lou Five', team: 'Data' },
});

let fixture: Awaited<ReturnType<typeof seedOctober>>;
beforeAll(async () => {
  fixture = await seedOctober(t.database.db, { hana, hugo, l1, l2, l3, l4, l5 });
  await t.database.db
    .insertInto('dashboard_viewers')
    .values({ person_id: vera.id, added_by: ada.id, added_at: '2026-11-01T00:00:00.000Z' })
    .execute();
});

const admin = () => as(t.app, ada.token);
const get = async (path: string, token = ada.token) => {
  const res = await as(t.app, token).get(path);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('teams', () => {
  // Hand-counted from test/helpers/analytics-fixture.ts (held in October: S1 1.5 h, S2 1 h, S3 1.5 h).
  const expected = [
    { team: 'No team', headcount: 1, learners: 1, reach: 1, seatsFilled: 2, attended: 1, learningHours: 1.5 },
    { team: 'Data', headcount: 3, learners: 2, reach: 0.6667, seatsFilled: 4, attended: 3, learningHours: 4 },
    { team: 'Platform', headcount: 4, learners: 2, reach: 0.5, seatsFilled: 3, attended: 3, learningHours: 4 },
    { team: 'Education', headcount: 1, learners: 0, reach: 0, seatsFilled: 0, attended: 0, learningHours: 0 },
    { team: 'Leadership', headcount: 1, learners: 0, reach: 0, seatsFilled: 0, attended: 0, learningHours: 0 },
  ];

  it('lists every team, "No team" for people without one, largest reach first', async () => {
    expect((await get(`/api/v1/analytics/teams?${OCTOBER}`)).items).toEqual(expected);
  });

  it('adds up to the whole: the teams filtered one by one give the same rows, and their learners are every learner', async () => {
    const whole = (await get(`/api/v1/analytics/teams?${OCTOBER}`)).items as typeof expected;
    for (const row of whole) {
      const filtered = (await get(`/api/v1/analytics/teams?${OCTOBER}&team=${encodeURIComponent(row.team)}`)).items;
      expect(filtered).toEqual([row]);
    }
    const sum = (key: 'learners' | 'seatsFilled' | 'attended' | 'learningHours') => whole.reduce((total, row) => total + row[key], 0);
    // Five different people attended; nine seats were filled, seven attended, for 9.5 hours.
    expect([sum('learners'), sum('seatsFilled'), sum('attended'), sum('learningHours')]).toEqual([5, 9, 7, 9.5]);
    const attendance = (await get(`/api/v1/analytics/attendance?${OCTOBER}&limit=1000`)).items as {
      person: { id: string };
      status: string;
      hours: number;
    }[];
    const attendedRows = attendance.filter((r) => r.status === 'attended');
    expect(new Set(attendedRows.map((r) => r.person.id)).size).toBe(sum('learners'));
    expect(attendedRows.reduce((h, r) => h + r.hours, 0)).toBe(sum('learningHours'));
  });

  it("counts only the channel's workshops under a channel filter, and a manager's whole organisation under a manager filter", async () => {
    const kubernetes = (await get(`/api/v1/analytics/teams?${OCTOBER}&channel=kubernetes`)).items;
    expect(kubernetes.find((r: { team: string }) => r.team === 'Data')).toMatchObject({
      seatsFilled: 2,
      attended: 1,
      learners: 1,
      learningHours: 1,
    });
    expect(kubernetes.find((r: { team: string }) => r.team === 'Platform')).toMatchObject({
      seatsFilled: 3,
      attended: 3,
      learners: 2,
      learningHours: 4,
    });

    // Hugo manages Lia, who manages Lou: his organisation is the three of them.
    await t.database.db.updateTable('people').set({ manager_id: hugo.id }).where('id', '=', l3.id).execute();
    await t.database.db.updateTable('people').set({ manager_id: l3.id }).where('id', '=', l5.id).execute();
    try {
      const organisation = (await get(`/api/v1/analytics/teams?${OCTOBER}&manager=${hugo.id}`)).items;
      expect(organisation).toEqual([
        { team: 'Data', headcount: 3, learners: 2, reach: 0.6667, seatsFilled: 4, attended: 3, learningHours: 4 },
      ]);
    } finally {
      await t.database.db.updateTable('people').set({ manager_id: null }).where('id', 'in', [l3.id, l5.id]).execute();
    }
  });
});

describe('workshops', () => {
  it('ranks by demand: people who waited without a seat plus wishes made in the period', async () => {
    const { items } = await get(`/api/v1/analytics/workshops?${OCTOBER}`);
    expect(items).toEqual([
      {
        workshopId: fixture.w1,
        title: 'Kubernetes basics',
        format: 'hands_on_lab',
        sessions: 2,
        seatsFilled: 6,
        waitlisted: 2,
        wishes: 1,
        responses: 3,
        averageRating: 3.67,
      },
      {
        workshopId: fixture.w3,
        title: 'Kafka deep dive',
        format: 'course',
        sessions: 0,
        seatsFilled: 0,
        waitlisted: 0,
        wishes: 3,
        responses: 0,
        averageRating: null,
      },
      {
        workshopId: fixture.w2,
        title: 'Intro to SQL',
        format: 'talk',
        sessions: 1,
        seatsFilled: 3,
        waitlisted: 0,
        wishes: 0,
        responses: 2,
        averageRating: 3.5,
      },
    ]);
  });

  it("ranks by rating only what was rated; a team filter counts that team's seats, wishes and answers", async () => {
    const byRating = (await get(`/api/v1/analytics/workshops?${OCTOBER}&sort=rating`)).items;
    expect(byRating.map((w: { title: string; averageRating: number }) => [w.title, w.averageRating])).toEqual([
      ['Kubernetes basics', 3.67],
      ['Intro to SQL', 3.5],
    ]);
    const data = (await get(`/api/v1/analytics/workshops?${OCTOBER}&team=Data`)).items;
    expect(data.find((w: { title: string }) => w.title === 'Kubernetes basics')).toMatchObject({
      sessions: 2,
      seatsFilled: 2,
      waitlisted: 1,
      wishes: 1,
      responses: 0,
    });
    expect(data.find((w: { title: string }) => w.title === 'Kafka deep dive')).toMatchObject({ wishes: 1 });
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const res = await admin().get('/api/v1/analytics/workshops?from=2026-10-31&to=2026-10-01');
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'from' }));
  });
});

describe('hosts', () => {
  it('counts held sessions, distinct learners and the mean rating per host; names for admins only', async () => {
    const rows = [
      { team: 'Platform', sessions: 2, learners: 3, averageRating: 3.67 },
      { team: 'Data', sessions: 1, learners: 3, averageRating: 3.5 },
    ];
    expect((await get(`/api/v1/analytics/hosts?${OCTOBER}`)).items).toEqual([
      { host: { id: hana.id, name: 'Hana Host', title: 'Software Engineer' }, ...rows[0] },
      { host: { id: hugo.id, name: 'Hugo Host', title: 'Software Engineer' }, ...rows[1] },
    ]);
    expect((await get(`/api/v1/analytics/hosts?${OCTOBER}`, vera.token)).items).toEqual(rows.map((row) => ({ host: null, ...row })));
    const csv = await as(t.app, vera.token).get(`/api/v1/analytics/hosts.csv?${OCTOBER}`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain('Hana');
  });
});

describe('channels', () => {
  it('sets demand against supply per channel; a request counts where its words name the channel', async () => {
    expect((await get(`/api/v1/analytics/channels?${OCTOBER}`)).items).toEqual([
      expect.objectContaining({ slug: 'data', name: 'Data', sessionsOffered: 1, seatsFilled: 3, waitlisted: 0, wishes: 0, requests: 2 }),
      expect.objectContaining({ slug: 'design', sessionsOffered: 0, seatsFilled: 0, waitlisted: 0, wishes: 0, requests: 0 }),
      expect.objectContaining({ slug: 'kubernetes', sessionsOffered: 2, seatsFilled: 6, waitlisted: 2, wishes: 1, requests: 2 }),
    ]);
  });

  it('counts sessions offered in the period that have not happened yet, with no seats filled', async () => {
    const soon = new Date(Date.now() + 3 * 86_400_000);
    soon.setUTCMinutes(0, 0, 0);
    const day = soon.toISOString().slice(0, 10);
    await t.database.db
      .updateTable('sessions')
      .set({ starts_at: soon.toISOString(), ends_at: new Date(soon.getTime() + 5_400_000).toISOString() })
      .where('id', '=', fixture.s6)
      .execute();
    const rows = (await get(`/api/v1/analytics/channels?from=${day}&to=${day}&channel=kubernetes`)).items;
    expect(rows).toEqual([expect.objectContaining({ slug: 'kubernetes', sessionsOffered: 1, seatsFilled: 0 })]);
  });
});

describe('CSV files', () => {
  it('are the tables, through the one CSV writer', async () => {
    const res = await admin().get(`/api/v1/analytics/teams.csv?${OCTOBER}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="teams-2026-10-01-2026-10-31.csv"');
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('Team,Headcount,Learners,Reach,Seats filled,Attended,Learning hours');
    expect(lines).toContain('Data,3,2,0.6667,4,3,4');
    expect(lines).toHaveLength(6);
    const workshops = await admin().get(`/api/v1/analytics/workshops.csv?${OCTOBER}`);
    expect(workshops.body).toContain('Kubernetes basics,hands_on_lab,2,6,2,1,3,3,3.67');
    const channels = await admin().get(`/api/v1/analytics/channels.csv?${OCTOBER}`);
    expect(channels.body).toContain('Kubernetes,kubernetes,2,6,2,1,2');
  });
});

describe('the tables and the overview', () => {
  it('count the same: per team and in total', async () => {
    const teams = (await get(`/api/v1/analytics/teams?${OCTOBER}`)).items as {
      team: string;
      learners: number;
      seatsFilled: number;
      learningHours: number;
    }[];
    for (const row of [...teams, { team: undefined, learners: 5, seatsFilled: 9, learningHours: 9.5 }]) {
      const query = row.team === undefined ? OCTOBER : `${OCTOBER}&team=${encodeURIComponent(row.team)}`;
      const { kpis } = await get(`${analyticsApi.overview.path}?${query}`);
      expect([kpis.uniqueLearners.value, kpis.seatsFilled.value, kpis.learningHours.value], row.team ?? 'everyone').toEqual([
        row.learners,
        row.seatsFilled,
        row.learningHours,
      ]);
    }
    const workshops = (await get(`/api/v1/analytics/workshops?${OCTOBER}`)).items as {
      sessions: number;
      waitlisted: number;
      wishes: number;
    }[];
    const overview = await get(`${analyticsApi.overview.path}?${OCTOBER}`);
    expect(overview.kpis.sessionsHeld.value).toBe(workshops.reduce((n, w) => n + w.sessions, 0));
    expect(overview.unmetDemand).toEqual({
      waitedWithoutSeat: workshops.reduce((n, w) => n + w.waitlisted, 0),
      wishes: workshops.reduce((n, w) => n + w.wishes, 0),
      openRequests: 3,
    });
  });
});
