/**
 * Time and ids for the organization-sized data set. Dates are laid out on a calendar anchored to
 * Monday 00:00 UTC of the current week (four years back, one year ahead), so the catalog always has
 * a past and a future; ids are derived from (kind, index) and a fixed virtual clock, so they are the
 * same on every run while still sorting like the rows' creation times (UUID v7 layout).
 */
import { DateTime } from 'luxon';
import { WEEK } from '../shared/clock.js';

export const PAST_WEEKS = 4 * 52;
export const FUTURE_WEEKS = 52;

export interface OrgClock {
  /**
   * The real time of the run. Only what must agree with the clock depends on it (a registration is
   * attended or still enrolled, popularity's last 365 days); everything else is laid out from the
   * anchor, so a re-seed yields the same rows and ids, just moved to the current week.
   */
  nowMs: number;
  /** Monday 00:00 UTC of `now`'s week: all generated dates are offsets from it. */
  anchorMs: number;
  /** The start of the five-year window. */
  fromMs: number;
  /** The end of the five-year window. */
  untilMs: number;
}

export function orgClock(now: Date): OrgClock {
  const nowMs = Math.floor(now.getTime() / 1000) * 1000;
  const anchorMs = DateTime.fromMillis(nowMs, { zone: 'utc' }).startOf('week').toMillis();
  return { nowMs, anchorMs, fromMs: anchorMs - PAST_WEEKS * WEEK, untilMs: anchorMs + FUTURE_WEEKS * WEEK };
}

/** Ids carry this virtual "anchor" instead of the real one, so they never change between runs. */
const ID_ANCHOR_MS = Date.UTC(2030, 0, 7);

export const ID_KIND = {
  person: 1,
  channel: 2,
  workshop: 3,
  session: 4,
  registration: 5,
  feedback: 6,
  followUp: 7,
  checklistRun: 8,
  request: 9,
} as const;

/** 32-bit integer mix (a Murmur3 finaliser): cheap, well spread, deterministic. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, '0');

/**
 * A UUID v7-shaped id: 48 bits of (virtual) milliseconds, then bits mixed from the kind and
 * index, which also end the id verbatim, so two rows never share an id.
 */
export function orgId(kind: number, index: number, createdMs: number, clock: OrgClock): string {
  const ms = Math.max(0, ID_ANCHOR_MS + (createdMs - clock.anchorMs));
  const timeHex = hex(ms, 12);
  const r = mix(kind * 0x9e3779b1 + index);
  const r2 = mix(r ^ index);
  return (
    `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${hex(r >>> 20, 3)}-${hex(0x8 | (r2 >>> 30), 1)}${hex((r2 >>> 18) & 0xfff, 3)}-` +
    `${hex(kind, 2)}${hex(index, 8)}${hex(r2 & 0xff, 2)}`
  );
}
