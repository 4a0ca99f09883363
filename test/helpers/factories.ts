import type { CreateSessionBody, CreateWorkshopBody } from '../../src/contracts/index.js';
import { authRepository } from '../../src/server/modules/auth/auth.repository.js';
import { createApiToken } from '../../src/server/modules/auth/auth.service.js';
import { peopleRepository } from '../../src/server/modules/people/people.repository.js';
import type { Db } from '../../src/server/platform/db.js';
import { newId, nowIso } from '../../src/server/platform/ids.js';
import { createTransactor } from '../../src/server/platform/transaction.js';

let counter = 0;

export interface TestPerson {
  id: string;
  email: string;
  name: string;
  token: string;
}

export async function buildPerson(
  db: Db,
  overrides: Partial<{ name: string; email: string; role: 'member' | 'admin'; timeZone: string; team: string }> = {},
): Promise<TestPerson> {
  counter++;
  const id = newId();
  const name = overrides.name ?? `Person ${counter}`;
  const email = overrides.email ?? `person${counter}.${id.slice(-6)}@example.com`;
  const now = nowIso();
  await peopleRepository.insert(db, {
    id,
    email,
    name,
    title: 'Software Engineer',
    team: overrides.team ?? 'Platform',
    location: 'Amsterdam',
    time_zone: overrides.timeZone ?? 'Europe/Amsterdam',
    manager_id: null,
    role: overrides.role ?? 'member',
    created_at: now,
    updated_at: now,
  });
  const { token } = await createApiToken(createTransactor(db), authRepository, id, { name: 'test', scope: 'write', expiresInDays: 90 });
  return { id, email, name, token };
}

export function workshopBody(overrides: Partial<CreateWorkshopBody> = {}): CreateWorkshopBody {
  return {
    title: 'Debugging Kafka consumer lag',
    summary: 'Find out why your consumers fall behind and fix it.',
    description: '## Why\nLag hurts.\n\n- measure\n- fix',
    format: 'hands_on_lab',
    durationMinutes: 90,
    tags: ['kafka', 'observability'],
    objectives: ['Read consumer lag metrics'],
    materials: [{ title: 'Runbook', url: 'https://wiki.example.com/kafka' }],
    ...overrides,
  };
}

/** A session starting `daysAhead` days from now, 90 minutes long. */
export function sessionBody(daysAhead = 7, overrides: Partial<CreateSessionBody> = {}): CreateSessionBody {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  start.setUTCMinutes(0, 0, 0);
  return {
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 90 * 60_000).toISOString(),
    timeZone: 'Europe/Amsterdam',
    mode: 'in_person',
    location: 'Amsterdam · Room Turing',
    seats: 20,
    ...overrides,
  };
}
