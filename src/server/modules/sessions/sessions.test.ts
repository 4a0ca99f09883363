import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';
import { expectError } from '../../../../test/helpers/errors.js';
import { sessionBody, workshopBody } from '../../../../test/helpers/factories.js';
import { newId, nowIso } from '../../platform/ids.js';

const { t, host, learner, stranger } = testAppWithPeople({
  host: { name: 'Hana Host' },
  learner: { name: 'Lee Learner' },
  stranger: { name: 'Sam Stranger' },
});

async function newWorkshop(opts: { published: boolean }): Promise<string> {
  const w = (await as(t.app, host.token).post('/api/v1/workshops', workshopBody())).json();
  if (opts.published) expect((await as(t.app, host.token).post(`/api/v1/workshops/${w.id}/publish`)).statusCode).toBe(200);
  return w.id;
}

async function schedule(workshopId: string, body = sessionBody()) {
  const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions`, body);
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The same instant written with a +02:00 offset instead of Z. */
function withPlusTwo(date: Date): string {
  return `${new Date(date.getTime() + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;
}

function amsterdamWallClock(iso: string): { weekday: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return { weekday: part('weekday') ?? '', time: `${part('hour')}:${part('minute')}` };
}

describe('scheduling a session', () => {
  it('creates a session with the fields given and stores times as UTC', async () => {
    const workshopId = await newWorkshop({ published: true });
    const start = new Date(Date.now() + 10 * 86_400_000);
    start.setUTCHours(8, 0, 0, 0);
    const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions`, {
      startsAt: withPlusTwo(start),
      endsAt: withPlusTwo(new Date(start.getTime() + 90 * 60_000)),
      timeZone: 'Europe/Amsterdam',
      mode: 'hybrid',
      location: 'Amsterdam · Room Turing',
      videoUrl: 'https://meet.example.com/kafka',
      seats: 12,
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      workshopId,
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
      timeZone: 'Europe/Amsterdam',
      mode: 'hybrid',
      location: 'Amsterdam · Room Turing',
      videoUrl: 'https://meet.example.com/kafka',
      seats: 12,
      status: 'scheduled',
      cancelledAt: null,
    });
    const read = (await as(t.app, learner.token).get(`/api/v1/sessions/${s.id}`)).json();
    expect(read).toMatchObject({ startsAt: start.toISOString(), endsAt: s.endsAt, seats: 12 });
    expect(read.workshop.id).toBe(workshopId);
  });

  it('treats seats: null as unlimited', async () => {
    const workshopId = await newWorkshop({ published: true });
    const s = await schedule(workshopId, sessionBody(5, { seats: null, mode: 'online', location: null }));
    expect(s.seats).toBeNull();
  });

  const tomorrow = sessionBody(1);
  it.each([
    ['an end before the start', { endsAt: new Date(Date.parse(tomorrow.startsAt) - 60_000).toISOString() }, 'endsAt'],
    ['an end equal to the start', { endsAt: tomorrow.startsAt }, 'endsAt'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a start in the past', { startsAt: '2020-01-01T10:00:00Z', endsAt: '2020-01-01T11:00:00Z' }, 'startsAt'],
    ['an ftp video link', { videoUrl: 'ftp://files.example.com/talk' }, 'videoUrl'],
    ['a javascript: video link', { videoUrl: 'javascript:alert(1)' }, 'videoUrl'],
    ['zero seats', { seats: 0 }, 'seats'],
    ['negative seats', { seats: -1 }, 'seats'],
    ['an unknown mode', { mode: 'telepathy' }, 'mode'],
    ['a date that is not ISO 8601', { startsAt: 'next tuesday' }, 'startsAt'],
  ])('rejects %s with 400 naming the field', async (_label, override, field) => {
    const workshopId = await newWorkshop({ published: false });
    const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions`, { ...tomorrow, ...override });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    const list = (await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/sessions`)).json();
    expect(list.items).toEqual([]);
  });
});

describe('scheduling a repeating series', () => {
  it('creates one session per week that keeps the local time, even across a daylight-saving change', async () => {
    const workshopId = await newWorkshop({ published: true });
    // Tuesday 15 Oct 2030, 10:00 in Amsterdam (summer time); clocks go back on Sunday 27 Oct.
    const res = await as(t.app, host.token).post(`/api/v1/workshops/${workshopId}/sessions/recurring`, {
      ...sessionBody(),
      startsAt: '2030-10-15T10:00:00+02:00',
      endsAt: '2030-10-15T11:30:00+02:00',
      repeat: { frequency: 'weekly', count: 4 },
    });
    expect(res.statusCode).toBe(201);
    const items: { id: string; startsAt: string; endsAt: string }[] = res.json().items;
    expect(items.map((s) => s.startsAt)).toEqual([
      '2030-10-15T08:00:00.000Z',
      '2030-10-22T08:00:00.000Z',
      '2030-10-29T09:00:00.000Z',
      '2030-11-05T09:00:00.000Z',
    ]);
    for (const s of items) {
      expect(amsterdamWallClock(s.startsAt)).toEqual({ weekday: 'Tuesday', time: '10:00' });
      expect(Date.parse(s.endsAt) - Date.parse(s.startsAt)).toBe(90 * 60_000);
    }
    expect(new Set(items.map((s) => s.id)).size).toBe(4);

    // Each one is its own session: cancelling one leaves the others alone.
    await as(t.app, host.token).post(`/api/v1/sessions/${items[1]?.id}/cancel`);
    const list = (await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/sessions`)).json();
    expect(list.items.map((s: { status: string }) => s.status)).toEqual(['scheduled', 'cancelled', 'scheduled', 'scheduled']);
  });

  it('rejects a repeat rule without a count and a series that starts in the past', async () => {
    const workshopId = await newWorkshop({ published: true });
    const url = `/api/v1/workshops/${workshopId}/sessions/recurring`;
    const noCount = await as(t.app, host.token).post(url, { ...sessionBody(), repeat: { frequency: 'weekly' } });
    expectError(noCount, 400, 'validation_failed');
    expect(noCount.json().error.details.map((d: { field: string }) => d.field)).toContain('repeat.count');
    const past = await as(t.app, host.token).post(url, {
      ...sessionBody(),
      startsAt: '2020-01-07T10:00:00Z',
      endsAt: '2020-01-07T11:00:00Z',
      repeat: { frequency: 'weekly', count: 4 },
    });
    expectError(past, 400, 'validation_failed');
    expect((await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/sessions`)).json().items).toEqual([]);
  });
});

describe('changing a session', () => {
  it('lets a host move a session and change its details', async () => {
    const s = await schedule(await newWorkshop({ published: true }));
    const later = new Date(Date.parse(s.startsAt) + 86_400_000);
    const res = await as(t.app, host.token).patch(`/api/v1/sessions/${s.id}`, {
      startsAt: withPlusTwo(later),
      endsAt: withPlusTwo(new Date(later.getTime() + 3_600_000)),
      mode: 'online',
      videoUrl: 'https://meet.example.com/moved',
      seats: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ startsAt: later.toISOString(), mode: 'online', seats: null, location: s.location });
    const read = (await as(t.app, learner.token).get(`/api/v1/sessions/${s.id}`)).json();
    // The learner has no seat, so the link stays with the host (video-link.test.ts has the rule).
    expect(read).toMatchObject({ startsAt: later.toISOString(), videoUrl: null, seats: null });
    expect((await as(t.app, host.token).get(`/api/v1/sessions/${s.id}`)).json().videoUrl).toBe('https://meet.example.com/moved');
  });

  it('refuses an end before the existing start', async () => {
    const s = await schedule(await newWorkshop({ published: true }));
    const res = await as(t.app, host.token).patch(`/api/v1/sessions/${s.id}`, { endsAt: s.startsAt });
    expectError(res, 400, 'validation_failed');
    expect(res.json().error.details[0].field).toBe('endsAt');
  });

  it("a stranger cannot change someone else's session (403) and nothing changes", async () => {
    const s = await schedule(await newWorkshop({ published: true }));
    const res = await as(t.app, stranger.token).patch(`/api/v1/sessions/${s.id}`, { location: 'My garage' });
    expectError(res, 403, 'forbidden');
    expectError(await as(t.app, stranger.token).post(`/api/v1/sessions/${s.id}/cancel`), 403, 'forbidden');
    const read = (await as(t.app, stranger.token).get(`/api/v1/sessions/${s.id}`)).json();
    expect(read).toMatchObject({ location: s.location, status: 'scheduled' });
  });

  it("a draft's sessions do not exist for a learner (404)", async () => {
    const s = await schedule(await newWorkshop({ published: false }));
    for (const res of [
      await as(t.app, learner.token).get(`/api/v1/sessions/${s.id}`),
      await as(t.app, learner.token).patch(`/api/v1/sessions/${s.id}`, { location: 'Elsewhere' }),
      await as(t.app, learner.token).delete(`/api/v1/sessions/${s.id}`),
      await as(t.app, learner.token).get(`/api/v1/workshops/${s.workshopId}/sessions`),
    ]) {
      expectError(res, 404, 'not_found');
    }
  });
});

describe('cancelling and deleting', () => {
  it('cancels a published session, which stays visible as cancelled', async () => {
    const s = await schedule(await newWorkshop({ published: true }));
    const res = await as(t.app, host.token).post(`/api/v1/sessions/${s.id}/cancel`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('cancelled');
    expect(Date.parse(res.json().cancelledAt)).not.toBeNaN();

    const seen = await as(t.app, learner.token).get(`/api/v1/sessions/${s.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ status: 'cancelled', cancelledAt: res.json().cancelledAt });

    const again = await as(t.app, host.token).post(`/api/v1/sessions/${s.id}/cancel`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'cancelled', cancelledAt: res.json().cancelledAt });

    const edit = await as(t.app, host.token).patch(`/api/v1/sessions/${s.id}`, { location: 'Back on' });
    expectError(edit, 409, 'invalid_state');
  });

  it('refuses to delete a session of a published workshop; it is still there', async () => {
    const s = await schedule(await newWorkshop({ published: true }));
    const res = await as(t.app, host.token).delete(`/api/v1/sessions/${s.id}`);
    expectError(res, 409, 'invalid_state');
    const seen = await as(t.app, learner.token).get(`/api/v1/sessions/${s.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().status).toBe('scheduled');
  });

  it("deletes a draft workshop's session for good", async () => {
    const s = await schedule(await newWorkshop({ published: false }));
    const res = await as(t.app, host.token).delete(`/api/v1/sessions/${s.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectError(await as(t.app, host.token).get(`/api/v1/sessions/${s.id}`), 404, 'not_found');
    expect((await as(t.app, host.token).get(`/api/v1/workshops/${s.workshopId}/sessions`)).json().items).toEqual([]);
  });
});

describe("listing a workshop's sessions", () => {
  it('splits upcoming from past, pages each with a cursor, and shows past sessions latest first', async () => {
    const workshopId = await newWorkshop({ published: true });
    const upcoming = [];
    for (const days of [9, 3, 6]) upcoming.push(await schedule(workshopId, sessionBody(days)));
    const past = [10, 40, 20].map((daysAgo) => {
      const start = new Date(Date.now() - daysAgo * 86_400_000);
      return { id: newId(), starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3_600_000).toISOString() };
    });
    await t.database.db
      .insertInto('sessions')
      .values(
        past.map((p) => ({
          ...p,
          workshop_id: workshopId,
          time_zone: 'UTC',
          mode: 'online' as const,
          status: 'scheduled' as const,
          created_at: nowIso(),
          updated_at: nowIso(),
        })),
      )
      .execute();

    const walk = async (when: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/workshops/${workshopId}/sessions?when=${when}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await as(t.app, learner.token).get(url);
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.items.length).toBeLessThanOrEqual(2);
        seen.push(...body.items.map((s: { startsAt: string }) => s.startsAt));
        cursor = body.nextCursor;
      } while (cursor);
      return seen;
    };
    const byStart = (a: string, b: string) => a.localeCompare(b);
    const upcomingStarts = upcoming.map((s) => s.startsAt).sort(byStart);
    const pastStarts = past.map((p) => p.starts_at).sort(byStart);
    expect(await walk('upcoming')).toEqual(upcomingStarts);
    expect(await walk('past')).toEqual([...pastStarts].reverse());
    expect(await walk('all')).toEqual([...pastStarts, ...upcomingStarts]);
  });

  it('rejects an unknown "when" and unknown query parameters', async () => {
    const workshopId = await newWorkshop({ published: true });
    for (const query of ['when=soon', 'sort=desc']) {
      const res = await as(t.app, host.token).get(`/api/v1/workshops/${workshopId}/sessions?${query}`);
      expectError(res, 400, 'validation_failed');
    }
  });
});
