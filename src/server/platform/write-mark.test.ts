import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.js';
import { openDatabase } from './db.js';
import { writeMark } from './write-mark.js';

const sqlite = process.env.LYCEUM_TEST_DB !== 'postgres';

describe.runIf(sqlite)('the write mark on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lyceum-write-mark-'));
  const path = join(dir, 'lyceum.sqlite');
  const handle = openDatabase({ dialect: 'sqlite', path });
  afterAll(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stays while nothing is written, and moves with every write: own, rolled back, or another connection’s', async () => {
    const { db } = handle;
    await sql`create table notes (text text)`.execute(db);
    const first = await writeMark(db);
    expect(first).not.toBeNull();
    expect(await writeMark(db)).toBe(first);
    await sql`insert into notes values ('mine')`.execute(db);
    const afterOwn = await writeMark(db);
    expect(afterOwn).not.toBe(first);
    await db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into notes values ('undone')`.execute(trx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const afterRollback = await writeMark(db);
    expect(afterRollback).not.toBe(afterOwn);
    const other = new SQLite(path);
    other.prepare("insert into notes values ('another process')").run();
    other.close();
    const afterOther = await writeMark(db);
    expect(afterOther).not.toBe(afterRollback);
    expect(await writeMark(db)).toBe(afterOther);
  });
});

describe.runIf(!sqlite)('the write mark on PostgreSQL', () => {
  it('is not kept: every read goes to the database', async () => {
    const database = await createTestDatabase();
    try {
      expect(await writeMark(database.db)).toBeNull();
    } finally {
      await database.close();
    }
  });
});
