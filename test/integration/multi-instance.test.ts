import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/platform/db.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson, type TestPerson } from '../helpers/factories.js';
import { checkSeatInvariants } from '../helpers/invariants.js';

// Real `lyceum serve` processes (compiled by `npm test`'s build step) against a real database.
const ROOT = new URL('../../', import.meta.url).pathname;
const children: ChildProcess[] = [];
let nextPort = 42_000 + Math.floor(Math.random() * 10_000);

async function serve(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = nextPort++;
  const child = spawn(process.execPath, ['bin/lyceum.js', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`lyceum serve on ${port} did not become ready`);
}

/** Stops every server started so far and waits until they are gone (they hold database locks while they run). */
async function stopAll(): Promise<void> {
  await Promise.all(
    children.splice(0).map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

afterAll(stopAll);

async function api(url: string, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

async function sessionFor(url: string, host: TestPerson, seats: number): Promise<string> {
  const w = await api(url, host.token, 'POST', '/api/v1/workshops', { title: 'Burst', summary: 'Many at once', format: 'talk' });
  await api(url, host.token, 'POST', `/api/v1/workshops/${w.body.id}/publish`, {});
  const start = new Date(Date.now() + 7 * 86_400_000);
  const s = await api(url, host.token, 'POST', `/api/v1/workshops/${w.body.id}/sessions`, {
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
      const instances = await Promise.all([serve(database.url), serve(database.url), serve(database.url)]);
      const host = await buildPerson(database.db);
      const people = await Promise.all(Array.from({ length: 90 }, () => buildPerson(database.db)));
      const sessionId = await sessionFor(instances[0]!.url, host, 25);
      // Each person twice, on two different instances, all at once.
      const answers = await Promise.all(
        people.flatMap((p, i) => [
          api(instances[i % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {}),
          api(instances[(i + 1) % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {}),
        ]),
      );
      expect(answers.filter((a) => a.status >= 500)).toEqual([]);
      const check = await checkSeatInvariants(database.db, sessionId, 25);
      expect(check).toMatchObject({ holding: 25, waiting: 65, overbooked: false, duplicates: 0, gapFree: true });

      // Cancellations on one instance while others register elsewhere: each freed seat goes once.
      const leaving = people.slice(0, 20);
      const late = await Promise.all(Array.from({ length: 10 }, () => buildPerson(database.db)));
      const churn = await Promise.all([
        ...leaving.map((p, i) => api(instances[i % 3]!.url, p.token, 'DELETE', `/api/v1/sessions/${sessionId}/registrations/me`)),
        ...late.map((p, i) => api(instances[(i + 2) % 3]!.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {})),
      ]);
      expect(churn.map((a) => a.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
      const after = await checkSeatInvariants(database.db, sessionId, 25);
      expect(after).toMatchObject({ holding: 25, waiting: 90 - 20 + 10 - 25, overbooked: false, duplicates: 0, gapFree: true });
    } finally {
      // The servers' background work (the outbox worker's claims) must end before the schema is dropped.
      await stopAll();
      await database.close();
    }
  }, 90_000);
});

describe.runIf(process.env.LYCEUM_TEST_DB !== 'postgres')('an acknowledged registration', () => {
  it('survives kill -9 of the server right after the response', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lyceum-kill-')), 'lyceum.sqlite');
    const url = `sqlite:${path}`;
    const setup = openDatabase({ dialect: 'sqlite', path });
    const { migrateToLatest } = await import('../../src/server/db/migrator.js');
    await migrateToLatest(setup.db);
    const host = await buildPerson(setup.db);
    const people = await Promise.all(Array.from({ length: 20 }, () => buildPerson(setup.db)));
    await setup.close();

    const server = await serve(url);
    const sessionId = await sessionFor(server.url, host, 5);
    const acknowledged: string[] = [];
    await Promise.all(
      people.map(async (p) => {
        const res = await api(server.url, p.token, 'POST', `/api/v1/sessions/${sessionId}/registrations`, {});
        if (res.status === 201) acknowledged.push(res.body.id);
      }),
    );
    server.child.kill('SIGKILL');
    await new Promise((r) => server.child.once('exit', r));

    const reopened = openDatabase({ dialect: 'sqlite', path });
    const stored = await reopened.db.selectFrom('registrations').select('id').execute();
    await reopened.close();
    expect(acknowledged).toHaveLength(20);
    expect(stored.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
  }, 60_000);
});
