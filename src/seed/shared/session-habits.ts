/**
 * How sessions usually look, per format: local start times, how often each mode is chosen, how
 * many seats, which room. Shared by the demo data and the organization-sized data set.
 */
import type { SessionsTable, WorkshopsTable } from '../../server/db/schema.js';
import type { Room } from './places.js';
import type { Random } from './random.js';

type WorkshopFormat = WorkshopsTable['format'];
type SessionMode = SessionsTable['mode'];

export const LOCAL_START_TIMES: Record<WorkshopFormat, readonly (readonly [number, number])[]> = {
  talk: [
    [12, 0],
    [16, 0],
    [11, 0],
  ],
  hands_on_lab: [
    [10, 0],
    [14, 0],
    [9, 30],
  ],
  discussion: [
    [11, 0],
    [15, 0],
    [16, 0],
  ],
  course: [
    [9, 30],
    [13, 30],
  ],
  office_hours: [
    [15, 0],
    [10, 0],
    [16, 0],
  ],
};

export const MODE_WEIGHTS: Record<WorkshopFormat, readonly (readonly [SessionMode, number])[]> = {
  talk: [
    ['hybrid', 5],
    ['online', 3],
    ['in_person', 2],
  ],
  hands_on_lab: [
    ['in_person', 5],
    ['hybrid', 2],
    ['online', 3],
  ],
  discussion: [
    ['in_person', 4],
    ['online', 4],
    ['hybrid', 2],
  ],
  course: [
    ['in_person', 3],
    ['hybrid', 4],
    ['online', 1],
  ],
  office_hours: [
    ['online', 8],
    ['hybrid', 1],
    ['in_person', 1],
  ],
};

/** Seats a host of this format typically offers in this mode; null is open seating. */
export function typicalSeats(format: WorkshopFormat, mode: SessionMode, random: Random): number | null {
  switch (format) {
    case 'talk':
      if (mode === 'online') return null;
      if (mode === 'hybrid') return random.chance(0.7) ? null : random.pick([40, 60]);
      return random.pick([30, 40, 60]);
    case 'hands_on_lab':
      if (random.chance(0.1)) return random.pick([6, 8]);
      return mode === 'online' ? random.pick([16, 20, 30]) : random.pick([12, 16, 20, 24]);
    case 'discussion':
      return random.pick([10, 12, 12, 16, 20]);
    case 'course':
      return random.pick([16, 20, 24, 30]);
    case 'office_hours':
      return random.chance(0.5) ? null : random.pick([6, 8, 10]);
  }
}

/** The smallest room that fits; talks with open seating get the biggest room. */
export function pickRoom(rooms: readonly Room[], seats: number | null, format: WorkshopFormat): Room {
  const sorted = [...rooms].sort((a, b) => a.capacity - b.capacity);
  const biggest = sorted[sorted.length - 1];
  if (!biggest) throw new Error('an office without rooms cannot host in person');
  if (seats === null) return format === 'talk' ? biggest : (sorted.find((r) => r.capacity >= 20) ?? biggest);
  return sorted.find((r) => r.capacity >= seats) ?? biggest;
}
