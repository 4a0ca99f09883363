/**
 * `lyceum seed --scale org`: an organization-sized data set for trying Lyceum at the scale it is
 * designed for and for benchmarks: 20,000 people, 200 channels, 5,000 workshops, 50,000 sessions
 * over five years and 1,000,000 registrations, plus follows, popularity and the search index;
 * checklist runs for ~30 % of the workshops, feedback on every ended session (rounds, asks,
 * answers, follow-ups), "notify me" wishes and workshop requests.
 * Everything comes from seeded PRNGs; dates are laid out around the current week (see org-clock.ts).
 * Loads into an empty database only, in one transaction, in batches that respect both databases'
 * bind-parameter limits; registrations are generated and inserted as a stream.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';
import type { Database } from '../../server/db/schema.js';
import { searchIndex } from '../../server/modules/catalog/search-index.repository.js';
import { registrationsRepository } from '../../server/modules/registrations/registrations.repository.js';
import { buildOrgChannels, channelOwnerRows, channelRow } from './org-channels.js';
import { buildOrgChecklists, starterVersions } from './org-checklists.js';
import { orgClock } from './org-clock.js';
import { buildOrgDemand } from './org-demand.js';
import { feedbackRounds, feedbackRows, SeatsHeld } from './org-feedback.js';
import { buildOrgFollows } from './org-follows.js';
import { buildOrgPeople, personRow } from './org-people.js';
import { planRegistrations, registrationRows } from './org-registrations.js';
import { buildOrgSessions, sessionRow } from './org-sessions.js';
import { buildOrgWorkshops, hostRows, tagRows, workshopChannelRows, workshopRow } from './org-workshops.js';

/** Bind parameters per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

export class OrgSeedRefused extends Error {}

export interface OrgSummary {
  people: number;
  admins: number;
  channels: number;
  workshops: number;
  published: number;
  sessions: number;
  upcomingSessions: number;
  registrations: number;
  follows: number;
  checklistRuns: number;
  feedback: number;
  answeredFeedback: number;
  followUps: number;
  wishes: number;
  requests: number;
  searchDocuments: number;
  seconds: number;
}

/** Reports progress over all rows: the phase, rows done, rows in all. */
export type OrgProgress = (phase: string, done: number, total: number) => void;

