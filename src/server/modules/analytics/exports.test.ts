import { beforeAll, describe, expect, it } from 'vitest';
import { OCTOBER, seedOctober } from '../../../../test/helpers/analytics-fixture.js';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { AccessChecker, accessRepository } from '../../platform/access/index.js';
import { createTransactor } from '../../platform/transaction.js';
import { attendanceRepository } from './attendance.repository.js';
import { AttendanceService } from './attendance.service.js';

const { t, ada, vera, max, hana, hugo, l1, l2, l3, l4, l5 } = testAppWithPeople({
  ada: { name: 'Ada Admin', role: 'admin', team: 'Education' },
  vera: { name: 'Vera Viewer', team: 'Leadership' },
  max: { name: 'Max Member', team: 'Platform' },
  hana: { name: 'Hana Host', team: 'Platform' },
  hugo: { name: 'Hugo Host', team: 'Data' },
  l1: { name: 'Lea One', team: 'Platform' },
  l2: { name: '=Leo Two', team: 'Platform' },
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

interface Row {
  registrationId: string;
  person: { id: string; name: string; email: string };
  team: string | null;
  sessionId: string;
  title: string;
  startsAt: string;
  status: string;
  hours: number;
}

async function allPages(limit: number, query = OCTOBER): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res = await as(t.app, ada.token).get(`/api/v1/analytics/attendance?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    rows.push(...res.json().items);
    cursor = res.json().nextCursor;
    pages++;
  } while (cursor);
  return { rows, pages };
}

describe('attendance export (paged JSON)', () => {
  it("lists every registration of the period's sessions by session start, with person, team, status and hours", async () => {
    const { rows, pages } = await allPages(5);
    // S1 (5 registrations), S3 (4), S2 (4); the cancelled session and those outside October are not in it.
    expect(pages).toBe(3);
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r.registrationId)).size).toBe(13);
    expect(rows.map((r) => r.sessionId)).toEqual([
      ...Array(5).fill(fixture.s1),
      ...Array(4).fill(fixture.s3),
      ...Array(4).fill(fixture.s2),
    ]);
    expect(rows.find((r) => r.registrationId === fixture.registrations[`${fixture.s1}:${l1.id}`])).toEqual({
      registrationId: fixture.registrations[`${fixture.s1}:${l1.id}`],
      person: { id: l1.id, name: 'Lea One', email: l1.email },
      team: 'Platform',
      sessionId: fixture.s1,
      workshopId: fixture.w1,
      title: 'Kubernetes basics',
      startsAt: '2026-10-05T10:00:00.000Z',
      status: 'attended',
      hours: 1.5,
    });
    const hoursByStatus = (status: string) => rows.filter((r) => r.status === status).map((r) => r.hours);
    expect(hoursByStatus('attended').sort()).toEqual([1, 1, 1.5, 1.5, 1.5, 1.5, 1.5]);
    for (const status of ['no_show', 'waitlisted', 'enrolled', 'cancelled']) expect(hoursByStatus(status).every((h) => h === 0)).toBe(true);
    expect(rows.find((r) => r.person.id === l4.id)?.team).toBeNull();
  });

  it('follows the filters, and refuses a forged cursor naming the field', async () => {
    const { rows } = await allPages(100, `${OCTOBER}&team=Data&channel=kubernetes`);
    expect(rows.map((r) => [r.person.name, r.status]).sort()).toEqual([
      ['Lia Three', 'attended'],
      ['Lia Three', 'no_show'],
      ['Lou Five', 'cancelled'],
      ['Lou Five', 'waitlisted'],
    ]);
    const res = await as(t.app, ada.token).get(`/api/v1/analytics/attendance?${OCTOBER}&cursor=bm90LWEtY3Vyc29y`);
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details).toContainEqual(expect.objectContaining({ field: 'cursor' }));
  });

  it('is for admins only: a shared viewer and a member are refused (403)', async () => {
    for (const person of [vera, max]) {
      expectError(await as(t.app, person.token).get(`/api/v1/analytics/attendance?${OCTOBER}`), 403, 'forbidden');
      expectError(await as(t.app, person.token).get(`/api/v1/analytics/attendance.csv?${OCTOBER}`), 403, 'forbidden');
    }
  });
});

describe('attendance export (CSV)', () => {
  it('is the same rows as the pages, one line each, safe to open in a spreadsheet', async () => {
    const res = await as(t.app, ada.token).get(`/api/v1/analytics/attendance.csv?${OCTOBER}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="attendance-2026-10-01-2026-10-31.csv"');
    expect(res.body.startsWith('\uFEFFRegistration,Person,Name,Email,Team,Session,Workshop,Title,Starts at,Status,Hours\r\n')).toBe(true);
    const lines = res.body.trimEnd().split('\r\n').slice(1);
    expect(lines).toHaveLength(13);
    expect(lines).toContain(
      [
        fixture.registrations[`${fixture.s3}:${l4.id}`],
        l4.id,
        'Luc Four',
        l4.email,
        '',
        fixture.s3,
        fixture.w2,
        'Intro to SQL',
        '2026-10-12T14:00:00.000Z',
        'attended',
        '1.5',
      ].join(','),
    );
    // A name that starts like a formula is text in the file.
    expect(res.body).toContain(",'=Leo Two,");
  });

  it('is written a page at a time: the header once, every row once, whatever the page size', async () => {
    const service = new AttendanceService(createTransactor(t.database.db), attendanceRepository, new AccessChecker(accessRepository), 4);
    const actor = { id: ada.id, name: ada.name, role: 'admin' as const, timeZone: 'UTC' };
    const { stream } = await service.csv(actor, { from: '2026-10-01', to: '2026-10-31' });
    const chunks: string[] = [];
    for await (const chunk of stream) chunks.push(String(chunk));
    // The header, then pages of 4, 4, 4 and 1 rows.
    expect(chunks).toHaveLength(5);
    const whole = (await as(t.app, ada.token).get(`/api/v1/analytics/attendance.csv?${OCTOBER}`)).body;
    expect(chunks.join('')).toBe(whole);
  });
});

