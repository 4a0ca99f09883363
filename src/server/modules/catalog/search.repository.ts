import { sql } from 'kysely';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';
import type { MemoryWorkshop } from './search-memory.js';

export type Mode = 'in_person' | 'online' | 'hybrid';
export type Format = 'talk' | 'hands_on_lab' | 'discussion' | 'course' | 'office_hours';

export interface SearchFilter {
  terms: string[];
  /** The query as typed, lower-cased and trimmed: an exact title match ranks first. */
  exact: string;
  tags: string[];
  channels: string[];
  modes: Mode[];
  formats: Format[];
  locations: string[];
  hosts: string[];
  language?: string;
  from: string;
  to?: string;
  hasSeats: boolean;
  /** Whether from/to were given (a date range is a session filter). */
  dated: boolean;
  /** Only these workshops (recommendations, channel pages). */
  ids?: string[];
}

export type SearchSort = 'relevance' | 'soonest' | 'popular' | 'newest';

/** A published workshop passing the filters that are not facets, with what the facets and sorts need. */
export interface CandidateRow {
  id: string;
  format: Format;
  popularity: number;
  published_at: string;
  /** Relevance: 0 exact title, 1 title matches, 2 the rest (0 without terms). */
  tier: number;
  tags: string[];
  channelIds: string[];
  /** The tags, the channel ids and the format as facet value ids (search-results.ts idOf): counted per result. */
  tagIds: Int32Array;
  channelNums: Int32Array;
  formatId: number;
  /** Where the memory index keeps the workshop (search-memory.ts): found again without a lookup by id. */
  slot: number;
}

/** A workshop's next upcoming session of one mode at one place, among those passing the session filters. */
export interface SessionGroupRow {
  workshop_id: string;
  mode: Mode;
  location: string | null;
  starts_at: string;
}

const changesAfter = prepared((db, after: number) =>
  db.selectFrom('search_changes').select(['seq', 'workshop_id']).where('seq', '>', after).orderBy('seq'),
);

/** Sorts after every real start time: workshops with nothing scheduled come last. */
export const NEVER = '9999-12-31T00:00:00.000Z';

/** Workshops read per statement when the memory index reads some of them again. */
const CHUNK = 500;

/** Session `s` has a seat left in some pool (kept counts; null seats means no limit). Also the change log triggers' test. */
const seatLeft = (s: { mode: Mode; seats: number | null; online_seats: number | null; in_person_taken: number; online_taken: number }) =>
  s.seats === null ||
  (s.mode !== 'online' && s.seats > s.in_person_taken) ||
  (s.mode === 'online' && s.seats > s.online_taken) ||
  (s.mode === 'hybrid' && (s.online_seats === null || s.online_seats > s.online_taken));

function groupBy<T extends { workshop_id: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.workshop_id);
    if (list) list.push(row);
    else map.set(row.workshop_id, [row]);
  }
  return map;
}

/**
 * What search reads: the published workshops with what the memory index keeps of them
 * (search-memory.ts), the change log that keeps it current, and the periodic popularity recount.
 */
