/**
 * Demo data that feels real: ~200 people in a dozen teams across several time zones, ~40
 * workshops with hosts and tags, ~100 sessions around the current week and two years of history
 * before them (demo-history.ts), told so the education team's dashboard has a story: growth once
 * anyone could create a workshop, a team that learns little and a topic with a long waitlist
 * (demo-demand.ts), checklists associated with better ratings (demo-checklists.ts). Everything comes
 * from seeded PRNGs, so every run produces the same organisation and catalog; only the dates move
 * with `now` (session dates are anchored to the start of `now`'s week, so the calendar keeps its
 * shape). Ids are derived from stable keys and never change.
 */
import type { Insertable, Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type {
  Database,
  PeopleTable,
  RegistrationsTable,
  SessionsTable,
  WorkshopHostsTable,
  WorkshopsTable,
  WorkshopTagsTable,
} from '../../server/db/schema.js';
import { searchRepository } from '../../server/modules/catalog/search.repository.js';
import { searchIndex } from '../../server/modules/catalog/search-index.repository.js';
import { DAY, HOUR, iso, MINUTE } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { buildDemoChannels } from './demo-channels.js';
import { buildDemoChecklists, type StarterVersion } from './demo-checklists.js';
import { buildDemoDemand } from './demo-demand.js';
import { seedDemoFeedback } from './demo-feedback.js';
import { planHistory } from './demo-history.js';
import { demoId } from './demo-ids.js';
import { buildDemoPeople, FIRST_DEMO_EMAIL } from './demo-people.js';
import { seedDemoRecordings } from './demo-recordings.js';
import { buildDemoRegistrations } from './demo-registrations.js';
import { planSessions } from './demo-sessions.js';
import { assignHosts, DEMO_WORKSHOPS } from './demo-workshops.js';

export interface DemoSummary {
  people: number;
  workshops: number;
  sessions: number;
  registrations: number;
  checklists: number;
  skipped: boolean;
}

export interface DemoData {
  people: PeopleTable[];
  workshops: Insertable<WorkshopsTable>[];
  hosts: WorkshopHostsTable[];
  tags: WorkshopTagsTable[];
  sessions: Insertable<SessionsTable>[];
  registrations: Insertable<RegistrationsTable>[];
}

/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters and SQLite's 32,766. */
const BATCH_ROWS = 500;

/** The same local day in `zone`, at a random time between 09:00 and 17:59. */
function atWorkingHours(ms: number, zone: string, random: Random): number {
  return DateTime.fromMillis(ms, { zone })
    .set({ hour: random.int(9, 17), minute: random.int(0, 59), second: 0, millisecond: 0 })
    .toMillis();
}

/** The rows seedDemo inserts, for a given `now`; pure, so tests and benchmarks can use it too. */
export function buildDemoData(now: Date): DemoData {
  const nowMs = Math.floor(now.getTime() / MINUTE) * MINUTE;
  const people = buildDemoPeople();
  const hostsBySpec = assignHosts(DEMO_WORKSHOPS, people);
  const data: DemoData = { people: [], workshops: [], hosts: [], tags: [], sessions: [], registrations: [] };

  for (const person of people) {
    const joined = iso(nowMs - person.joinedDaysAgo * DAY);
    data.people.push({
      id: person.id,
      email: person.email,
      name: person.name,
      title: person.title,
      team: person.team,
      location: person.office.name,
      time_zone: person.office.timeZone,
      manager_id: person.managerId,
      role: person.role,
      created_at: joined,
      updated_at: joined,
    });
  }

  for (const spec of DEMO_WORKSHOPS) {
    const hosts = hostsBySpec.get(spec) ?? [];
    const owner = hosts[0];
    if (!owner) throw new Error(`demo workshop "${spec.title}" has no owner`);
    const random = new Random(`dates:${spec.title}`);
    // The planned calendar first, then its history: planned sessions keep their per-workshop index.
    const planned = [...planSessions(spec, hosts, now), ...planHistory(spec, hosts, now)];
    const fresh = spec.schedule?.fresh === true;
    const firstStart = planned.length > 0 ? Math.min(...planned.map((s) => Date.parse(s.starts_at))) : null;

    // Published some days ago, and always well before its first session (past ones included);
    // edits happen in the owner's working hours.
    const zone = owner.office.timeZone;
    const workday = (ms: number) => atWorkingHours(ms, zone, random);
    let publishedMs: number | null = null;
    if (!spec.draft) {
      publishedMs = workday(nowMs - (fresh ? random.int(1, 6) : random.int(3, 45)) * DAY);
      if (firstStart !== null && !fresh) publishedMs = Math.min(publishedMs, workday(firstStart - random.int(10, 21) * DAY));
    }
    const createdMs = workday((publishedMs ?? nowMs) - random.int(1, 14) * DAY);
    const updatedMs =
      publishedMs === null
        ? Math.max(createdMs, Math.min(nowMs - HOUR, workday(createdMs + random.int(0, 3) * DAY)))
        : random.chance(0.5)
          ? publishedMs
          : Math.min(nowMs - HOUR, workday(publishedMs + random.int(1, 10) * DAY));
    const workshopId = demoId(`workshop:${spec.title}`);

    data.workshops.push({
      id: workshopId,
      // A multi-part course is a series: people register for all parts at once.
      is_series: spec.schedule?.series && spec.format === 'course' ? 1 : 0,
      title: spec.title,
      summary: spec.summary,
      description: spec.description,
      audience: spec.audience,
      objectives: JSON.stringify(spec.objectives),
      prerequisites: spec.prerequisites,
      format: spec.format,
      duration_minutes: spec.durationMinutes,
      materials: JSON.stringify(spec.materials),
      status: spec.draft ? 'draft' : 'published',
      created_by: owner.id,
      created_at: iso(createdMs),
      updated_at: iso(updatedMs),
      published_at: publishedMs === null ? null : iso(publishedMs),
    });

    hosts.forEach((host, i) => {
      const addedMs = i === 0 ? createdMs : Math.min(createdMs + random.int(0, 3) * DAY, publishedMs ?? nowMs - HOUR);
      data.hosts.push({ workshop_id: workshopId, person_id: host.id, role: i === 0 ? 'owner' : 'cohost', added_at: iso(addedMs) });
    });
    for (const tag of new Set(spec.tags)) data.tags.push({ workshop_id: workshopId, tag });

    // A session is created after the workshop is published (or drafted) and before it starts;
    // a weekly series is created all at once.
    const floorMs = publishedMs ?? createdMs;
    const createdFor = (startMs: number) =>
      Math.max(floorMs, Math.min(workday(startMs - random.int(10, 25) * DAY), nowMs - random.int(2, 240) * HOUR));
    const seriesCreatedMs = spec.schedule?.series && firstStart !== null ? createdFor(firstStart) : null;
    for (const session of planned) {
      const startMs = Date.parse(session.starts_at);
      const sessionCreatedMs = seriesCreatedMs ?? createdFor(startMs);
      let cancelledMs: number | null = null;
      if (session.status === 'cancelled') {
        const beforeStart = startMs > nowMs ? nowMs - random.int(2, 72) * HOUR : startMs - random.int(1, 5) * DAY;
        cancelledMs = Math.max(sessionCreatedMs, beforeStart);
      }
      data.sessions.push({
        ...session,
        cancelled_at: cancelledMs === null ? null : iso(cancelledMs),
        created_at: iso(sessionCreatedMs),
        updated_at: iso(cancelledMs ?? sessionCreatedMs),
      });
    }
  }

  data.registrations = buildDemoRegistrations(
    data.people,
    data.workshops,
    data.hosts,
    data.sessions,
    demoId(`person:${FIRST_DEMO_EMAIL}`),
    nowMs,
  );
  return data;
}

/**
 * Loads the demo organisation in one transaction. Does nothing (skipped: true) when the demo
 * people are already there, so it is safe to run on every start.
 */
export async function seedDemo(db: Kysely<Database>, now: Date = new Date()): Promise<DemoSummary> {
  const data = buildDemoData(now);
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('people').select('id').where('email', '=', FIRST_DEMO_EMAIL).executeTakeFirst();
    if (existing) return { people: 0, workshops: 0, sessions: 0, registrations: 0, checklists: 0, skipped: true };

    // Leaders come first in data.people, so every manager exists before their reports.
    for (const rows of batches(data.people)) await trx.insertInto('people').values(rows).execute();
    for (const rows of batches(data.workshops)) await trx.insertInto('workshops').values(rows).execute();
    for (const rows of batches(data.hosts)) await trx.insertInto('workshop_hosts').values(rows).execute();
    for (const rows of batches(data.tags)) await trx.insertInto('workshop_tags').values(rows).execute();
    for (const rows of batches(data.sessions)) await trx.insertInto('sessions').values(rows).execute();
    for (const rows of batches(data.registrations)) await trx.insertInto('registrations').values(rows).execute();
    const checklists = buildDemoChecklists(data.workshops, data.hosts, data.sessions, await starterVersions(trx), now.getTime());
    for (const rows of batches(checklists.runs)) await trx.insertInto('checklist_runs').values(rows).execute();
    for (const rows of batches(checklists.answers)) await trx.insertInto('checklist_answers').values(rows).execute();
    for (const rows of batches(checklists.suggestions)) await trx.insertInto('checklist_suggestions').values(rows).execute();
    await seedDemoFeedback(trx, data, now);
    await seedDemoRecordings(trx, now);
    const demand = buildDemoDemand(data.people, data.workshops, data.hosts, data.sessions, data.registrations, now.getTime());
    for (const rows of batches(demand.interest)) await trx.insertInto('workshop_interest').values(rows).execute();
    for (const rows of batches(demand.requests)) await trx.insertInto('workshop_requests').values(rows).execute();
    for (const rows of batches(demand.votes)) await trx.insertInto('request_votes').values(rows).execute();
    const channels = buildDemoChannels(
      data.workshops,
      data.tags,
      data.hosts,
      data.people.map((p) => p.id),
      now.getTime(),
    );
    await trx.insertInto('channels').values(channels.channels).execute();
    await trx.insertInto('channel_owners').values(channels.owners).execute();
    for (const rows of batches(channels.workshopChannels)) await trx.insertInto('workshop_channels').values(rows).execute();
    for (const rows of batches(channels.follows)) await trx.insertInto('follows').values(rows).execute();
    await searchIndex.rebuildAll(trx);
    await searchRepository.refreshPopularity(trx, new Date(now.getTime() - 365 * 86_400_000).toISOString());
    return {
      people: data.people.length,
      workshops: data.workshops.length,
      sessions: data.sessions.length,
      registrations: data.registrations.length,
      checklists: checklists.runs.length,
      skipped: false,
    };
  });
}

/** The current version of each template the migrations shipped, with its items in order. */
async function starterVersions(db: Kysely<Database>): Promise<StarterVersion[]> {
  const templates = await db
    .selectFrom('checklist_templates as t')
    .innerJoin('checklist_versions as v', (join) => join.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.current_version'))
    .select(['t.id', 't.formats', 'v.id as version_id'])
    .where('t.status', '=', 'active')
    .orderBy('t.id')
    .execute();
  const result: StarterVersion[] = [];
  for (const t of templates) {
    const items = await db
      .selectFrom('checklist_items')
      .select(['key', 'phase', 'text'])
      .where('version_id', '=', t.version_id)
      .orderBy('position')
      .execute();
    result.push({ templateId: t.id, versionId: t.version_id, formats: JSON.parse(t.formats) as string[], items });
  }
  return result;
}

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) yield rows.slice(i, i + BATCH_ROWS);
}
