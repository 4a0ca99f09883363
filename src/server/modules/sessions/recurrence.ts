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
