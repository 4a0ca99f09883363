import type { Db } from '../../src/server/platform/db.js';
import { newId } from '../../src/server/platform/ids.js';
import type { TestPerson } from './factories.js';

/**
 * A small October 2026 for the dashboard's tables, hand-counted in
 * src/server/modules/analytics/tables.test.ts: three held sessions (1.5 h, 1 h, 1.5 h), one
 * cancelled, two outside the month; feedback, wishes and requests around them. Every date is
 * in the past, so every October session is held.
 */
export interface OctoberPeople {
  hana: TestPerson; // host, Platform
  hugo: TestPerson; // host, Data
  l1: TestPerson; // Platform
  l2: TestPerson; // Platform
  l3: TestPerson; // Data
  l4: TestPerson; // no team
  l5: TestPerson; // Data
}

const T0 = '2026-09-01T00:00:00.000Z';

export async function seedOctober(db: Db, p: OctoberPeople) {
  await db.updateTable('people').set({ team: null }).where('id', '=', p.l4.id).execute();

  const workshop = async (title: string, format: 'hands_on_lab' | 'talk' | 'course', hosts: TestPerson[]) => {
    const id = newId();
    await db
      .insertInto('workshops')
      .values({
        id,
        title,
        summary: `${title}, in short.`,
        description: title,
        objectives: '[]',
        format,
        duration_minutes: 90,
        materials: '[]',
        status: 'published',
        created_by: (hosts[0] as TestPerson).id,
        created_at: T0,
        updated_at: T0,
        published_at: T0,
      })
      .execute();
    for (const [i, host] of hosts.entries()) {
      await db
        .insertInto('workshop_hosts')
        .values({ workshop_id: id, person_id: host.id, role: i === 0 ? 'owner' : 'cohost', added_at: T0 })
        .execute();
    }
    return id;
  };
  const w1 = await workshop('Kubernetes basics', 'hands_on_lab', [p.hana]);
  const w2 = await workshop('Intro to SQL', 'talk', [p.hugo]);
  const w3 = await workshop('Kafka deep dive', 'course', [p.hana, p.hugo]);

  const session = async (workshopId: string, startsAt: string, minutes: number, status: 'scheduled' | 'cancelled' = 'scheduled') => {
    const id = newId();
    const endsAt = new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
    await db
      .insertInto('sessions')
      .values({
        id,
        workshop_id: workshopId,
        starts_at: startsAt,
        ends_at: endsAt,
        time_zone: 'Europe/Amsterdam',
        mode: 'in_person',
        location: 'Room Turing',
        seats: 20,
        status,
        cancelled_at: status === 'cancelled' ? T0 : null,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    return id;
  };
  const s1 = await session(w1, '2026-10-05T10:00:00.000Z', 90);
  const s2 = await session(w1, '2026-10-20T10:00:00.000Z', 60);
  const s3 = await session(w2, '2026-10-12T14:00:00.000Z', 90);
  const s4 = await session(w2, '2026-10-25T14:00:00.000Z', 90, 'cancelled');
  const s5 = await session(w3, '2026-09-20T14:00:00.000Z', 90);
  const s6 = await session(w1, '2026-11-05T10:00:00.000Z', 90);

  type Status = 'enrolled' | 'waitlisted' | 'cancelled' | 'attended' | 'no_show';
  const registrations: Record<string, string> = {};
  const register = async (sessionId: string, person: TestPerson, status: Status, late = false) => {
    const id = newId();
    registrations[`${sessionId}:${person.id}`] = id;
    await db
      .insertInto('registrations')
      .values({
        id,
        session_id: sessionId,
        person_id: person.id,
        mode: 'in_person',
        status,
        position: status === 'waitlisted' ? 1 : null,
        late_cancellation: late ? 1 : 0,
        walk_in: 0,
        cancelled_at: status === 'cancelled' ? T0 : null,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
  };
  await register(s1, p.l1, 'attended');
  await register(s1, p.l2, 'attended');
  await register(s1, p.l3, 'no_show');
  await register(s1, p.l4, 'waitlisted');
  await register(s1, p.l5, 'cancelled');
  await register(s2, p.l1, 'attended');
  await register(s2, p.l3, 'attended');
  await register(s2, p.l4, 'enrolled');
  await register(s2, p.l5, 'waitlisted');
  await register(s3, p.l3, 'attended');
  await register(s3, p.l4, 'attended');
  await register(s3, p.l5, 'attended');
  await register(s3, p.l2, 'cancelled', true);
  await register(s4, p.l1, 'enrolled');
  await register(s5, p.l1, 'attended');
  await register(s6, p.l2, 'enrolled');

  for (const [sessionId, workshopId] of [
    [s1, w1],
    [s2, w1],
    [s3, w2],
    [s5, w3],
  ] as const) {
    await db
      .insertInto('feedback_rounds')
      .values({ session_id: sessionId, workshop_id: workshopId, ended_at: T0, closes_at: '2026-11-30T00:00:00.000Z', created_at: T0 })
      .execute();
  }
  const feedback = async (
    sessionId: string,
    workshopId: string,
    person: TestPerson,
    status: 'answered' | 'declined' | 'open',
    rating: number | null,
  ) => {
    await db
      .insertInto('feedback')
      .values({
        id: newId(),
        session_id: sessionId,
        workshop_id: workshopId,
        person_id: person.id,
        status,
        asked_at: T0,
        closes_at: '2026-11-30T00:00:00.000Z',
        rating,
        usefulness: rating,
        answered_at: status === 'answered' ? T0 : null,
        updated_at: T0,
      })
      .execute();
  };
  await feedback(s1, w1, p.l1, 'answered', 5);
  await feedback(s1, w1, p.l2, 'answered', 4);
  await feedback(s1, w1, p.l3, 'declined', null);
  await feedback(s2, w1, p.l1, 'answered', 2);
  await feedback(s3, w2, p.l3, 'answered', 3);
  await feedback(s3, w2, p.l4, 'answered', 4);
  await feedback(s3, w2, p.l5, 'open', null);
  await feedback(s5, w3, p.l1, 'answered', 1);

  const wish = (workshopId: string, person: TestPerson, at: string) =>
    db.insertInto('workshop_interest').values({ workshop_id: workshopId, person_id: person.id, created_at: at }).execute();
  await wish(w3, p.l1, '2026-10-02T09:00:00.000Z');
  await wish(w3, p.l2, '2026-10-15T09:00:00.000Z');
  await wish(w3, p.l3, '2026-10-31T23:59:00.000Z');
  await wish(w1, p.l5, '2026-10-06T09:00:00.000Z');
  await wish(w2, p.l4, '2026-09-30T23:59:00.000Z');

  const channel = async (name: string, slug: string, workshopIds: string[]) => {
    const id = newId();
    await db.insertInto('channels').values({ id, slug, name, description: '', created_at: T0, updated_at: T0 }).execute();
    for (const workshopId of workshopIds)
      await db.insertInto('workshop_channels').values({ workshop_id: workshopId, channel_id: id }).execute();
    return id;
  };
  await channel('Kubernetes', 'kubernetes', [w1]);
  await channel('Data', 'data', [w2]);
  await channel('Design', 'design', []);

  const request = (title: string, description: string, author: TestPerson, status: 'open' | 'claimed', at: string) =>
    db
      .insertInto('workshop_requests')
      .values({ id: newId(), title, description, author_id: author.id, status, created_at: at, updated_at: at })
      .execute();
  await request('More Kubernetes networking', 'Services, ingress and DNS.', p.l1, 'open', '2026-10-03T09:00:00.000Z');
  await request('Pipelines 101', 'We need DATA skills in the team.', p.l3, 'open', '2026-10-04T09:00:00.000Z');
  await request('Both worlds', 'kubernetes and data together', p.l2, 'open', '2026-10-09T09:00:00.000Z');
  await request('Kubernetes security', 'RBAC.', p.l1, 'claimed', '2026-10-10T09:00:00.000Z');
  await request('Kubernetes operators', 'CRDs.', p.l1, 'open', '2026-11-02T09:00:00.000Z');

  return { w1, w2, w3, s1, s2, s3, s4, s5, s6, registrations };
}

export const OCTOBER = 'from=2026-10-01&to=2026-10-31';
