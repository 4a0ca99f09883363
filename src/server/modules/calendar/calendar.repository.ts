import { sql } from 'kysely';
import type { RegistrationStatus } from '../../../contracts/index.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';
import type { PublishedSession } from './calendar.js';

const COLUMNS = [
  's.id',
  's.workshop_id',
  'w.title',
  'w.summary',
  's.starts_at',
  's.ends_at',
  's.mode',
  's.location',
  's.video_url',
  's.status',
] as const;

/** A session of a person's feed, with what decides whether the feed shows them its video link. */
export interface FeedSession extends PublishedSession {
  registration_status: RegistrationStatus | null;
  hosting: boolean;
}

/** What decides whether a feed changed: its person, when its address was made, its version and latest change. */
export interface FeedVersion {
  personId: string;
  /** Whether the person is an admin (a feed has no signed-in actor, only the person behind the address). */
  role: 'member' | 'admin';
  createdAt: string;
  version: string;
  changedAt: string | null;
}

/** SQLite and PostgreSQL both answer an integer column with a number, a missing row with null. */
const sequenceOf = (value: number | string | null) => Number(value ?? 0);

/** A feed's version by its address's hash: every conditional request of a calendar app asks it. */
const feedByTokenQuery = prepared((db: Executor, tokenHash: string) =>
  db
    .selectFrom('calendar_feeds as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select((eb) => [
      'f.person_id',
      'f.created_at',
      'p.role',
      eb
        .selectFrom('calendar_changes as c')
        .whereRef('c.person_id', '=', 'f.person_id')
        .select((c) => c.fn.sum<string | number>('c.seq').as('s'))
        .as('version'),
      eb
        .selectFrom('calendar_changes as c')
        .whereRef('c.person_id', '=', 'f.person_id')
        .select((c) => c.fn.max('c.changed_at').as('m'))
        .as('changed_at'),
    ])
    .where('f.token_hash', '=', tokenHash)
    .where('p.active', '=', 1),
);

/** Sessions as calendars show them, and the secret addresses of personal feeds. */
export const calendarRepository = {
  /** One session, as the SEQUENCE of this person's latest invitation for it has it. */
  async session(db: Executor, id: string, personId: string): Promise<PublishedSession | undefined> {
    const row = await db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .leftJoin('calendar_invites as i', (join) => join.onRef('i.session_id', '=', 's.id').on('i.person_id', '=', personId))
      .select([...COLUMNS, 'i.sequence'])
      .where('s.id', '=', id)
      .executeTakeFirst();
    return row && { ...row, sequence: sequenceOf(row.sequence) };
  },

  /**
   * A person's feed: sessions since `since` they hold a seat in, attended, or host (of published
   * workshops). Cancelled sessions stay in, marked cancelled, so subscribed calendars drop them.
   * Each carries the SEQUENCE of the person's latest invitation for it.
   */
  async feed(db: Executor, personId: string, since: string): Promise<FeedSession[]> {
    const rows = await db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      // At most one registration per session and person is not cancelled (a unique index), one host row, one invitation.
      .leftJoin('registrations as r', (join) =>
        join.onRef('r.session_id', '=', 's.id').on('r.person_id', '=', personId).on('r.status', '<>', sql.lit('cancelled')),
      )
      .leftJoin('workshop_hosts as h', (join) => join.onRef('h.workshop_id', '=', 's.workshop_id').on('h.person_id', '=', personId))
      .leftJoin('calendar_invites as i', (join) => join.onRef('i.session_id', '=', 's.id').on('i.person_id', '=', personId))
      .select([...COLUMNS, 'r.status as registration_status', 'h.person_id as host_id', 'i.sequence'])
      // Driven by the person's own seats and hosted workshops (indexes by person), never a scan of all sessions.
      .where('s.id', 'in', (eb) =>
        eb
          .selectFrom('registrations as mine')
          .select('mine.session_id')
          .where('mine.person_id', '=', personId)
          .where('mine.status', 'in', ['enrolled', 'offered', 'attended'])
          .union(
            eb
              .selectFrom('workshop_hosts as hosted')
              .innerJoin('sessions as hs', 'hs.workshop_id', 'hosted.workshop_id')
              .select('hs.id as session_id')
              .where('hosted.person_id', '=', personId),
          ),
      )
      .where('s.ends_at', '>=', since)
      .where('w.status', '=', 'published')
      .orderBy('s.starts_at')
      .limit(1000)
      .execute();
    // Set on the rows themselves: a feed has hundreds, and a copy of each costs more than reading it.
    const sessions = rows as unknown as (FeedSession & { host_id: string | null })[];
    for (const row of sessions) {
      row.hosting = row.host_id !== null;
      row.sequence = sequenceOf(row.sequence);
    }
    return sessions;
  },

  /** When the person's feed address was made and how it ends; the address itself is not kept. */
  feedOf(db: Executor, personId: string): Promise<{ created_at: string; hint: string } | undefined> {
    return db.selectFrom('calendar_feeds').select(['created_at', 'hint']).where('person_id', '=', personId).executeTakeFirst();
  },

  /**
   * The feed behind a secret address, with its version: the sum of the numbers of its changes
   * (the calendar_changes log, 20261204T0000) and when the latest was. A feed of someone who left
   * answers like an unknown address. One indexed read: all a 304 needs.
   */
  async feedByToken(db: Executor, tokenHash: string): Promise<FeedVersion | undefined> {
    const [row] = await feedByTokenQuery(db, tokenHash);
    return (
      row && {
        personId: row.person_id,
        role: row.role,
        createdAt: row.created_at,
        version: String(row.version ?? 0),
        changedAt: row.changed_at ?? null,
      }
    );
  },

  /** Forgets changes older than `before`, but each person's latest (it is their feed's Last-Modified). */
  async pruneChanges(db: Executor, before: string): Promise<number> {
    const result = await db
      .deleteFrom('calendar_changes as c')
      .where('c.changed_at', '<', before)
      .where((eb) =>
        eb(
          'c.seq',
          '<',
          eb
            .selectFrom('calendar_changes as n')
            .whereRef('n.person_id', '=', 'c.person_id')
            .select((n) => n.fn.max('n.seq').as('m')),
        ),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** One feed per person: a new address replaces the old one. */
  async saveFeed(db: Executor, feed: { personId: string; tokenHash: string; hint: string; at: string }): Promise<void> {
    const values = { token_hash: feed.tokenHash, hint: feed.hint, created_at: feed.at };
    await db
      .insertInto('calendar_feeds')
      .values({ person_id: feed.personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
  },
};