export const searchRepository = {
  /**
   * Published workshops (all, or those of `ids` that are published) with their tags, channels,
   * hosts and upcoming scheduled sessions, as the memory index keeps them.
   */
  async workshops(db: Executor, ids?: string[]): Promise<MemoryWorkshop[]> {
    if (ids && ids.length > CHUNK) {
      const out: MemoryWorkshop[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await searchRepository.workshops(db, ids.slice(i, i + CHUNK))));
      return out;
    }
    if (ids && ids.length === 0) return [];
    const now = new Date().toISOString();
    let workshops = db
      .selectFrom('workshops as w')
      .select([
        'w.id',
        'w.title',
        'w.summary',
        'w.description',
        'w.language',
        'w.format',
        'w.popularity',
        sql<string>`coalesce(w.published_at, w.created_at)`.as('published_at'),
      ])
      .where('w.status', '=', 'published');
    let tags = db.selectFrom('workshop_tags').select(['workshop_id', 'tag']).orderBy('workshop_id').orderBy('tag');
    let channels = db.selectFrom('workshop_channels').select(['workshop_id', 'channel_id']);
    let hosts = db
      .selectFrom('workshop_hosts as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .select(['h.workshop_id', 'p.id', 'p.name', 'p.title'])
      .orderBy('h.workshop_id')
      .orderBy('h.added_at')
      .orderBy('p.name');
    let sessions = db
      .selectFrom('sessions')
      .select([
        'id',
        'workshop_id',
        'starts_at',
        'ends_at',
        'time_zone',
        'mode',
        'location',
        'seats',
        'online_seats',
        'in_person_taken',
        'online_taken',
      ])
      .where('status', '=', 'scheduled')
      .where('starts_at', '>=', now)
      .orderBy('starts_at')
      .orderBy('id');
    let recorded = db.selectFrom('sessions').select('workshop_id').distinct().where('recording_url', 'is not', null);
    if (ids) {
      workshops = workshops.where('w.id', 'in', ids);
      tags = tags.where('workshop_id', 'in', ids);
      channels = channels.where('workshop_id', 'in', ids);
      hosts = hosts.where('h.workshop_id', 'in', ids);
      sessions = sessions.where('workshop_id', 'in', ids);
      recorded = recorded.where('workshop_id', 'in', ids);
    }
    const [w, t, c, h, s, r] = await Promise.all([
      workshops.execute(),
      tags.execute(),
      channels.execute(),
      hosts.execute(),
      sessions.execute(),
      recorded.execute(),
    ]);
    const tagsOf = groupBy(t);
    const channelsOf = groupBy(c);
    const hostsOf = groupBy(h);
    const sessionsOf = groupBy(s);
    const withRecording = new Set(r.map((row) => row.workshop_id));
    return w.map((row) => ({
      id: row.id,
      title: row.title,
      summary: row.summary,
      description: row.description,
      language: row.language,
      format: row.format,
      popularity: Number(row.popularity),
      published_at: row.published_at,
      tags: (tagsOf.get(row.id) ?? []).map((x) => x.tag),
      channelIds: (channelsOf.get(row.id) ?? []).map((x) => x.channel_id),
      hosts: (hostsOf.get(row.id) ?? []).map((x) => ({ id: x.id, name: x.name, title: x.title })),
      hasRecording: withRecording.has(row.id),
      sessions: (sessionsOf.get(row.id) ?? []).map((x) => ({
        id: x.id,
        workshop_id: x.workshop_id,
        starts_at: x.starts_at,
        ends_at: x.ends_at,
        time_zone: x.time_zone,
        mode: x.mode,
        location: x.location,
        seats: x.seats,
        online_seats: x.online_seats,
        seat_left: seatLeft(x),
      })),
    }));
  },

  /** Channels by id, for facet labels, filters by slug and the text of their workshops (a few hundred rows). */
  channels(db: Executor) {
    return db.selectFrom('channels').select(['id', 'slug', 'name']).execute();
  },

  /** The newest change's number (0 when the log is empty). */
  async lastChange(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('search_changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(row?.seq ?? 0);
  },

  /** Changes after `after`, and those of `missing` that have appeared since (PostgreSQL commits out of order). */
  changesSince(db: Executor, after: number, missing: number[]): Promise<{ seq: number; workshop_id: string | null }[]> {
    // Read before every search, and nearly always with nothing missing: compiled once.
    if (missing.length === 0) return changesAfter(db, after) as Promise<{ seq: number; workshop_id: string | null }[]>;
    return db
      .selectFrom('search_changes')
      .select(['seq', 'workshop_id'])
      .where((eb) => eb.or([eb('seq', '>', after), eb('seq', 'in', missing)]))
      .orderBy('seq')
      .execute() as Promise<{ seq: number; workshop_id: string | null }[]>;
  },

  /** The change numbers present after `after` (to tell which ones a transaction still holds). */
  async changeNumbersAfter(db: Executor, after: number): Promise<number[]> {
    const rows = await db.selectFrom('search_changes').select('seq').where('seq', '>', after).execute();
    return rows.map((r) => Number(r.seq));
  },

  /** Drops changes older than `before`, keeping the newest; returns how many went. */
  async pruneChanges(db: Executor, before: string): Promise<number> {
    const last = await searchRepository.lastChange(db);
    const result = await db.deleteFrom('search_changes').where('changed_at', '<', before).where('seq', '<', last).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** Every workshop's id, in order (the popularity recount goes through them a slice at a time). */
  async workshopIds(db: Executor): Promise<string[]> {
    const rows = await db.selectFrom('workshops').select('id').orderBy('id').execute();
    return rows.map((r) => r.id);
  },

  /** "Most popular": each workshop's (or these workshops') registrations (not cancelled) created since `since`. */
  async refreshPopularity(db: Executor, since: string, ids?: string[]): Promise<number> {
    let update = db.updateTable('workshops').set((eb) => ({
      popularity: eb
        .selectFrom('registrations as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('s.workshop_id', '=', 'workshops.id')
        .where('r.status', '<>', 'cancelled')
        .where('r.created_at', '>=', since),
    }));
    if (ids) update = update.where('id', 'in', ids);
    const result = await update.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
