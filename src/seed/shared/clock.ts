/** Durations in milliseconds and timestamp helpers shared by the seed data sets. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
export const YEAR = 365 * DAY;

export const iso = (ms: number): string => new Date(ms).toISOString();
/** Whole seconds, as people's clicks are stored. */
export const seconds = (ms: number): number => Math.floor(ms / 1000) * 1000;
