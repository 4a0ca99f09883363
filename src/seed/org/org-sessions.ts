/**
 * 50,000 sessions over five years (four past, one ahead). Each published workshop runs from
 * shortly after publication until it retires (talks soon, labs and office hours for months or
 * for good), at a pace that suits its format; the totals are scaled to exactly 50,000. Sessions
 * start at local working hours in the host's zone, in a room of the host's office or online.
 */
import { DateTime } from 'luxon';
import type { SessionsTable } from '../../server/db/schema.js';
import { DAY, HOUR, iso, WEEK } from '../shared/clock.js';
import type { OfficeKey } from '../shared/places.js';
import { Random } from '../shared/random.js';
import { LOCAL_START_TIMES, MODE_WEIGHTS, pickRoom, typicalSeats } from '../shared/session-habits.js';
import { slugify } from '../shared/text.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPerson } from './org-people.js';
import { apportion } from './org-people.js';
import type { Format } from './org-text.js';
import type { OrgWorkshop } from './org-workshops.js';

export const ORG_SESSIONS = 50_000;

type Mode = SessionsTable['mode'];

export interface OrgSession {
  index: number;
  id: string;
  workshop: OrgWorkshop;
  host: OrgPerson;
  startMs: number;
  endMs: number;
  zone: string;
  mode: Mode;
  /** The office of an in-person or hybrid session: its in-person seats go to people there. */
  officeKey: OfficeKey | null;
  location: string | null;
  videoUrl: string | null;
  seats: number | null;
  onlineSeats: number | null;
  cancelledMs: number | null;
  createdMs: number;
}

/** Chance that a workshop keeps running (rather than retiring), and sessions per 30 days. */
const PACE: Record<Format, { evergreen: number; rate: [number, number] }> = {
  office_hours: { evergreen: 0.6, rate: [2, 4] },
  hands_on_lab: { evergreen: 0.45, rate: [0.4, 1.2] },
  course: { evergreen: 0.5, rate: [0.3, 0.6] },
  talk: { evergreen: 0.3, rate: [0.15, 0.5] },
  discussion: { evergreen: 0.35, rate: [0.4, 1] },
};

/** The same week, moved to a working day at one of the format's local start times. */
function workingTime(random: Random, ms: number, zone: string, format: Format): number {
  let day = DateTime.fromMillis(ms, { zone });
  if (day.weekday === 6) day = day.minus({ days: 1 });
  if (day.weekday === 7) day = day.plus({ days: 1 });
  const [hour, minute] = random.pick(LOCAL_START_TIMES[format]);
  // Nobody books a Friday-afternoon workshop: those move to Thursday.
  if (day.weekday === 5 && hour >= 12) day = day.minus({ days: 1 });
  return day.set({ hour, minute, second: 0, millisecond: 0 }).toMillis();
}

