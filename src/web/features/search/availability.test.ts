import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../contracts/index.js';
import { hitAvailability, poolAvailability } from './availability';

type HitSession = NonNullable<SearchHit['nextSession']>;
const session = (mode: HitSession['mode'], pools: HitSession['pools']): HitSession => ({
  id: 's1',
  startsAt: '2026-12-10T09:00:00Z',
  endsAt: '2026-12-10T10:00:00Z',
  timeZone: 'Europe/Berlin',
  mode,
  location: null,
  seats: null,
  onlineSeats: null,
  seatsLeft: null,
  waitlistCount: 0,
  pools,
});

describe('seat availability of a search hit', () => {
  it('names each pool of a hybrid session: a full room is never hidden by an unlimited stream', () => {
    const s = session('hybrid', [
      { pool: 'in_person', capacity: 20, left: 0, waiting: 4 },
      { pool: 'online', capacity: null, left: null, waiting: 0 },
    ]);
    expect(poolAvailability(s)).toEqual([
      { label: 'In person', text: 'Full — 4 waiting', full: true },
      { label: 'Online', text: 'Unlimited seats', full: false },
    ]);
    expect(hitAvailability(s)).toEqual({
      text: 'In person: Full — 4 waiting · Online: Unlimited seats',
      full: false,
      somePoolFull: true,
    });
  });

  it('says a single pool without naming it', () => {
    expect(hitAvailability(session('in_person', [{ pool: 'in_person', capacity: 12, left: 1, waiting: 0 }])).text).toBe('1 seat left');
    expect(hitAvailability(session('online', [{ pool: 'online', capacity: 1200, left: 1200, waiting: 0 }])).text).toBe('1,200 seats left');
    const full = hitAvailability(session('in_person', [{ pool: 'in_person', capacity: 12, left: 0, waiting: 0 }]));
    expect(full).toEqual({ text: 'Full', full: true, somePoolFull: true });
  });

  it('counts a free seat with people waiting as full: they come first', () => {
    expect(hitAvailability(session('online', [{ pool: 'online', capacity: 10, left: 1, waiting: 2 }])).text).toBe('Full — 2 waiting');
  });
});
