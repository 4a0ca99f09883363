import type { Db } from '../../src/server/platform/db.js';
import { newId } from '../../src/server/platform/ids.js';

/**
 * A small organisation for overview.test.ts, built straight in the tables so every figure can be
 * counted by hand (the counts are in the test). Period 2025-04-01…2025-06-30, previous period
 * 2024-12-31…2025-03-31, a year earlier 2024-04…06. Every date is in the past: every session is held.
 */
export interface OverviewPeople {
  mia: string; // Platform, manages Pete and Hana
  pete: string; // Platform, manages Paula and Dora
  paula: string; // Platform
  dan: string; // Data
  dora: string; // Data (reports to Pete)
  hana: string; // Platform, hosts W1 and W2
  hugo: string; // Data, hosts W3, co-hosts W1
  fay: string; // Data, hosts W4
  max: string; // Ops
  vera: string; // Ops
}

const T0 = '2024-01-01T00:00:00.000Z';

export async function seedOverview(db: Db, p: OverviewPeople) {
  const teams: [string, string, string | null][] = [
    [p.mia, 'Platform', null],
    [p.pete, 'Platform', p.mia],
    [p.paula, 'Platform', p.pete],
    [p.dora, 'Data', p.pete],
    [p.hana, 'Platform', p.mia],
    [p.dan, 'Data', null],
    [p.hugo, 'Data', null],
    [p.fay, 'Data', null],
    [p.max, 'Ops', null],
    [p.vera, 'Ops', null],
  ];
  for (const [id, team, manager] of teams) await db.updateTable('people').set({ team, manager_id: manager }).where('id', '=', id).execute();

  const channelId = newId();
  await db
    .insertInto('channels')
    .values({ id: channelId, slug: 'data-eng', name: 'Data engineering', description: '', created_at: T0, updated_at: T0 })
    .execute();

  const workshop = async (
    title: string,
    format: 'hands_on_lab' | 'talk' | 'discussion' | 'office_hours',
    hosts: string[],
    publishedAt: string,
    channel: boolean,
  ) => {
    const id = newId();
    await db
      .insertInto('workshops')
      .values({
        id,
        title,
        summary: title,
        description: title,
        objectives: '[]',
        format,
        duration_minutes: 60,
        materials: '[]',
        status: 'published',
        created_by: hosts[0] ?? p.hana,
        created_at: T0,
        updated_at: T0,
        published_at: publishedAt,
      })
      .execute();
    for (const [i, host] of hosts.entries()) {
      await db
        .insertInto('workshop_hosts')
        .values({ workshop_id: id, person_id: host, role: i === 0 ? 'owner' : 'cohost', added_at: T0 })
        .execute();
    }
    if (channel) await db.insertInto('workshop_channels').values({ workshop_id: id, channel_id: channelId }).execute();
    return id;
  };
  const w1 = await workshop('Kafka lab', 'hands_on_lab', [p.hana, p.hugo], '2025-04-10T08:00:00.000Z', true);
  const w2 = await workshop('SQL talk', 'talk', [p.hana], '2024-01-15T08:00:00.000Z', false);
  const w3 = await workshop('Data discussion', 'discussion', [p.hugo], '2025-02-01T08:00:00.000Z', true);
  const w4 = await workshop('Office hours', 'office_hours', [p.fay], '2025-04-20T08:00:00.000Z', false);

  const session = async (workshopId: string, startsAt: string, minutes: number, status: 'scheduled' | 'cancelled' = 'scheduled') => {
    const id = newId();
    await db
      .insertInto('sessions')
      .values({
        id,
        workshop_id: workshopId,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + minutes * 60_000).toISOString(),
        time_zone: 'UTC',
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
  // The period.
  const s1 = await session(w1, '2025-04-15T10:00:00.000Z', 90);
  const s10 = await session(w2, '2025-04-08T09:00:00.000Z', 60);
  // S8: Fay's office hours, nobody registered.
  await session(w4, '2025-04-25T13:00:00.000Z', 60);
  const s2 = await session(w2, '2025-05-20T09:00:00.000Z', 60);
  const s9 = await session(w1, '2025-06-03T10:00:00.000Z', 90);
  const s3 = await session(w3, '2025-06-10T14:00:00.000Z', 120);
  const s4 = await session(w2, '2025-06-20T09:00:00.000Z', 60, 'cancelled');
  // The previous period, and a year earlier.
  const s5 = await session(w2, '2025-02-10T09:00:00.000Z', 60);
  const s6 = await session(w3, '2025-01-05T10:00:00.000Z', 120);
  const s7 = await session(w2, '2024-05-10T09:00:00.000Z', 60);

  type Status = 'enrolled' | 'waitlisted' | 'offered' | 'cancelled' | 'attended' | 'no_show';
  const register = async (sessionId: string, person: string, status: Status, late = false) => {
    await db
      .insertInto('registrations')
      .values({
        id: newId(),
        session_id: sessionId,
        person_id: person,
        mode: 'in_person',
        status,
        position: status === 'waitlisted' ? 1 : null,
        offer_expires_at: status === 'offered' ? '2030-01-01T00:00:00.000Z' : null,
        late_cancellation: late ? 1 : 0,
        walk_in: 0,
        checked_in_at: status === 'attended' ? T0 : null,
        cancelled_at: status === 'cancelled' ? T0 : null,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
  };
  await register(s1, p.pete, 'attended');
  await register(s1, p.paula, 'attended');
  await register(s1, p.dan, 'no_show');
  await register(s1, p.dora, 'enrolled');
  await register(s1, p.mia, 'cancelled', true);
  await register(s1, p.max, 'waitlisted');
  await register(s10, p.mia, 'attended');
  await register(s2, p.pete, 'attended');
  await register(s2, p.dora, 'attended');
  await register(s2, p.dan, 'cancelled');
  await register(s2, p.paula, 'offered');
  await register(s9, p.paula, 'attended');
  await register(s9, p.dan, 'attended');
  await register(s3, p.dan, 'attended');
  await register(s3, p.dora, 'waitlisted');
  await register(s3, p.pete, 'no_show');
  await register(s4, p.mia, 'attended');
  await register(s5, p.pete, 'attended');
  await register(s5, p.dan, 'attended');
  await register(s5, p.paula, 'no_show');
  await register(s6, p.dora, 'attended');
  await register(s6, p.mia, 'cancelled', true);
  await register(s7, p.pete, 'attended');
  await register(s7, p.paula, 'attended');

  const workshopOf = new Map([
    [s1, w1],
    [s10, w2],
    [s2, w2],
    [s9, w1],
    [s3, w3],
    [s5, w2],
    [s6, w3],
  ]);
  for (const [sessionId, workshopId] of workshopOf) {
    await db
      .insertInto('feedback_rounds')
      .values({ session_id: sessionId, workshop_id: workshopId, ended_at: T0, closes_at: T0, created_at: T0 })
      .execute();
  }
  const ask = async (sessionId: string, person: string, status: 'open' | 'answered' | 'declined', rating?: number, usefulness?: number) => {
    await db
      .insertInto('feedback')
      .values({
        id: newId(),
        session_id: sessionId,
        workshop_id: workshopOf.get(sessionId) ?? w1,
        person_id: person,
        status,
        asked_at: T0,
        closes_at: T0,
        answered_at: status === 'answered' ? T0 : null,
        rating: rating ?? null,
        usefulness: usefulness ?? null,
        updated_at: T0,
      })
      .execute();
  };
  await ask(s1, p.pete, 'answered', 5, 4);
  await ask(s1, p.paula, 'answered', 4, 5);
  await ask(s1, p.dan, 'declined');
  await ask(s1, p.dora, 'open');
  await ask(s10, p.mia, 'answered', 3, 2);
  await ask(s2, p.pete, 'answered', 3, 3);
  await ask(s2, p.dora, 'answered', 2, 2);
  await ask(s9, p.paula, 'answered', 5, 5);
  await ask(s9, p.dan, 'answered', 3, 3);
  await ask(s3, p.dan, 'answered', 4, 4);
  await ask(s3, p.pete, 'open');
  await ask(s5, p.pete, 'answered', 5, 5);
  await ask(s5, p.dan, 'answered', 3, 4);
  await ask(s5, p.paula, 'open');
  await ask(s6, p.dora, 'answered', 4, 4);

  // A checklist of four items: two analysis, one design, one evaluation.
  const templateId = newId();
  const versionId = newId();
  await db
    .insertInto('checklist_templates')
    .values({
      id: templateId,
      name: 'Fixture',
      description: '',
      formats: '[]',
      status: 'active',
      current_version: 1,
      created_by: null,
      created_at: T0,
      updated_at: T0,
    })
    .execute();
  await db
    .insertInto('checklist_versions')
    .values({ id: versionId, template_id: templateId, version: 1, status: 'published', created_at: T0, published_at: T0 })
    .execute();
  const items = [
    ['a1', 'analysis'],
    ['a2', 'analysis'],
    ['d1', 'design'],
    ['e1', 'evaluation'],
  ] as const;
  for (const [i, [key, phase]] of items.entries()) {
    await db
      .insertInto('checklist_items')
      .values({
        id: newId(),
        version_id: versionId,
        key,
        position: i,
        phase,
        timing: 'before',
        text: key,
        guidance: '',
        offset_days: null,
        links: '[]',
      })
      .execute();
  }
  const run = async (workshopId: string, before: number | null, after: number | null, answers: [string, 'yes' | 'no' | 'na' | null][]) => {
    const id = newId();
    await db
      .insertInto('checklist_runs')
      .values({
        id,
        workshop_id: workshopId,
        template_id: templateId,
        version_id: versionId,
        show_on_workshop: 0,
        reminders: 0,
        confidence_before: before,
        confidence_after: after,
        started_by: null,
        created_at: T0,
        updated_at: T0,
      })
      .execute();
    for (const [key, answer] of answers) {
      await db
        .insertInto('checklist_answers')
        .values({ run_id: id, item_key: key, answer, note: null, answered_by: null, answered_at: T0 })
        .execute();
    }
  };
  // W1: 3 of 4 answered (0.75); W3: 1 of 4 (0.25). W2 and W4 have none.
  await run(w1, 2, 4, [
    ['a1', 'yes'],
    ['a2', 'no'],
    ['d1', 'na'],
    ['e1', null],
  ]);
  await run(w3, 3, null, [['a1', 'yes']]);

  // Wishes and requests: one of each in the period, one in the previous period, the rest outside or not open.
  const wish = (workshopId: string, person: string, at: string) =>
    db.insertInto('workshop_interest').values({ workshop_id: workshopId, person_id: person, created_at: at }).execute();
  await wish(w1, p.max, '2025-05-01T12:00:00.000Z');
  await wish(w3, p.dan, '2025-03-15T12:00:00.000Z');
  await wish(w2, p.vera, '2024-06-01T12:00:00.000Z');
  const request = (author: string, status: 'open' | 'claimed', at: string, title = 'Please') =>
    db
      .insertInto('workshop_requests')
      .values({
        id: newId(),
        title,
        description: '',
        author_id: author,
        status,
        claimed_by: null,
        workshop_id: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
  // Paula's names the data-eng channel ("Data engineering") in its words.
  await request(p.paula, 'open', '2025-04-05T12:00:00.000Z', 'More DATA engineering, please');
  await request(p.dora, 'claimed', '2025-05-05T12:00:00.000Z');
  await request(p.dan, 'open', '2025-01-20T12:00:00.000Z');
}
