/** Ids of the demo data: UUID v7-shaped, derived from stable keys. */
import { v7 as uuidv7 } from 'uuid';
import { Random } from '../shared/random.js';

/** Timestamps inside demo ids: fixed, so ids never depend on when the seed ran. */
const DEMO_ID_EPOCH_MS = Date.UTC(2026, 0, 5);
const NINETY_DAYS_MS = 90 * 86_400_000;

/**
 * A UUID v7-shaped id derived only from a stable key ("person:jasmine.robinson@…"), so the same
 * demo record gets the same id on every run and links into the demo survive a re-seed.
 */
export function demoId(key: string): string {
  const random = new Random(key);
  const msecs = DEMO_ID_EPOCH_MS + Math.floor(random.float() * NINETY_DAYS_MS);
  return uuidv7({ msecs, random: random.bytes(16) });
}
