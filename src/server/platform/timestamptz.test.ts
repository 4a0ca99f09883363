import { describe, expect, it } from 'vitest';
import { timestamptzToIso } from './db.js';

describe("PostgreSQL's timestamptz text as SQLite's ISO string", () => {
  it('is what Date makes of it, to the millisecond, for every form PostgreSQL writes', () => {
    for (const text of [
      '2026-12-07 09:00:00+00',
      '2026-12-07 09:00:00.1+00',
      '2026-12-07 09:00:00.12+00',
      '2026-12-07 09:00:00.123456+00',
      '2026-12-07 23:59:59.999999+00',
      '2026-12-07 09:00:00.0005+00',
      '0999-01-01 00:00:00+00',
      // Not UTC, or not a form rewritten as it is: Date reads them.
      '2026-12-07 10:00:00+01',
      '2026-12-07 04:30:00.5-05:30',
    ])
      expect(timestamptzToIso(text), text).toBe(new Date(text).toISOString());
  });
});
