import { DateTime } from 'luxon';
import type { RepeatRule } from '../../../contracts/index.js';

export interface Occurrence {
  startsAt: string;
  endsAt: string;
}

/**
 * Expands a repeat rule into occurrences that keep the same wall-clock time in the planning
 * zone: a 10:00 Amsterdam session stays at 10:00 across a daylight-saving change.
 */
export function expandRepeat(first: Occurrence, timeZone: string, rule: Required<RepeatRule>): Occurrence[] {
  const start = DateTime.fromISO(first.startsAt, { zone: timeZone });
  const durationMs = Date.parse(first.endsAt) - Date.parse(first.startsAt);
  const unit = rule.frequency === 'daily' ? 'days' : 'weeks';
  return Array.from({ length: rule.count }, (_, i) => {
    const s = start.plus({ [unit]: i * rule.interval });
    const startsAt = s.toUTC().toISO() as string;
    return { startsAt, endsAt: new Date(Date.parse(startsAt) + durationMs).toISOString() };
  });
}

/**
 * "This and the following ones": a later session moves as the edited one moved, on the wall
 * clock of the planning zone, so a weekly 10:00 moved to 11:00 stays at 11:00 across a
 * daylight-saving change. `before`/`after` are the edited session's start and zone.
 */
export function shiftLike(
  before: { startsAt: string; timeZone: string },
  after: { startsAt: string; timeZone: string },
  later: { startsAt: string; timeZone: string },
): string {
  const wall = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).setZone('UTC', { keepLocalTime: true });
  const delta = wall(after.startsAt, after.timeZone).toMillis() - wall(before.startsAt, before.timeZone).toMillis();
  return wall(later.startsAt, later.timeZone)
    .plus({ milliseconds: delta })
    .setZone(after.timeZone, { keepLocalTime: true })
    .toUTC()
    .toISO() as string;
}
