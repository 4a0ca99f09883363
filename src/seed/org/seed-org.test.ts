import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import type { DbHandle } from '../../server/platform/db.js';
import { type OrgSummary, seedOrg } from './seed-org.js';

// The whole org seed into a real database (both), scaled down to 20,000 registrations: every
// table it fills takes its rows (checks, foreign keys, parameter limits).
describe('seed --scale org, scaled down', () => {
  let database: DbHandle;
  let summary: OrgSummary;
  const count = async (table: 'feedback' | 'feedback_rounds' | 'feedback_follow_ups' | 'checklist_runs') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    summary = await seedOrg(database.db, { registrations: 20_000 });
  }, 180_000);
  afterAll(() => database?.close());

  it('loads checklists, feedback with follow-ups, wishes and requests beside the registrations', async () => {
    expect(summary.registrations).toBe(20_000);
    expect(await count('checklist_runs')).toBe(summary.checklistRuns);
    expect(await count('feedback')).toBe(summary.feedback);
    expect(await count('feedback_follow_ups')).toBe(summary.followUps);
    expect(summary.answeredFeedback).toBeGreaterThan(0);
    expect(summary.wishes).toBeGreaterThan(0);
    expect(summary.requests).toBeGreaterThan(0);
    // A round for every held session that has ended, so the feedback job has nothing left to ask.
    const ended = await database.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'scheduled')
      .where('ends_at', '<=', new Date().toISOString())
      .executeTakeFirstOrThrow();
    expect(await count('feedback_rounds')).toBe(Number(ended.n));
    // Everyone asked held a seat: checked in (or seated, where nobody was checked in).
    const strangers = await database.db
      .selectFrom('feedback as f')
      .leftJoin('registrations as r', (j) => j.onRef('r.session_id', '=', 'f.session_id').onRef('r.person_id', '=', 'f.person_id'))
      .select('f.id')
      .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', 'not in', ['attended', 'no_show'])]))
      .execute();
    expect(strangers).toEqual([]);
  });
});
