import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from '../../src/server/platform/db.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson, type TestPerson } from '../helpers/factories.js';
import { checkSeatInvariants } from '../helpers/invariants.js';
import { callApi, serveLyceum, stopServers } from '../helpers/lyceum-process.js';

// Real `lyceum serve` processes (compiled by `npm test`'s build step) against a real database.
afterAll(stopServers);

async function sessionFor(url: string, host: TestPerson, seats: number): Promise<string> {
  const w = await callApi(url, host.token, 'POST', '/api/v1/workshops', { title: 'Burst', summary: 'Many at once', format: 'talk' });
  await callApi(url, host.token, 'POST', `/api/v1/workshops/${w.body.id}/publish`, {});
  const start = new Date(Date.now() + 7 * 86_400_000);
  const s = await callApi(url, host.token, 'POST', `/api/v1/workshops/${w.body.id}/sessions`, {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    timeZone: 'UTC',
    mode: 'online',
    seats,
  });
  return s.body.id;
}

describe.runIf(process.env.LYCEUM_TEST_DB === 'postgres')('three app instances on one PostgreSQL database', () => {
  it('never overbook, duplicate or leave gaps when registrations arrive across all of them', async () => {
    const database = await createTestDatabase();
    try {
      const instances = await Promise.all([serveLyceum(database.url), serveLyceum(database.url), serveLyceum(database.url)]);
      const host = await buildPerson(database.db);
      const people = await Promise.all(Array.from({ length: 90 }, () => buildPerson(database.db)));
      const sessionId = await sessionFor(instances[0]!.url, host, 25);
      // Each person twice, on two different instances, all at once.
      const answers = await Promise.all(
        people.flatMap((p, i) => [
          callApi(instances[i % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {}),
          callApi(instances[(i + 1) % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {}),
        ]),
      );
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      const check = await checkSeatInvariants(database.db, sessionId, 25);
      expect(check).toMatchObject({ holding: 25, waiting: 65, overbooked: false, duplicates: 0, gapFree: true });

      // Cancellations on one instance while others register elsewhere: each freed seat goes once.
      const leaving = people.slice(0, 20);
      const late = await Promise.all(Array.from({ length: 10 }, () => buildPerson(database.db)));
      const churn = await Promise.all([
        ...leaving.map((p, i) => callApi(instances[i % 3]!.url, p.token, 'DELETE', `/api/v1/sessions/${sessionId}/registrations/me`)),
        ...late.map((p, i) => callApi(instances[(i + 2) % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {})),
      ]);
      expect(churn.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
      const after = await checkSeatInvariants(database.db, sessionId, 25);
      expect(after).toMatchObject({ holding: 25, waiting: 90 - 20 + 10 - 25, overbooked: false, duplicates: 0, gapFree: true });
    } finally {
      // The servers' background work (the outbox worker's claims) must end before the schema is dropped.
      await stopServers();
      await database.close();
    }
  }, 90_000);
});

/** A database a server process can be killed over: a SQLite file (not memory), or a PostgreSQL schema. */
async function killableDatabase(): Promise<{ url: string; db: DbHandle['db']; close: () => Promise<void> }> {
  if (process.env.LYCEUM_TEST_DB === 'postgres') return createTestDatabase();
  const path = join(mkdtempSync(join(tmpdir(), 'lyceum-kill-')), 'lyceum.sqlite');
  const handle = openDatabase({ dialect: 'sqlite', path });
  const { migrateToLatest } = await import('../../src/server/db/migrator.js');
  await migrateToLatest(handle.db);
  return { url: `sqlite:${path}`, db: handle.db, close: () => handle.close() };
}

describe('an acknowledged registration', () => {
  it('survives kill -9 of the server right after the response', async () => {
    const database = await killableDatabase();
    try {
      const host = await buildPerson(database.db);
      const people = await Promise.all(Array.from({ length: 20 }, () => buildPerson(database.db)));
      const server = await serveLyceum(database.url);
      const sessionId = await sessionFor(server.url, host, 5);
      const acknowledged: string[] = [];
      await Promise.all(
        people.map(async (p) => {
          const res = await callApi(server.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {});
          if (res.status === 201) acknowledged.push(res.body.id);
        }),
      );
      server.child.kill('SIGKILL');
      await new Promise((r) => server.child.once('exit', r));

      // What the killed server acknowledged is in the database, for any other reader.
      const stored = await database.db.selectFrom('registrations').select('id').where('session_id', '=', sessionId).execute();
      expect(acknowledged).toHaveLength(20);
      expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
      expect(await checkSeatInvariants(database.db, sessionId, 5)).toMatchObject({
        holding: 5,
        waiting: 15,
        overbooked: false,
        gapFree: true,
      });
    } finally {
      await stopServers();
      await database.close();
    }
  }, 60_000);
});
