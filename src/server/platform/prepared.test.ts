import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { type DbHandle, openDatabase } from './db.js';
import { DatabaseUnavailable } from './db-errors.js';
import { newId, nowIso } from './ids.js';
import { cachedStatements, prepared } from './prepared.js';

let database: DbHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  const now = nowIso();
  const person = (name: string, role: 'member' | 'admin') => ({
    id: newId(),
    email: `${name.toLowerCase()}@example.com`,
    name,
    title: null,
    team: null,
    location: null,
    time_zone: 'UTC',
    manager_id: null,
    role,
    created_at: now,
    updated_at: now,
  });
  await database.db
    .insertInto('people')
    .values([person('Ada', 'admin'), person('Grace', 'member'), person('Linus', 'member')])
    .execute();
});
afterAll(() => database.close());

const byRole = prepared((db, role: 'member' | 'admin', limit: number) =>
  db.selectFrom('people').select('name').where('role', '=', role).where('name', '<>', 'Nobody').orderBy('name').limit(limit),
);

describe('prepared queries', () => {
  it('answer each call with its own arguments, constants kept', async () => {
    expect(await byRole(database.db, 'member', 10)).toEqual([{ name: 'Grace' }, { name: 'Linus' }]);
    expect(await byRole(database.db, 'admin', 10)).toEqual([{ name: 'Ada' }]);
    expect(await byRole(database.db, 'member', 1)).toEqual([{ name: 'Grace' }]);
  });

  it('run inside a transaction, seeing its uncommitted rows', async () => {
    await database.db
      .transaction()
      .execute(async (trx) => {
        await trx.updateTable('people').set({ role: 'admin' }).where('name', '=', 'Linus').execute();
        expect(await byRole(trx, 'admin', 10)).toEqual([{ name: 'Ada' }, { name: 'Linus' }]);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await byRole(database.db, 'admin', 10)).toEqual([{ name: 'Ada' }]);
  });

  it('refuse a builder that changes its arguments instead of passing them on', async () => {
    const lowered = prepared((db, name: string) => db.selectFrom('people').select('id').where('email', '=', name.toLowerCase()));
    await expect(lowered(database.db, 'ADA@example.com')).rejects.toThrow(/argument 0 is not passed through/);
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('prepared queries on PostgreSQL', () => {
  it('are named statements, parsed once per connection and run many times; other queries are not kept', async () => {
    await database.db.transaction().execute(async (trx) => {
      // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
      for (let i = 1; i <= 7; i++) expect(await byRole(trx, 'member', i)).toHaveLength(Math.min(i, 2));
      await trx.selectFrom('people').select('id').where('name', '=', 'Ada').execute();
      const kept = await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(trx);
      const ours = kept.rows.filter((r) => r.statement.includes('"people"'));
      expect(ours).toHaveLength(1);
      expect(ours[0]?.name).toMatch(/^lyceum_[0-9a-f]{20}$/);
      expect(ours[0]?.statement).toContain('order by "name"');
    });
  });
});

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('a kept statement after a migration', () => {
  it('fails its one request with 503 database_unavailable, then works on a new connection that sees the new column', async () => {
    const everything = prepared((db, name: string) => db.selectFrom('people').selectAll().where('name', '=', name));
    const one = openDatabase({ dialect: 'postgres', url: (database as DbHandle & { url: string }).url, poolMax: 1 });
    try {
      expect(await everything(one.db, 'Ada')).toHaveLength(1);
      await sql`alter table people add column kept_statement_probe text`.execute(database.db);
      await expect(everything(one.db, 'Ada')).rejects.toBeInstanceOf(DatabaseUnavailable);
      const [ada] = await everything(one.db, 'Ada');
      expect(ada).toHaveProperty('kept_statement_probe', null);
    } finally {
      await sql`alter table people drop column if exists kept_statement_probe`.execute(database.db);
      await one.close();
    }
  });
});

describe('the statement cache', () => {
  it('prepares each SQL text once', () => {
    const prepare = vi.fn((sql: string) => ({ sql }));
    const statement = cachedStatements(prepare, 10);
    const first = statement('select 1');
    expect(statement('select 1')).toBe(first);
    expect(prepare).toHaveBeenCalledTimes(1);
  });

  it('makes room by dropping the least recently used statement, keeping the others', () => {
    const prepared: string[] = [];
    const statement = cachedStatements((sql: string) => {
      prepared.push(sql);
      return { sql };
    }, 2);
    statement('a');
    statement('b');
    statement('a'); // a is now used more recently than b
    statement('c'); // full: b goes
    statement('a');
    statement('c');
    expect(prepared).toEqual(['a', 'b', 'c']);
    statement('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
  });
});
