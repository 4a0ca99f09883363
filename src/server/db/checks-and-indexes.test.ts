import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { seedDemo } from '../../seed/demo/seed-demo.js';
import type { DbHandle } from '../platform/db.js';
import { CHECKS } from './migrations/20261202T0100_checks_and_indexes.js';
import { migrateTo } from './migrator.js';

// Runs on in-memory SQLite, and on PostgreSQL too when the postgres project is enabled.
const BEFORE = '20261127T0200_standard_webhook_secrets';
const AFTER = '20261202T0100_checks_and_indexes';
const NOW = new Date('2026-12-02T10:17:00.000Z');
const tables = Object.keys(CHECKS);

describe('migration 20261202T0100_checks_and_indexes, on a database that already holds the demo data', () => {
  let handle: DbHandle;
  let countsBefore: Record<string, number>;
  let schemaBefore: { name: string; sql: string | null }[];
  let applied: string[];

  const db = () => handle.db as unknown as Kysely<any>;
  const count = async (table: string) =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const counts = async () => Object.fromEntries(await Promise.all([...tables, 'workshop_search'].map(async (t) => [t, await count(t)])));
  /** SQLite: every table, index and trigger with its CREATE statement. */
  const schemaObjects = async () =>
    (
      await sql<{ name: string; sql: string | null }>`select type || ' ' || name as name, sql from sqlite_master
        where type in ('table', 'index', 'trigger') order by 1`.execute(db())
    ).rows;

  beforeAll(async () => {
    handle = await createTestDatabase();
    // The demo data (written for today's schema), then back to the schema before this migration
    // (the downs of it and of every later one), then this migration again: the data must come through.
    await seedDemo(handle.db, NOW);
    await migrateTo(handle.db, BEFORE);
    countsBefore = await counts();
    if (handle.dialect === 'sqlite') schemaBefore = await schemaObjects();
    applied = await migrateTo(handle.db, AFTER);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('runs, and keeps every row', async () => {
    expect(applied).toContain('20261202T0100_checks_and_indexes');
    expect(countsBefore.registrations).toBeGreaterThan(0);
    expect(await counts()).toEqual(countsBefore);
  });

  it('refuses a bad status value in the database itself', async () => {
    const row = await db().selectFrom('registrations').selectAll().limit(1).executeTakeFirstOrThrow();
    await expect(
      db()
        .insertInto('registrations')
        .values({ ...row, id: '01970000-0000-7000-8000-0000000000ff', status: 'pending' })
        .execute(),
    ).rejects.toThrow(/registrations_status_check/);
    await expect(db().updateTable('registrations').set({ status: 'confirmed' }).where('id', '=', row.id).execute()).rejects.toThrow(
      /registrations_status_check/,
    );
    expect((await db().selectFrom('registrations').select('status').where('id', '=', row.id).executeTakeFirstOrThrow()).status).toBe(
      row.status,
    );
  });

  it('refuses an unknown value in every enum-like column that holds rows, and takes every known one', async () => {
    let checked = 0;
    for (const [table, columns] of Object.entries(CHECKS)) {
      for (const [column, values] of Object.entries(columns)) {
        const rows = await db()
          .selectFrom(table)
          .select(sql<string>`${sql.ref(column)}`.as('value'))
          .select(sql<string>`count(*)`.as('n'))
          .groupBy(column)
          .execute();
        for (const { value } of rows) if (value !== null) expect(values).toContain(value);
        if (rows.length === 0) continue;
        await expect(
          db()
            .updateTable(table)
            .set({ [column]: 'not_a_value' })
            .execute(),
        ).rejects.toThrow(`${table}_${column}_check`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10);
    // Every value the code uses still goes in (inside a transaction that is rolled back).
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          const workshop = await trx.selectFrom('workshops').select('id').limit(1).executeTakeFirstOrThrow();
          for (const status of CHECKS.workshops?.status ?? [])
            await trx.updateTable('workshops').set({ status }).where('id', '=', workshop.id).execute();
          for (const format of CHECKS.workshops?.format ?? [])
            await trx.updateTable('workshops').set({ format }).where('id', '=', workshop.id).execute();
          throw new Error('roll back');
        }),
    ).rejects.toThrow('roll back');
  });

  it('keeps the seat-count triggers and foreign keys working', async () => {
    const session = await db()
      .selectFrom('sessions')
      .select(['id', 'in_person_taken', 'online_taken'])
      .where('mode', '=', 'online')
      .limit(1)
      .executeTakeFirstOrThrow();
    const person = await db()
      .selectFrom('people')
      .select('id')
      .where('id', 'not in', db().selectFrom('registrations').select('person_id').where('session_id', '=', session.id))
      .limit(1)
      .executeTakeFirstOrThrow();
    const at = NOW.toISOString();
    await db()
      .insertInto('registrations')
      .values({
        id: '01970000-0000-7000-8000-0000000000fe',
        session_id: session.id,
        person_id: person.id,
        mode: 'online',
        status: 'enrolled',
        late_cancellation: 0,
        walk_in: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const after = await db().selectFrom('sessions').select('online_taken').where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(after.online_taken).toBe(session.online_taken + 1);
    await expect(
      db()
        .insertInto('registrations')
        .values({
          id: '01970000-0000-7000-8000-0000000000fd',
          session_id: 'no-such-session',
          person_id: person.id,
          mode: 'online',
          status: 'enrolled',
          late_cancellation: 0,
          walk_in: 0,
          created_at: at,
          updated_at: at,
        })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
  });

  it('SQLite: rebuilt tables keep every index and trigger, foreign keys stay on, the series lookup uses its index', async (ctx) => {
    if (handle.dialect !== 'sqlite') return ctx.skip();
    // The same tables, indexes and triggers, word for word; a rebuilt table's statement ends with its checks.
    const after = new Map((await schemaObjects()).map((o) => [o.name, o.sql ?? '']));
    expect([...after.keys()].sort()).toEqual([...schemaBefore.map((o) => o.name), 'index registrations_series_idx'].sort());
    for (const { name, sql: before } of schemaBefore) {
      const now = after.get(name) ?? '';
      if (name.startsWith('table ') && name.slice('table '.length) in CHECKS) {
        expect(now.startsWith(`${(before ?? '').slice(0, -1)}, constraint "`)).toBe(true);
        expect(now).toMatch(/ check \("[a-z_]+" in \([a-z_', ]+\)\)\)$/);
      } else {
        expect(now).toBe(before ?? '');
      }
    }
    expect((await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db())).rows[0]?.foreign_keys).toBe(1);
    expect((await sql`pragma foreign_key_check`.execute(db())).rows).toEqual([]);
    expect((await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db())).rows[0]?.integrity_check).toBe('ok');
    const plan = await sql<{ detail: string }>`explain query plan select * from registrations
      where series_key = ${'x'} and id <> ${'y'} and status = 'waitlisted'`.execute(db());
    expect(plan.rows.map((r) => r.detail).join('\n')).toContain('registrations_series_idx');
  });
});