export function buildOrgSessions(workshops: readonly OrgWorkshop[], clock: OrgClock): OrgSession[] {
  const random = new Random('org:sessions');
  const published = workshops.filter((w) => w.publishedMs !== null);
  const spans = published.map((w) => {
    const pace = PACE[w.format];
    const startMs = Math.max(clock.fromMs, (w.publishedMs as number) + random.int(3, 21) * DAY);
    const horizon = w.format === 'office_hours' || w.format === 'course' ? random.int(8, 52) : random.int(2, 20);
    const endMs = random.chance(pace.evergreen)
      ? clock.anchorMs + horizon * WEEK
      : startMs + (w.format === 'talk' ? random.int(0, 26) : random.int(4, 104)) * WEEK;
    // Nobody schedules far ahead: whatever its lifetime, a workshop's sessions stop at its horizon.
    const until = Math.max(startMs, Math.min(endMs, clock.anchorMs + horizon * WEEK, clock.untilMs - DAY));
    const rate = pace.rate[0] + (pace.rate[1] - pace.rate[0]) * random.float();
    return { w, startMs, endMs: until, raw: Math.max(0.5, ((until - startMs) / (30 * DAY)) * rate) };
  });
  // Every published workshop runs at least once; the rest is shared out by pace and lifetime.
  const counts = apportion(
    ORG_SESSIONS - spans.length,
    spans.map((s) => s.raw),
  ).map((n) => n + 1);

  const sessions: Omit<OrgSession, 'index' | 'id'>[] = [];
  spans.forEach(({ w, startMs, endMs }, i) => {
    const n = counts[i] ?? 1;
    const step = (endMs - startMs) / n;
    for (let k = 0; k < n; k++) {
      const host = w.hosts.length > 1 && random.chance(0.25) ? random.pick(w.hosts.slice(1)) : (w.hosts[0] as OrgPerson);
      const zone = host.office.timeZone;
      const at = startMs + step * (k + 0.5 + (random.float() - 0.5) * 0.7);
      let start = workingTime(random, at, zone, w.format);
      for (let shift = 1; start < startMs; shift++) start = workingTime(random, at + shift * DAY, zone, w.format);
      if (start > clock.untilMs - DAY) start = workingTime(random, clock.untilMs - 7 * DAY, zone, w.format);
      const mode: Mode = host.office.remote ? 'online' : random.weighted(MODE_WEIGHTS[w.format]);
      let seats = typicalSeats(w.format, mode, random);
      let location: string | null = null;
      if (mode !== 'online') {
        const room = pickRoom(host.office.rooms, seats, w.format);
        if (mode === 'in_person' && (seats === null || seats > room.capacity)) seats = room.capacity;
        location = `${host.office.name} · ${room.name}`;
      }
      const onlineSeats = mode === 'hybrid' && random.chance(0.4) ? random.pick([20, 30, 50]) : null;
      const createdMs = Math.max(
        w.publishedMs as number,
        Math.min(start - random.int(7, 45) * DAY, clock.anchorMs - random.int(1, 240) * HOUR) - random.int(0, 3600) * 1000,
      );
      let cancelledMs: number | null = null;
      if (random.chance(0.025)) {
        const latest = Math.min(clock.anchorMs - HOUR, start - HOUR);
        const at2 = Math.max(createdMs + HOUR, latest - random.int(0, 10 * 24) * HOUR);
        if (at2 <= latest) cancelledMs = at2;
      }
      sessions.push({
        workshop: w,
        host,
        startMs: start,
        endMs: start + w.durationMinutes * 60_000,
        zone,
        mode,
        officeKey: mode === 'online' ? null : host.officeKey,
        location,
        videoUrl: mode === 'in_person' ? null : `https://meet.example.com/${slugify(w.title, 40)}`,
        seats,
        onlineSeats,
        cancelledMs,
        createdMs: Math.min(createdMs, start - HOUR),
      });
    }
  });
  // In start order: the order a calendar shows them, and index-friendly to insert.
  sessions.sort((a, b) => a.startMs - b.startMs || a.workshop.index - b.workshop.index);
  return sessions.map((s, index) => ({ ...s, index, id: orgId(ID_KIND.session, index, s.createdMs, clock) }));
}

export function sessionRow(
  s: OrgSession,
): Omit<
  SessionsTable,
  | 'promotion'
  | 'offer_hours'
  | 'in_person_taken'
  | 'online_taken'
  | 'in_person_waiting'
  | 'online_waiting'
  | 'low_turnout_warned_for'
  | 'recording_url'
  | 'session_materials'
  | 'recording_added_at'
> {
  const updated = s.cancelledMs ?? s.createdMs;
  return {
    id: s.id,
    workshop_id: s.workshop.id,
    starts_at: iso(s.startMs),
    ends_at: iso(s.endMs),
    time_zone: s.zone,
    mode: s.mode,
    location: s.location,
    video_url: s.videoUrl,
    seats: s.seats,
    online_seats: s.onlineSeats,
    registration_opens_at: null,
    registration_closes_at: null,
    check_in_code: null,
    status: s.cancelledMs === null ? 'scheduled' : 'cancelled',
    cancelled_at: s.cancelledMs === null ? null : iso(s.cancelledMs),
    created_at: iso(s.createdMs),
    updated_at: iso(updated),
  };
}
