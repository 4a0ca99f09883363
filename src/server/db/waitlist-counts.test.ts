import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { seedDemo } from '../../seed/demo/seed-demo.js';
import type { DbHandle } from '../platform/db.js';
import { migrateTo } from './migrator.js';

// Runs on in-memory SQLite, and on PostgreSQL too when the postgres project is enabled.
const BEFORE = '20261204T1200_workshop_page_signals';
const AFTER = '20261204T1300_waitlist_counts';
const NOW = new Date('2026-12-04T10:00:00.000Z');

describe('migration 20261204T1300_waitlist_counts: places waiting kept on the session', () => {
  let handle: DbHandle;
  const db = () => handle.db as unknown as Kysely<any>;

  /** Sessions whose kept counts differ from a count of their registrations, with both. */
  const drift = async () =>
    (
      await sql<{ id: string }>`select s.id, s.in_person_waiting, s.online_waiting, s.in_person_taken, s.online_taken,
          (select count(*) from registrations r where r.session_id = s.id and r.mode = 'in_person' and r.status = 'waitlisted') as in_person,
          (select count(*) from registrations r where r.session_id = s.id and r.mode = 'online' and r.status = 'waitlisted') as online
        from sessions s`.execute(db())
    ).rows.filter((r: any) => Number(r.in_person_waiting) !== Number(r.in_person) || Number(r.online_waiting) !== Number(r.online));

  beforeAll(async () => {
    handle = await createTestDatabase();
    // The demo data, then back to the schema before this migration and up again: the counts of
    // waitlists made before it are filled in.
    await seedDemo(handle.db, NOW);
    await migrateTo(handle.db, BEFORE);
    await migrateTo(handle.db, AFTER);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('counts the waitlists that existed before it', async () => {
    const waiting = await db()
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', 'waitlisted')
      .executeTakeFirstOrThrow();
    expect(Number(waiting.n)).toBeGreaterThan(0);
    expect(await drift()).toEqual([]);
  });

  it('keeps them through joining, moving between pools, taking a seat and leaving', async () => {
    const session = await db().selectFrom('sessions').select('id').where('mode', '=', 'hybrid').limit(1).executeTakeFirstOrThrow();
    const person = await db()
      .selectFrom('people')
      .select('id')
      .where('id', 'not in', db().selectFrom('registrations').select('person_id').where('session_id', '=', session.id))
      .limit(1)
      .executeTakeFirstOrThrow();
    const kept = () =>
      db()
        .selectFrom('sessions')
        .select(['in_person_waiting', 'online_waiting', 'in_person_taken', 'online_taken'])
        .where('id', '=', session.id)
        .executeTakeFirstOrThrow()
        .then((r) => ({
          in_person_waiting: Number(r.in_person_waiting),
          online_waiting: Number(r.online_waiting),
          in_person_taken: Number(r.in_person_taken),
          online_taken: Number(r.online_taken),
        }));
    const start = await kept();
    const id = '01970000-0000-7000-8000-0000000000fc';
    const at = NOW.toISOString();
    const row = { id, session_id: session.id, person_id: person.id, late_cancellation: 0, walk_in: 0, created_at: at, updated_at: at };
    const update = (set: Record<string, unknown>) => db().updateTable('registrations').set(set).where('id', '=', id).execute();

    await db()
      .insertInto('registrations')
      .values({ ...row, mode: 'online', status: 'waitlisted', position: 999 })
      .execute();
    expect(await kept()).toEqual({ ...start, online_waiting: start.online_waiting + 1 });
    await update({ position: 998 }); // renumbering leaves the counts alone
    await update({ status: 'waitlisted' }); // so does writing the same status again
    expect(await kept()).toEqual({ ...start, online_waiting: start.online_waiting + 1 });
    await update({ mode: 'in_person' });
    expect(await kept()).toEqual({ ...start, in_person_waiting: start.in_person_waiting + 1 });
    await update({ status: 'enrolled', position: null });
    expect(await kept()).toEqual({ ...start, in_person_taken: start.in_person_taken + 1 });
    await update({ status: 'waitlisted', position: 999 });
    await db().deleteFrom('registrations').where('id', '=', id).execute();
    expect(await kept()).toEqual(start);
    expect(await drift()).toEqual([]);
  });
});
