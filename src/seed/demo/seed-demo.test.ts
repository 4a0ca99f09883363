import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { createSessionBody, updateWorkshopBody } from '../../contracts/index.js';
import type { DbHandle } from '../../server/platform/db.js';
import { HOT_WORKSHOPS } from './demo-demand.js';
import { demoId } from './demo-ids.js';
import { FIRST_DEMO_EMAIL } from './demo-people.js';
import { buildDemoData, seedDemo } from './seed-demo.js';

// Runs on in-memory SQLite, and on PostgreSQL too when the postgres project is enabled.
const NOW = new Date('2026-12-02T10:17:00.000Z');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seedDemo', () => {
  let handle: DbHandle;
  let first: Awaited<ReturnType<typeof seedDemo>>;

  beforeAll(async () => {
    handle = await createTestDatabase();
    first = await seedDemo(handle.db, NOW);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('gives the last ended session of talks and some labs a recording, already announced (no mail at start)', async () => {
    const recorded = await handle.db
      .selectFrom('sessions')
      .select(['ends_at', 'recording_url', 'session_materials', 'recording_added_at'])
      .where('recording_url', 'is not', null)
      .execute();
    expect(recorded.length).toBeGreaterThan(3);
    for (const s of recorded) {
      expect(Date.parse(String(s.ends_at))).toBeLessThan(NOW.getTime());
      expect(s.recording_url).toMatch(/^https:\/\/video\.lyceum\.example\/recordings\/[a-z0-9-]+$/);
      expect(JSON.parse(s.session_materials ?? '[]')).toEqual([{ title: 'Slides', url: expect.stringMatching(/^https:/) }]);
      expect(s.recording_added_at).not.toBeNull();
    }
  });

  it('reports what it inserted', async () => {
    expect(first.skipped).toBe(false);
    const count = async (table: 'people' | 'workshops' | 'sessions' | 'registrations' | 'checklist_runs') =>
      Number(
        (
          await handle.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(first).toEqual({
      people: await count('people'),
      workshops: await count('workshops'),
      sessions: await count('sessions'),
      registrations: await count('registrations'),
      checklists: await count('checklist_runs'),
      skipped: false,
    });
    expect(first.registrations).toBeGreaterThan(0);
    expect(first.checklists).toBeGreaterThan(0);
  });

  it('creates an organisation of about 200 people in a dozen teams and several zones', async () => {
    const people = await handle.db.selectFrom('people').selectAll().execute();
    expect(people.length).toBeGreaterThanOrEqual(180);
    expect(people.length).toBeLessThanOrEqual(230);
    const teams = new Set(people.map((p) => p.team));
    expect(teams.size).toBeGreaterThanOrEqual(10);
    expect(teams.size).toBeLessThanOrEqual(14);
    expect(new Set(people.map((p) => p.time_zone)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    for (const p of people) {
      expect(p.id).toMatch(UUID);
      expect(p.email).toMatch(/^[a-z0-9]+\.[a-z0-9]+@lyceum\.example$/);
    }
  });

  it('has exactly four admins, all in Developer Education, Jasmine Robinson among them', async () => {
    const admins = await handle.db.selectFrom('people').selectAll().where('role', '=', 'admin').execute();
    expect(admins).toHaveLength(4);
    expect(new Set(admins.map((a) => a.team))).toEqual(new Set(['Developer Education']));
    const team = await handle.db.selectFrom('people').select('id').where('team', '=', 'Developer Education').execute();
    expect(team).toHaveLength(4);
    expect(admins.find((a) => a.email === FIRST_DEMO_EMAIL)?.name).toBe('Jasmine Robinson');
  });

  it('has a manager hierarchy that ends at one CTO', async () => {
    const people = await handle.db.selectFrom('people').select(['id', 'manager_id', 'title', 'team']).execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    const roots = people.filter((p) => p.manager_id === null);
    expect(roots.map((p) => p.title)).toEqual(['Chief Technology Officer']);
    for (const p of people) {
      if (p.manager_id !== null) expect(byId.has(p.manager_id)).toBe(true);
      // Everyone reaches the CTO in at most three steps (report → manager → director → CTO).
      let current = p;
      for (let steps = 0; current.manager_id !== null; steps++) {
        expect(steps).toBeLessThan(3);
        current = byId.get(current.manager_id) ?? current;
      }
    }
    const teams = new Set(people.map((p) => p.team).filter((t) => t !== 'Engineering Leadership'));
    for (const team of teams) {
      const managers = people.filter((p) => p.team === team && p.title === 'Engineering Manager');
      expect(managers, team ?? '').toHaveLength(1);
    }
  });

  it('creates about 40 workshops, some drafts, each with an owner, tags and valid JSON lists', async () => {
    const workshops = await handle.db.selectFrom('workshops').selectAll().execute();
    expect(workshops.length).toBeGreaterThanOrEqual(35);
    expect(workshops.length).toBeLessThanOrEqual(50);
    const drafts = workshops.filter((w) => w.status === 'draft');
    expect(drafts.length).toBeGreaterThanOrEqual(2);
    expect(drafts.every((w) => w.published_at === null)).toBe(true);
    expect(new Set(workshops.map((w) => w.format)).size).toBe(5);

    const hosts = await handle.db.selectFrom('workshop_hosts').selectAll().execute();
    const tags = await handle.db.selectFrom('workshop_tags').selectAll().execute();
    for (const w of workshops) {
      const owners = hosts.filter((h) => h.workshop_id === w.id && h.role === 'owner');
      expect(owners, w.title).toHaveLength(1);
      expect(owners[0]?.person_id).toBe(w.created_by);
      const own = tags.filter((t) => t.workshop_id === w.id).map((t) => t.tag);
      expect(own.length, w.title).toBeGreaterThanOrEqual(2);
      for (const tag of own) expect(tag).toMatch(/^[a-z0-9][a-z0-9-]*$/);
      const objectives = JSON.parse(w.objectives) as string[];
      expect(objectives.length, w.title).toBeGreaterThanOrEqual(1);
      const materials = JSON.parse(w.materials) as { title: string; url: string }[];
      for (const m of materials) expect(m.url).toMatch(/^https:\/\//);
      expect(w.created_at <= w.updated_at).toBe(true);
      if (w.published_at) expect(w.created_at < w.published_at && w.published_at < NOW.toISOString()).toBe(true);
    }
  });

  it('schedules two years of past sessions and the upcoming weeks, with varied modes, seats and a few cancellations', async () => {
    const sessions = await handle.db.selectFrom('sessions').selectAll().execute();
    const now = NOW.toISOString();
    // About 100 around the current week (weeks -8…5), and 150–300 before them (demo-history.ts).
    const recent = sessions.filter((s) => Date.parse(s.starts_at) > NOW.getTime() - 9 * 7 * 86_400_000);
    expect(recent.length).toBeGreaterThanOrEqual(70);
    expect(recent.length).toBeLessThanOrEqual(130);
    expect(sessions.length - recent.length).toBeGreaterThanOrEqual(150);
    expect(sessions.length - recent.length).toBeLessThanOrEqual(300);
    expect(sessions.every((s) => Date.parse(s.starts_at) > NOW.getTime() - 2 * 366 * 86_400_000)).toBe(true);
    expect(sessions.some((s) => s.starts_at < now)).toBe(true);
    expect(sessions.some((s) => s.starts_at > now)).toBe(true);
    for (const s of sessions) {
      expect(s.ends_at > s.starts_at).toBe(true);
      expect(s.created_at <= s.starts_at && s.created_at < now).toBe(true);
      if (s.mode !== 'in_person') expect(s.video_url).toMatch(/^https:\/\//);
      if (s.mode !== 'online') expect(s.location).toBeTruthy();
      if (s.status === 'cancelled') expect(s.cancelled_at).not.toBeNull();
      else expect(s.cancelled_at).toBeNull();
    }
    expect(new Set(sessions.map((s) => s.mode))).toEqual(new Set(['in_person', 'online', 'hybrid']));
    expect(sessions.filter((s) => s.status === 'cancelled').length).toBeGreaterThanOrEqual(2);
    expect(sessions.some((s) => s.seats === null)).toBe(true);
    expect(sessions.some((s) => s.seats !== null && s.seats <= 8)).toBe(true);
    expect(sessions.some((s) => s.seats !== null && s.seats >= 30)).toBe(true);
    expect(new Set(sessions.map((s) => s.time_zone)).size).toBeGreaterThanOrEqual(4);
  });

  it('fills sessions within their seats, with a few full ones and gap-free waitlists', async () => {
    const sessions = await handle.db.selectFrom('sessions').selectAll().execute();
    const hot = new Set(HOT_WORKSHOPS.map((title) => demoId(`workshop:${title}`)));
    const registrations = await handle.db.selectFrom('registrations').selectAll().execute();
    const hosts = await handle.db.selectFrom('workshop_hosts').selectAll().execute();
    const now = NOW.toISOString();
    expect(registrations.length).toBeGreaterThanOrEqual(500);
    let fullWithWaitlist = 0;
    for (const s of sessions) {
      const own = registrations.filter((r) => r.session_id === s.id);
      if (s.status === 'cancelled') expect(own, s.id).toEqual([]);
      const hostIds = new Set(hosts.filter((h) => h.workshop_id === s.workshop_id).map((h) => h.person_id));
      const active = own.filter((r) => r.status !== 'cancelled');
      // One active registration per person; hosts never register for their own sessions.
      expect(new Set(active.map((r) => r.person_id)).size, s.id).toBe(active.length);
      for (const r of own) {
        expect(r.id).toMatch(UUID);
        expect(hostIds.has(r.person_id), s.id).toBe(false);
        expect(r.created_at < s.starts_at && r.created_at < now && r.created_at >= s.created_at, r.id).toBe(true);
        expect(r.updated_at >= r.created_at && r.updated_at < now, r.id).toBe(true);
        expect(s.mode === 'hybrid' ? ['in_person', 'online'] : [s.mode]).toContain(r.mode);
        expect(r.position === null, r.id).toBe(r.status !== 'waitlisted');
        expect(r.checked_in_at === null, r.id).toBe(r.status !== 'attended');
        expect(r.cancelled_at === null, r.id).toBe(r.status !== 'cancelled');
        if (r.cancelled_at !== null) {
          expect(r.cancelled_at < s.starts_at, r.id).toBe(true);
          const late = Date.parse(s.starts_at) - Date.parse(r.cancelled_at) < 86_400_000;
          expect(r.late_cancellation, r.id).toBe(late ? 1 : 0);
        } else expect(r.late_cancellation, r.id).toBe(0);
        expect(r.walk_in).toBe(0);
        expect(r.offer_expires_at).toBeNull();
      }
      for (const mode of ['in_person', 'online'] as const) {
        const pool = active.filter((r) => r.mode === mode);
        const limit = mode === 'online' && s.mode === 'hybrid' ? s.online_seats : s.seats;
        const seated = pool.filter((r) => r.status === 'enrolled' || r.status === 'attended' || r.status === 'no_show');
        if (limit !== null) expect(seated.length, `${s.id} ${mode}`).toBeLessThanOrEqual(limit);
        const waiting = pool.filter((r) => r.status === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
        expect(
          waiting.map((r) => r.position),
          `${s.id} ${mode}`,
        ).toEqual(waiting.map((_, i) => i + 1));
        const lastSeat =
          seated
            .map((r) => r.created_at)
            .sort()
            .at(-1) ?? '';
        for (let i = 0; i < waiting.length; i++) {
          expect((waiting[i]?.created_at ?? '') > lastSeat).toBe(true);
          if (i > 0) expect((waiting[i]?.created_at ?? '') > (waiting[i - 1]?.created_at ?? '')).toBe(true);
        }
        if (waiting.length > 0) {
          // Past sessions left people waiting only in the workshops in demand (demo-demand.ts).
          expect(s.starts_at > now || hot.has(s.workshop_id), s.id).toBe(true);
          expect(seated.length).toBe(limit);
          if (s.starts_at > now) fullWithWaitlist++;
        }
      }
      if (s.status === 'scheduled' && s.starts_at > now && s.seats === null && s.mode !== 'hybrid') {
        expect(active.length, s.id).toBeGreaterThanOrEqual(5);
        expect(active.length, s.id).toBeLessThanOrEqual(40);
      }
    }
    expect(fullWithWaitlist).toBeGreaterThanOrEqual(3);
    expect(fullWithWaitlist).toBeLessThanOrEqual(6);
    const published = new Set(
      (await handle.db.selectFrom('workshops').select('id').where('status', '=', 'published').execute()).map((w) => w.id),
    );
    for (const s of sessions) {
      const registered = registrations.some((r) => r.session_id === s.id);
      // Upcoming sessions of published workshops all have registrations; drafts have none.
      if (!published.has(s.workshop_id)) expect(registered, s.id).toBe(false);
      else if (s.status === 'scheduled' && s.starts_at > now) expect(registered, s.id).toBe(true);
    }
  });

  it('records attendance, no-shows and cancellations for past sessions', async () => {
    const sessions = await handle.db.selectFrom('sessions').selectAll().where('status', '=', 'scheduled').execute();
    const registrations = await handle.db.selectFrom('registrations').selectAll().execute();
    const now = NOW.toISOString();
    const past = sessions.filter((s) => s.ends_at <= now);
    expect(past.length).toBeGreaterThan(0);
    let attended = 0;
    let seated = 0;
    for (const s of past) {
      const own = registrations.filter((r) => r.session_id === s.id);
      expect(
        own.every((r) => ['attended', 'no_show', 'cancelled', 'waitlisted'].includes(r.status)),
        s.id,
      ).toBe(true);
      expect(
        own.some((r) => r.status === 'attended'),
        s.id,
      ).toBe(true);
      for (const r of own.filter((x) => x.status === 'attended')) {
        const minutes = (Date.parse(r.checked_in_at ?? '') - Date.parse(s.starts_at)) / 60_000;
        expect(minutes >= -10 && minutes <= 15, r.id).toBe(true);
      }
      attended += own.filter((r) => r.status === 'attended').length;
      seated += own.filter((r) => r.status === 'attended' || r.status === 'no_show').length;
    }
    expect(registrations.some((r) => r.status === 'no_show')).toBe(true);
    expect(attended / seated).toBeGreaterThanOrEqual(0.7);
    expect(attended / seated).toBeLessThanOrEqual(0.85);
    const cancelled = registrations.filter((r) => r.status === 'cancelled');
    expect(cancelled.length).toBeGreaterThan(0);
    expect(cancelled.some((r) => r.late_cancellation === 1)).toBe(true);
    expect(cancelled.some((r) => r.late_cancellation === 0)).toBe(true);
  });

  it('gives Jasmine Robinson a lively My learning page', async () => {
    const jasmine = await handle.db.selectFrom('people').select('id').where('email', '=', FIRST_DEMO_EMAIL).executeTakeFirstOrThrow();
    const mine = await handle.db
      .selectFrom('registrations')
      .innerJoin('sessions', 'sessions.id', 'registrations.session_id')
      .select(['registrations.status', 'registrations.position', 'sessions.starts_at'])
      .where('registrations.person_id', '=', jasmine.id)
      .execute();
    const now = NOW.toISOString();
    const upcoming = mine.filter((r) => r.starts_at > now);
    expect(upcoming.filter((r) => r.status === 'enrolled')).toHaveLength(2);
    expect(upcoming.filter((r) => r.status === 'waitlisted').map((r) => r.position)).toEqual([2]);
    expect(mine.filter((r) => r.starts_at < now && r.status === 'attended')).toHaveLength(2);
    expect(mine).toHaveLength(5);
  });

  it('does nothing the second time', async () => {
    const before = await handle.db.selectFrom('people').select('id').execute();
    const again = await seedDemo(handle.db, NOW);
    expect(again.skipped).toBe(true);
    expect(await handle.db.selectFrom('people').select('id').execute()).toHaveLength(before.length);
  });
});

describe('demo data validity', () => {
  it('passes the same validation the API applies to workshops and sessions', () => {
    const data = buildDemoData(NOW);
    const tagsOf = (id: string) => data.tags.filter((t) => t.workshop_id === id).map((t) => t.tag);
    for (const w of data.workshops) {
      const body = {
        title: w.title,
        summary: w.summary,
        description: w.description,
        format: w.format,
        durationMinutes: w.duration_minutes,
        tags: tagsOf(w.id),
        audience: w.audience,
        objectives: JSON.parse(w.objectives),
        prerequisites: w.prerequisites,
        materials: JSON.parse(w.materials),
      };
      const parsed = updateWorkshopBody.safeParse(body);
      expect(parsed.success ? [] : parsed.error.issues, w.title).toEqual([]);
      expect(parsed.data?.tags, w.title).toEqual(body.tags);
    }
    for (const s of data.sessions) {
      const parsed = createSessionBody.safeParse({
        startsAt: s.starts_at,
        endsAt: s.ends_at,
        timeZone: s.time_zone,
        mode: s.mode,
        location: s.location,
        videoUrl: s.video_url,
        seats: s.seats,
      });
      expect(parsed.success ? [] : parsed.error.issues, s.id).toEqual([]);
    }
  });

  it('writes descriptions as Markdown without stray indentation', () => {
    for (const w of buildDemoData(NOW).workshops) {
      expect(w.description.startsWith(' '), w.title).toBe(false);
      expect(w.description.split('\n\n').length, w.title).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('demo data determinism', () => {
  it('gives two fresh databases the same people and workshops for the same now', async () => {
    const snapshots = [];
    for (let i = 0; i < 2; i++) {
      const handle = await createTestDatabase();
      try {
        await seedDemo(handle.db, NOW);
        snapshots.push({
          people: (await handle.db.selectFrom('people').select(['id', 'email']).orderBy('id').execute()).map((p) => `${p.id} ${p.email}`),
          titles: (await handle.db.selectFrom('workshops').select('title').orderBy('title').execute()).map((w) => w.title),
          sessions: (await handle.db.selectFrom('sessions').select(['id', 'starts_at']).orderBy('id').execute()).map(
            (s) => `${s.id} ${s.starts_at}`,
          ),
          registrations: (
            await handle.db
              .selectFrom('registrations')
              .select(['id', 'session_id', 'person_id', 'mode', 'status', 'position', 'checked_in_at', 'cancelled_at', 'created_at'])
              .orderBy('id')
              .execute()
          ).map((r) => Object.values(r).join(' ')),
        });
      } finally {
        await handle.close();
      }
    }
    expect(snapshots[1]).toEqual(snapshots[0]);
  });

  it('keeps ids stable and shifts the calendar by whole weeks as time passes', () => {
    // Both weeks and the 14 weeks around them sit between the autumn and spring clock changes.
    const a = buildDemoData(new Date('2027-01-06T09:00:00.000Z'));
    const b = buildDemoData(new Date('2027-01-13T16:30:00.000Z'));
    expect(b.people.map((p) => p.id)).toEqual(a.people.map((p) => p.id));
    expect(b.workshops.map((w) => w.id)).toEqual(a.workshops.map((w) => w.id));
    expect(b.sessions.map((s) => s.id)).toEqual(a.sessions.map((s) => s.id));
    const week = 7 * 86_400_000;
    b.sessions.forEach((s, i) => {
      const shift = Date.parse(s.starts_at) - Date.parse(a.sessions[i]?.starts_at ?? '');
      // Two years of history cross clock changes: a week later can be an hour earlier or later there.
      if (Date.parse(s.starts_at) > Date.parse('2026-11-09T00:00:00Z')) expect(shift).toBe(week);
      else expect(Math.abs(shift - week)).toBeLessThanOrEqual(3_600_000);
    });
  });
});

describe('demo checklists and channels', () => {
  it('has checklists in progress on published workshops, their answers on their own template, and suggestions waiting', async () => {
    const handle = await createTestDatabase();
    try {
      await seedDemo(handle.db, new Date('2026-11-25T09:00:00Z'));
      const runs = await handle.db
        .selectFrom('checklist_runs as r')
        .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
        .select(['r.id', 'r.version_id', 'w.status'])
        .execute();
      expect(runs.length).toBeGreaterThanOrEqual(10);
      expect(runs.every((r) => r.status === 'published')).toBe(true);
      const strays = await handle.db
        .selectFrom('checklist_answers as a')
        .innerJoin('checklist_runs as r', 'r.id', 'a.run_id')
        .leftJoin('checklist_items as i', (join) => join.onRef('i.version_id', '=', 'r.version_id').onRef('i.key', '=', 'a.item_key'))
        .select('a.item_key')
        .where('i.id', 'is', null)
        .execute();
      expect(strays).toEqual([]);
      const answers = await handle.db.selectFrom('checklist_answers').select('answer').execute();
      expect(answers.some((a) => a.answer === 'no')).toBe(true);
      const open = await handle.db.selectFrom('checklist_suggestions').select('id').where('status', '=', 'open').execute();
      expect(open.length).toBeGreaterThan(0);
      // Channels collect workshops by topic, and the search index knows them.
      expect((await handle.db.selectFrom('channels').select('id').execute()).length).toBe(8);
      expect((await handle.db.selectFrom('workshop_channels').select('workshop_id').execute()).length).toBeGreaterThan(20);
      expect((await handle.db.selectFrom('workshop_search').select('workshop_id').execute()).length).toBe(
        (await handle.db.selectFrom('workshops').select('id').execute()).length,
      );
    } finally {
      await handle.close();
    }
  });
});
