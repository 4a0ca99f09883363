import { type Expression, PostgresAdapter, type RawBuilder, type SqlBool, sql } from 'kysely';
import { PLACE_SEPARATOR } from '../../../contracts/places.js';
import type { Executor } from '../../platform/transaction.js';
import { searchIndex } from './search-index.repository.js';

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
  /** Tags and channel ids, joined by SEPARATOR (null when none). */
  tags: string | null;
  channel_ids: string | null;
}

/** A workshop's next upcoming session of one mode at one place, among those passing the session filters. */
export interface SessionGroupRow {
  workshop_id: string;
  mode: Mode;
  location: string | null;
  starts_at: string;
}

export const SEPARATOR = '\u001f';

/** Sorts after every real start time: workshops with nothing scheduled come last. */
export const NEVER = '9999-12-31T00:00:00.000Z';

/** Session `s` has a seat left in some pool (kept counts; null seats means no limit). */
const seatsLeft = sql<SqlBool>`(s.seats is null
  or (s.mode <> 'online' and s.seats > s.in_person_taken)
  or (s.mode = 'online' and s.seats > s.online_taken)
  or (s.mode = 'hybrid' and (s.online_seats is null or s.online_seats > s.online_taken)))`;

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The values of a one-column subquery joined into one text (an aggregate per dialect). */
const joined = (db: Executor, column: Expression<string>): RawBuilder<string | null> =>
  isPostgres(db) ? sql`string_agg(${column}, ${SEPARATOR})` : sql`group_concat(${column}, ${SEPARATOR})`;

/**
 * The two reads behind a search. Both are single passes over covering indexes; the facet
 * filters (channels, formats, modes, places) are applied by the caller, so one read serves the
 * results and every facet's "without my own filter" count alike (search-results.ts).
 */
