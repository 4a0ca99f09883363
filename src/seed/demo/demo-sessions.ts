/**
 * Plans the sessions of one demo workshop on a calendar anchored to the start of `now`'s week
 * (Monday 00:00 UTC), so every run shows the same shape: past weeks -8…-1, upcoming weeks 0…5.
 * Sessions start at local working hours in the zone of whoever runs them.
 */
import { DateTime } from 'luxon';
import type { SessionsTable } from '../../server/db/schema.js';
import { Random } from '../shared/random.js';
import { LOCAL_START_TIMES, MODE_WEIGHTS, pickRoom, typicalSeats } from '../shared/session-habits.js';
import { slugify } from '../shared/text.js';
import { demoId } from './demo-ids.js';
import type { DemoPerson } from './demo-people.js';
import type { SessionMode, WorkshopSpec } from './demo-types.js';

/** A session row without its bookkeeping timestamps (seed-demo.ts dates those). */
export type PlannedSession = Omit<
  SessionsTable,
  | 'in_person_taken'
  | 'online_taken'
  | 'in_person_waiting'
  | 'online_waiting'
  | 'low_turnout_warned_for'
  | 'recording_url'
  | 'session_materials'
  | 'recording_added_at'
  | 'created_at'
  | 'updated_at'
  | 'cancelled_at'
  | 'online_seats'
  | 'registration_opens_at'
  | 'registration_closes_at'
  | 'promotion'
  | 'offer_hours'
  | 'check_in_code'
>;

const PAST_WEEKS = 8;
const UPCOMING_WEEKS = 6;

export const WEEKDAYS: readonly (readonly [number, number])[] = [
  [1, 2],
  [2, 3],
  [3, 3],
  [4, 3],
  [5, 1],
];

/** Monday 00:00 UTC of the week that contains `now`. */
export function weekAnchor(now: Date): DateTime {
  return DateTime.fromJSDate(now, { zone: 'utc' }).startOf('week');
}

export interface Slot {
  week: number;
  weekday: number;
  hour: number;
  minute: number;
  host: DemoPerson;
}

export function planSessions(spec: WorkshopSpec, hosts: readonly DemoPerson[], now: Date): PlannedSession[] {
  const random = new Random(`sessions:${spec.title}`);
  const owner = hosts[0];
  if (!owner) throw new Error(`demo workshop "${spec.title}" has no host`);
  const hints = spec.schedule ?? {};
  const slots: Slot[] = [];

  if (hints.series) {
    const { weekday, fromWeek, count, hour, minute = 0 } = hints.series;
    for (let i = 0; i < count; i++) slots.push({ week: fromWeek + i, weekday, hour, minute, host: owner });
  } else {
    const count =
      hints.count ??
      (spec.draft
        ? 0
        : random.weighted([
            [1, 3],
            [2, 4],
            [3, 3],
            [4, 2],
          ] as const));
    // Fresh workshops only have sessions from next week on: nothing of theirs is in the past.
    const first = hints.fresh ? 1 : -PAST_WEEKS;
    const weeks = Array.from({ length: UPCOMING_WEEKS - first }, (_, i) => first + i);
    for (const week of random.sample(weeks, count).sort((a, b) => a - b)) {
      const [hour, minute] = random.pick(LOCAL_START_TIMES[spec.format]);
      const host = hosts.length > 1 && random.chance(0.3) ? random.pick(hosts.slice(1)) : owner;
      const weekday = random.weighted(WEEKDAYS);
      // Nobody books a Friday-afternoon workshop: those move to Thursday.
      slots.push({ week, weekday: weekday === 5 && hour >= 12 ? 4 : weekday, hour, minute, host });
    }
  }

  const anchor = weekAnchor(now);
  const seriesMode = pickMode(spec, owner, random);
  const seriesSeats = pickSeats(spec, seriesMode, random);
  const cancelled = new Set(hints.cancel ?? []);
  return slots.map((slot, index) =>
    sessionInSlot(spec, slot, anchor, random, {
      id: demoId(`session:${spec.title}:${index}`),
      cancelled: cancelled.has(index),
      series: hints.series ? { mode: seriesMode, seats: seriesSeats } : null,
    }),
  );
}

/** One session of `spec` in `slot` (weeks from `anchor`), at local time in the host's zone. */
export function sessionInSlot(
  spec: WorkshopSpec,
  slot: Slot,
  anchor: DateTime,
  random: Random,
  o: { id: string; cancelled: boolean; series: { mode: SessionMode; seats: number | null } | null },
): PlannedSession {
  const mode = o.series ? o.series.mode : pickMode(spec, slot.host, random);
  let seats = o.series ? o.series.seats : pickSeats(spec, mode, random);
  const day = anchor.plus({ days: slot.week * 7 + slot.weekday - 1 });
  const zone = slot.host.office.timeZone;
  const start = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: slot.hour, minute: slot.minute }, { zone });
  let location: string | null = null;
  if (mode !== 'online') {
    const room = pickRoom(slot.host.office.rooms, seats, spec.format);
    if (mode === 'in_person' && (seats === null || seats > room.capacity)) seats = room.capacity;
    location = `${slot.host.office.name} · ${room.name}`;
  }
  return {
    id: o.id,
    workshop_id: demoId(`workshop:${spec.title}`),
    starts_at: isoUtc(start),
    ends_at: isoUtc(start.plus({ minutes: spec.durationMinutes })),
    time_zone: zone,
    mode,
    location,
    video_url: mode === 'in_person' ? null : `https://meet.example.com/${slugify(spec.title, 40)}`,
    seats,
    status: o.cancelled ? 'cancelled' : 'scheduled',
  };
}

function pickMode(spec: WorkshopSpec, host: DemoPerson, random: Random): SessionMode {
  const allowed = spec.schedule?.modes;
  const weights = MODE_WEIGHTS[spec.format].filter(([mode]) => !allowed || allowed.includes(mode));
  const mode = random.weighted(weights.length > 0 ? weights : MODE_WEIGHTS[spec.format]);
  // Remote people have no meeting room: they run everything online.
  return host.office.remote ? 'online' : mode;
}

function pickSeats(spec: WorkshopSpec, mode: SessionMode, random: Random): number | null {
  return spec.schedule?.seats !== undefined ? spec.schedule.seats : typicalSeats(spec.format, mode, random);
}

function isoUtc(time: DateTime): string {
  if (!time.isValid) throw new Error(`demo data: invalid session time (${time.invalidExplanation})`);
  return time.toJSDate().toISOString();
}
