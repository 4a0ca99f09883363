import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { type DbHandle, openDatabase } from '../../src/server/platform/db.js';
import { newId } from '../../src/server/platform/ids.js';
import { buildTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';
import { buildPerson } from '../helpers/factories.js';

// Three app instances on one PostgreSQL database, each with its own connection pool, run the
// reminder sweep and the delivery worker at the same moment.
const postgres = process.env.LYCEUM_TEST_DB === 'postgres';
const PEOPLE = 1000;
let database: (DbHandle & { url: string }) | undefined;
const instances: { app: FastifyInstance; handle: DbHandle }[] = [];

beforeAll(async () => {
  if (!postgres) return;
  database = await createTestDatabase();
  for (let i = 0; i < 3; i++) {
    const handle = openDatabase({ dialect: 'postgres', url: database.url });
    const app = await buildTestApp({
      config: loadConfig({ DATABASE_URL: database.url, LOG_LEVEL: 'silent' }),
      database: handle,
    });
    await app.ready();
    instances.push({ app, handle });
  }
});
afterAll(async () => {
  for (const { app, handle } of instances) {
    await app.close();
    await handle.close();
  }
  await database?.close();
});

describe.skipIf(!postgres)('three instances sharing the outbox', () => {
  it('send 1,000 reminders, each exactly once', async () => {
    const db = (database as DbHandle).db;
    const host = await buildPerson(db, { name: 'Hana Host' });
    const now = Date.now();
    const made = new Date(now - 5 * 86_400_000).toISOString();
    const workshopId = newId();
    await db
      .insertInto('workshops')
      .values({
        id: workshopId,
        title: 'Load-bearing reminders',
        summary: 'One thousand seats.',
        description: '',
        audience: null,
        objectives: '[]',
        prerequisites: null,
        format: 'talk',
        duration_minutes: 60,
        materials: '[]',
        status: 'published',
        created_by: host.id,
        created_at: made,
        updated_at: made,
        published_at: made,
        is_series: 0,
      })
      .execute();
    const sessionId = newId();
    const start = new Date(now + 40 * 3_600_000).toISOString();
    await db
      .insertInto('sessions')
      .values({
        id: sessionId,
        workshop_id: workshopId,
        starts_at: start,
        ends_at: new Date(now + 41 * 3_600_000).toISOString(),
        time_zone: 'UTC',
        mode: 'online',
        location: null,
        video_url: 'https://meet.example.com/load',
        seats: null,
        online_seats: null,
        registration_opens_at: null,
        registration_closes_at: null,
        check_in_code: null,
        status: 'scheduled',
        cancelled_at: null,
        created_at: made,
        updated_at: made,
      })
      .execute();
    const people = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await buildPerson(db, { name: `Learner ${i}` }));
    for (let i = 0; i < PEOPLE; i += 200) {
      await db
        .insertInto('registrations')
        .values(
          people.slice(i, i + 200).map((p) => ({
            id: newId(),
            session_id: sessionId,
            person_id: p.id,
            mode: 'online' as const,
            status: 'enrolled' as const,
            position: null,
            offer_expires_at: null,
            late_cancellation: 0,
            walk_in: 0,
            series_key: null,
            checked_in_at: null,
            cancelled_at: null,
            created_at: made,
            updated_at: made,
          })),
        )
        .execute();
    }

    // All three sweep and deliver at once, twice over.
    for (let round = 0; round < 2; round++) {
      await Promise.all(instances.map(({ app }) => app.jobs['send-reminders']?.()));
      await Promise.all(instances.map(({ app }) => app.jobs['deliver-outbox']?.()));
    }

    const reminders = await db.selectFrom('outbox').select(['status', 'person_id']).where('topic', '=', 'reminder.48h').execute();
    expect(reminders).toHaveLength(PEOPLE);
    expect(reminders.every((r) => r.status === 'done')).toBe(true);
    const mails = await db
      .selectFrom('mailbox')
      .select(['person_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('subject', '=', 'Coming up: Load-bearing reminders')
      .groupBy('person_id')
      .execute();
    expect(mails).toHaveLength(PEOPLE);
    expect(mails.every((m) => Number(m.n) === 1)).toBe(true);
  }, 120_000);
});