export async function seedOrg(
  db: Kysely<Database>,
  options: {
    now?: Date;
    onProgress?: OrgProgress;
    /** Fewer registrations (and so feedback) than the million, for tests; everything else is the same. */
    registrations?: number;
  } = {},
): Promise<OrgSummary> {
  const started = performance.now();
  const existing = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) {
    throw new OrgSeedRefused(
      `the database already holds ${Number(existing.n).toLocaleString('en-US')} people; --scale org loads into an empty database only (point DATABASE_URL at a new one)`,
    );
  }

  const clock = orgClock(options.now ?? new Date());
  const people = buildOrgPeople(clock);
  const channels = buildOrgChannels(people, clock);
  const workshops = buildOrgWorkshops(people, channels, clock);
  const sessions = buildOrgSessions(workshops, clock);
  const follows = buildOrgFollows(people, channels, clock);
  const counts = planRegistrations(sessions, clock, options.registrations);
  const popularity = new Int32Array(workshops.length);
  const checklists = buildOrgChecklists(workshops, sessions, await starterVersions(db), clock);
  const demand = buildOrgDemand(workshops, people, clock);
  const seats = new SeatsHeld(sessions, people, clock);
  const endedSessions = sessions.filter((s) => s.cancelledMs === null && s.endMs <= clock.nowMs).length;

  const planned =
    people.all.length +
    channels.all.length * 2 +
    workshops.reduce((n, w) => n + 1 + w.hosts.length + w.tags.length + w.channels.length, 0) +
    sessions.length +
    counts.reduce((n, c) => n + c, 0) +
    follows.length +
    workshops.length * 2 +
    checklists.runs.length +
    checklists.answers.length +
    endedSessions +
    // Asks and follow-ups are known only once the registrations have streamed past: estimated.
    Math.round(counts.reduce((n, c) => n + c, 0) * 0.9) +
    demand.interest.length +
    demand.requests.length +
    demand.votes.length;
  let done = 0;
  const tick = (phase: string, rows: number) => {
    done += rows;
    options.onProgress?.(phase, done, planned);
  };
  tick('people', 0);

  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  const restore: { synchronous?: unknown; cache_size?: unknown } = {};
  if (sqlite) {
    // Only for the load: no fsync per commit, and a page cache that holds the indexes being built.
    restore.synchronous = (await sql<{ synchronous: number }>`pragma synchronous`.execute(db)).rows[0]?.synchronous;
    restore.cache_size = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size;
    await sql`pragma synchronous = OFF`.execute(db);
    await sql`pragma cache_size = -65536`.execute(db);
  }
  let registrations = 0;
  const asked = { feedback: 0, answered: 0, followUps: 0 };
  try {
    await db.transaction().execute(async (trx) => {
      const t = trx as unknown as Kysely<any>;
      const insert = async (table: string, phase: string, rows: Iterable<object>) => {
        let batch: object[] = [];
        let size = 0;
        let inserted = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await t.insertInto(table).values(batch).execute();
          inserted += batch.length;
          tick(phase, batch.length);
          batch = [];
        };
        for (const row of rows) {
          if (size === 0) size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(row).length));
          batch.push(row);
          if (batch.length >= size) await flush();
        }
        await flush();
        return inserted;
      };

      await insert(
        'people',
        'people',
        people.all.map((p) => personRow(p, people.all)),
      );
      await insert('channels', 'channels', channels.all.map(channelRow));
      await insert('channel_owners', 'channels', channels.all.flatMap(channelOwnerRows));
      await insert('workshops', 'workshops', workshops.map(workshopRow));
      await insert('workshop_hosts', 'workshops', workshops.flatMap(hostRows));
      await insert('workshop_tags', 'workshops', workshops.flatMap(tagRows));
      await insert('workshop_channels', 'workshops', workshops.flatMap(workshopChannelRows));
      await insert('sessions', 'sessions', sessions.map(sessionRow));
      // A million rows: the seat and waitlist counts are recounted once afterwards instead of kept row by row
      // (PostgreSQL lets the owner pause a trigger; SQLite keeps counting, which it does quickly).
      const counting = ['registrations_seat_counts', ...['insert', 'delete', 'update'].map((e) => `registrations_waiting_counts_${e}`)];
      if (!sqlite) for (const t of counting) await sql`alter table registrations disable trigger ${sql.id(t)}`.execute(trx);
      registrations = await insert(
        'registrations',
        'registrations',
        seats.tap(registrationRows(sessions, counts, people, clock, popularity)),
      );
      if (!sqlite) {
        for (const t of counting) await sql`alter table registrations enable trigger ${sql.id(t)}`.execute(trx);
        await registrationsRepository.recountSessionCounts(trx);
      }
      await insert('follows', 'follows', follows);
      await insert('checklist_runs', 'checklists', checklists.runs);
      await insert('checklist_answers', 'checklists', checklists.answers);
      await insert('feedback_rounds', 'feedback', feedbackRounds(sessions, clock));
      // Two passes over the same deterministic asks: follow-ups refer to feedback rows already in.
      const asks = () => feedbackRows(sessions, seats, checklists.completion, people, clock);
      asked.feedback = await insert(
        'feedback',
        'feedback',
        (function* () {
          for (const a of asks()) {
            if (a.feedback.status === 'answered') asked.answered++;
            yield a.feedback;
          }
        })(),
      );
      asked.followUps = await insert(
        'feedback_follow_ups',
        'feedback',
        (function* () {
          for (const a of asks()) if (a.followUp) yield a.followUp;
        })(),
      );
      await insert('workshop_interest', 'demand', demand.interest);
      await insert('workshop_requests', 'demand', demand.requests);
      await insert('request_votes', 'demand', demand.votes);

      // Registrations of the last 365 days (not cancelled), as the periodic refresh counts them.
      for (const w of workshops) {
        const n = popularity[w.index] ?? 0;
        if (n > 0) await trx.updateTable('workshops').set({ popularity: n }).where('id', '=', w.id).execute();
        tick('popularity', 1);
      }
      let indexed = 0;
      await searchIndex.rebuildAll(trx, (documents) => {
        tick('search index', documents - indexed);
        indexed = documents;
      });
    });
  } finally {
    if (sqlite) {
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
      await sql.raw(`pragma synchronous = ${Number(restore.synchronous ?? 1)}`).execute(db);
      await sql.raw(`pragma cache_size = ${Number(restore.cache_size ?? -2000)}`).execute(db);
    }
  }
  // PostgreSQL: what autovacuum would do in the next minutes (statistics, visibility map for
  // index-only scans), done now so the first queries see a settled database; not in a transaction.
  if (!sqlite) {
    const loaded = ['people', 'channels', 'channel_owners', 'workshops', 'workshop_hosts', 'workshop_tags', 'workshop_channels'];
    const feedback = ['feedback_rounds', 'feedback', 'feedback_follow_ups', 'checklist_runs', 'checklist_answers'];
    const demanded = ['workshop_interest', 'workshop_requests', 'request_votes'];
    for (const table of [...loaded, 'sessions', 'registrations', 'follows', ...feedback, ...demanded, 'workshop_search']) {
      await sql`vacuum analyze ${sql.table(table)}`.execute(db);
    }
    // The rollups' triggers updated each session's row once per registration and answer: rewritten
    // compactly (a live database updates them a few at a time, in place).
    for (const table of ['session_tallies', 'learning_days', 'learner_months']) {
      await sql`vacuum full analyze ${sql.table(table)}`.execute(db);
    }
  }
  return {
    people: people.all.length,
    admins: people.all.filter((p) => p.role === 'admin').length,
    channels: channels.all.length,
    workshops: workshops.length,
    published: workshops.filter((w) => w.status === 'published').length,
    sessions: sessions.length,
    upcomingSessions: sessions.filter((s) => s.startMs > clock.nowMs && s.cancelledMs === null).length,
    registrations,
    follows: follows.length,
    checklistRuns: checklists.runs.length,
    feedback: asked.feedback,
    answeredFeedback: asked.answered,
    followUps: asked.followUps,
    wishes: demand.interest.length,
    requests: demand.requests.length,
    searchDocuments: workshops.length,
    seconds: (performance.now() - started) / 1000,
  };
}
