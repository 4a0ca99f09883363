import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { modules } from '../../src/server/modules/index.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';

// Modules are plugins that only add to what the platform collects (routes, jobs, deliverers):
// registered in reverse, the app is the same app.

const database = await createTestDatabase();
afterAll(() => database.close());

async function appWith(order: typeof modules) {
  const config = loadConfig({ DATABASE_URL: database.url.startsWith('sqlite') ? 'sqlite::memory:' : database.url, LOG_LEVEL: 'silent' });
  const app = await buildTestApp({ config, database, modules: order });
  await app.ready();
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const operations = Object.values(doc.paths)
    .flatMap((ops) => Object.values(ops).map((op) => op.operationId))
    .sort();
  const health = (await app.inject({ method: 'GET', url: '/readyz' })).statusCode;
  const jobs = Object.keys(app.jobs).sort();
  await app.close();
  return { operations, health, jobs };
}

describe('module plugins', () => {
  it('make the same app whatever order they are registered in: same operations, same jobs', async () => {
    const forward = await appWith(modules);
    const backward = await appWith([...modules].reverse());
    expect(forward.operations.length).toBeGreaterThan(90);
    expect(backward).toEqual(forward);
    expect(forward.jobs).toEqual(
      expect.arrayContaining(['deliver-outbox', 'expire-offers', 'purge-idempotency-keys', 'send-reminders', 'optimize-statistics']),
    );
    expect(forward.health).toBe(200);
  });
});