export const searchRepository = {
  /**
   * Published workshops passing the text, tag, host, language and id filters, by id, `limit`
   * after `afterId`: read in slices, so other requests are served in between.
   */
  candidates(db: Executor, f: SearchFilter, afterId: string | null, limit: number): Promise<CandidateRow[]> {
    const tier =
      f.terms.length === 0
        ? sql<number>`0`
        : sql<number>`case when lower(w.title) = ${f.exact} then 0 when ${searchIndex.titleMatches(db, sql.ref('w.id'), f.terms)} then 1 else 2 end`;
    let query = db
      .selectFrom('workshops as w')
      .select([
        'w.id',
        'w.format',
        'w.popularity',
        sql<string>`coalesce(w.published_at, w.created_at)`.as('published_at'),
        tier.as('tier'),
        (eb) =>
          eb
            .selectFrom('workshop_tags as t')
            .select(joined(db, sql.ref('t.tag')).as('v'))
            .whereRef('t.workshop_id', '=', 'w.id')
            .as('tags'),
        (eb) =>
          eb
            .selectFrom('workshop_channels as wc')
            .select(joined(db, sql.ref('wc.channel_id')).as('v'))
            .whereRef('wc.workshop_id', '=', 'w.id')
            .as('channel_ids'),
      ])
      .where('w.status', '=', 'published')
      .orderBy('w.id')
      .limit(limit);
    if (afterId !== null) query = query.where('w.id', '>', afterId);
    for (const condition of restrictions(db, f, sql.ref('w.id'))) query = query.where(condition);
    if (f.language) query = query.where('w.language', '=', f.language);
    if (f.hosts.length > 0) {
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('workshop_hosts as h')
            .select('h.person_id')
            .whereRef('h.workshop_id', '=', 'w.id')
            .where('h.person_id', 'in', f.hosts),
        ),
      );
    }
    return query.execute() as Promise<CandidateRow[]>;
  },

  /**
   * Upcoming sessions passing the date and seat filters, one row per workshop, mode and place
   * with the earliest start. Seats come from the counts kept on each session.
   */
  sessionGroups(db: Executor, f: SearchFilter): Promise<SessionGroupRow[]> {
    let query = db
      .selectFrom('sessions as s')
      .select(['s.workshop_id', 's.mode', 's.location', (eb) => eb.fn.min('s.starts_at').as('starts_at')])
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>=', f.from)
      .groupBy(['s.workshop_id', 's.mode', 's.location']);
    if (f.to) query = query.where('s.starts_at', '<', f.to);
    if (f.hasSeats) query = query.where(seatsLeft);
    for (const condition of restrictions(db, f, sql.ref('s.workshop_id'))) query = query.where(condition);
    return query.execute() as Promise<SessionGroupRow[]>;
  },

  /** Channels by id, for facet labels and filters by slug (a few hundred rows). */
  channels(db: Executor) {
    return db.selectFrom('channels').select(['id', 'slug', 'name']).execute();
  },

  /** The page's workshops: what a result card shows. */
  cards(db: Executor, ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return (
      db
        .selectFrom('workshops as w')
        .select(['w.id', 'w.title', 'w.summary', 'w.format', 'w.language', 'w.popularity'])
        // "Recording available": a session of the workshop has one (a page of ids, each an index seek).
        .select((eb) =>
          eb
            .exists(
              eb.selectFrom('sessions as s').select('s.id').whereRef('s.workshop_id', '=', 'w.id').where('s.recording_url', 'is not', null),
            )
            .as('has_recording'),
        )
        .where('w.id', 'in', ids)
        .execute()
    );
  },

  /** The upcoming sessions passing the filters for these workshops, soonest first. */
  sessionsFor(db: Executor, workshopIds: string[], f: SearchFilter) {
    if (workshopIds.length === 0) return Promise.resolve([]);
    let query = db
      .selectFrom('sessions as s')
      .selectAll('s')
      .where('s.workshop_id', 'in', workshopIds)
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>=', f.from);
    if (f.to) query = query.where('s.starts_at', '<', f.to);
    if (f.modes.length > 0) query = query.where('s.mode', 'in', f.modes);
    // A chosen place is a room, or a city (office) matching each of its rooms ("Amsterdam · …").
    if (f.locations.length > 0)
      query = query.where((eb) =>
        eb.or([
          eb('s.location', 'in', f.locations),
          ...f.locations.map(
            (place) => sql<SqlBool>`substr(s.location, 1, ${place.length + PLACE_SEPARATOR.length}) = ${place + PLACE_SEPARATOR}`,
          ),
        ]),
      );
    if (f.hasSeats) query = query.where(seatsLeft);
    return query.orderBy('s.starts_at').execute();
  },

  /** "Most popular": each workshop's registrations (not cancelled) created since `since`. */
  async refreshPopularity(db: Executor, since: string): Promise<number> {
    const result = await db
      .updateTable('workshops')
      .set((eb) => ({
        popularity: eb
          .selectFrom('registrations as r')
          .innerJoin('sessions as s', 's.id', 'r.session_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('s.workshop_id', '=', 'workshops.id')
          .where('r.status', '<>', 'cancelled')
          .where('r.created_at', '>=', since),
      }))
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};

/**
 * The cheap, selective filters both reads share, on a workshop id column: text, chosen ids,
 * every chosen tag. Applied to sessions too, so a text search reads only its workshops' sessions.
 */
function restrictions(db: Executor, f: SearchFilter, id: Expression<string>): Expression<SqlBool>[] {
  const conditions: Expression<SqlBool>[] = [];
  if (f.terms.length > 0) conditions.push(searchIndex.matches(db, id, f.terms));
  if (f.ids) conditions.push(f.ids.length > 0 ? sql<SqlBool>`${id} in (${sql.join(f.ids)})` : sql<SqlBool>`1 = 0`);
  for (const tag of f.tags) conditions.push(sql<SqlBool>`${id} in (select workshop_id from workshop_tags where tag = ${tag})`);
  return conditions;
}