describe('read-only share', () => {
  it('lets admins replace the list; the people on it see the tables, and no longer once removed', async () => {
    const admin = as(t.app, ada.token);
    expect((await admin.get('/api/v1/analytics/viewers')).json().items).toEqual([
      { id: vera.id, name: 'Vera Viewer', title: 'Software Engineer' },
    ]);
    expectError(await as(t.app, max.token).get(`/api/v1/analytics/teams?${OCTOBER}`), 403, 'forbidden');

    const set = await admin.put('/api/v1/analytics/viewers', { personIds: [max.id, vera.id, max.id] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().items.map((p: { name: string }) => p.name)).toEqual(['Max Member', 'Vera Viewer']);
    expect((await as(t.app, max.token).get(`/api/v1/analytics/teams?${OCTOBER}`)).statusCode).toBe(200);
    const kept = await t.database.db.selectFrom('dashboard_viewers').selectAll().where('person_id', '=', vera.id).executeTakeFirstOrThrow();
    expect(kept.added_at).toBe('2026-11-01T00:00:00.000Z');

    expect((await admin.put('/api/v1/analytics/viewers', { personIds: [vera.id] })).json().items).toHaveLength(1);
    expectError(await as(t.app, max.token).get(`/api/v1/analytics/teams?${OCTOBER}`), 403, 'forbidden');
  });

  it('refuses an unknown person by its place in the list (400 personIds.N), changing nothing', async () => {
    const res = await as(t.app, ada.token).put('/api/v1/analytics/viewers', { personIds: [max.id, 'nobody-at-all'] });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details).toEqual([{ field: 'personIds.1', message: expect.any(String) }]);
    expect((await as(t.app, ada.token).get('/api/v1/analytics/viewers')).json().items.map((p: { id: string }) => p.id)).toEqual([vera.id]);
  });

  it('is chosen by admins only (403 for shared viewers and members)', async () => {
    for (const person of [vera, max]) {
      expectError(await as(t.app, person.token).get('/api/v1/analytics/viewers'), 403, 'forbidden');
      expectError(await as(t.app, person.token).put('/api/v1/analytics/viewers', { personIds: [person.id] }), 403, 'forbidden');
    }
  });
});
