import { describe, expect, it } from 'vitest';
import { expandRepeat, shiftLike } from './recurrence.js';

describe('expandRepeat', () => {
  it('keeps the local wall-clock time across a daylight-saving change', () => {
    // Amsterdam leaves summer time on 25 Oct 2026: 10:00 local is 08:00Z before, 09:00Z after.
    const occurrences = expandRepeat({ startsAt: '2026-10-20T08:00:00.000Z', endsAt: '2026-10-20T09:30:00.000Z' }, 'Europe/Amsterdam', {
      frequency: 'weekly',
      interval: 1,
      count: 3,
    });
    expect(occurrences).toEqual([
      { startsAt: '2026-10-20T08:00:00.000Z', endsAt: '2026-10-20T09:30:00.000Z' },
      { startsAt: '2026-10-27T09:00:00.000Z', endsAt: '2026-10-27T10:30:00.000Z' },
      { startsAt: '2026-11-03T09:00:00.000Z', endsAt: '2026-11-03T10:30:00.000Z' },
    ]);
  });

  it('honours the interval for daily repeats', () => {
    const occurrences = expandRepeat({ startsAt: '2026-12-01T15:00:00.000Z', endsAt: '2026-12-01T16:00:00.000Z' }, 'UTC', {
      frequency: 'daily',
      interval: 2,
      count: 3,
    });
    expect(occurrences.map((o) => o.startsAt)).toEqual([
      '2026-12-01T15:00:00.000Z',
      '2026-12-03T15:00:00.000Z',
      '2026-12-05T15:00:00.000Z',
    ]);
  });
});

describe('moving the following sessions like the edited one', () => {
  it('keeps the new wall-clock time across a daylight-saving change', () => {
    // Edited: Tue 20 Oct 2026 10:00 Amsterdam (CEST, +2) → 11:00. Later: Tue 27 Oct 10:00 (CET, +1).
    const moved = shiftLike(
      { startsAt: '2026-10-20T08:00:00.000Z', timeZone: 'Europe/Amsterdam' },
      { startsAt: '2026-10-20T09:00:00.000Z', timeZone: 'Europe/Amsterdam' },
      { startsAt: '2026-10-27T09:00:00.000Z', timeZone: 'Europe/Amsterdam' },
    );
    expect(moved).toBe('2026-10-27T10:00:00.000Z');
  });
});
