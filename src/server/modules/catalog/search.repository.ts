import { type ExpressionBuilder, sql } from 'kysely';
import { formatLabels, modeLabels } from '../../../contracts/index.js';
import type { Database, SeatPool } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import { SEAT_HOLDING } from '../registrations/registrations.repository.js';
import { searchIndex } from './search-index.repository.js';

export interface SearchFilter {
  terms: string[];
  /** The query as typed, lower-cased and trimmed: an exact title match ranks first. */
  exact: string;
  tags: string[];
  channels: string[];
  modes: ('in_person' | 'online' | 'hybrid')[];
  formats: ('talk' | 'hands_on_lab' | 'discussion' | 'course' | 'office_hours')[];
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

/** Any filter about sessions (mode, place, dates, seats): only workshops with a matching session are results. */
const filtersSessions = (f: SearchFilter) => f.modes.length > 0 || f.locations.length > 0 || f.hasSeats || f.dated;

/** Sorts after every real start time: workshops with nothing scheduled come last. */
export const NEVER = '9999-12-31T00:00:00.000Z';

type Eb = ExpressionBuilder<Database, 'sessions'>;

const taken = (eb: Eb, pool: SeatPool) =>
  eb
    .selectFrom('registrations as r')
    .select((e) => e.fn.countAll<number>().as('n'))
    .whereRef('r.session_id', '=', 'sessions.id')
    .where('r.mode', '=', pool)
    .where('r.status', 'in', SEAT_HOLDING);

/** Upcoming sessions that pass the session filters. */
function matchingSessions(db: Executor, f: SearchFilter) {
  let query = db.selectFrom('sessions').where('sessions.status', '=', 'scheduled').where('sessions.starts_at', '>=', f.from);
  if (f.to) query = query.where('sessions.starts_at', '<', f.to);
  if (f.modes.length > 0) query = query.where('sessions.mode', 'in', f.modes);
  if (f.locations.length > 0) query = query.where('sessions.location', 'in', f.locations);
  if (f.hasSeats) {
    query = query.where((eb) =>
      eb.or([
        eb('sessions.seats', 'is', null),
        eb('sessions.seats', '>', taken(eb, 'in_person')).and('sessions.mode', '<>', 'online'),
        eb('sessions.seats', '>', taken(eb, 'online')).and('sessions.mode', '=', 'online'),
        eb('sessions.mode', '=', 'hybrid').and(
          eb.or([eb('sessions.online_seats', 'is', null), eb('sessions.online_seats', '>', taken(eb, 'online'))]),
        ),
      ]),
    );
  }
  return query;
}

/** Published workshops passing every filter, each with the start of its next matching session. */
function results(db: Executor, f: SearchFilter) {
  const next = matchingSessions(db, f)
    .select(['sessions.workshop_id', (eb) => eb.fn.min('sessions.starts_at').as('starts_at')])
    .groupBy('sessions.workshop_id');
  const joined = filtersSessions(f)
    ? db.selectFrom('workshops as w').innerJoin(next.as('n'), 'n.workshop_id', 'w.id')
    : db.selectFrom('workshops as w').leftJoin(next.as('n'), 'n.workshop_id', 'w.id');
  let query = joined.where('w.status', '=', 'published');
  if (f.terms.length > 0) query = query.where(searchIndex.matches(db, sql.ref('w.id'), f.terms));
  if (f.ids) query = f.ids.length > 0 ? query.where('w.id', 'in', f.ids) : query.where(sql<boolean>`1 = 0`);
  if (f.formats.length > 0) query = query.where('w.format', 'in', f.formats);
  if (f.language) query = query.where('w.language', '=', f.language);
  for (const tag of f.tags) {
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('workshop_tags as t').select('t.tag').whereRef('t.workshop_id', '=', 'w.id').where('t.tag', '=', tag)),
    );
  }
  if (f.channels.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('workshop_channels as wc')
          .innerJoin('channels as c', 'c.id', 'wc.channel_id')
          .select('wc.channel_id')
          .whereRef('wc.workshop_id', '=', 'w.id')
          .where('c.slug', 'in', f.channels),
      ),
    );
  }
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
  return query;
}

export interface SearchRow {
  id: string;
  title: string;
  summary: string;
  format: SearchFilter['formats'][number];
  language: string;
  popularity: number;
  published_at: string;
  next_starts_at: string;
  tier: number;
}

/**
 * Every sort ends in the workshop id, so the order is total and a keyset cursor neither skips
 * nor repeats: `after` holds the sort values of the last row of the previous page.
 */
export const searchRepository = {
  async page(db: Executor, f: SearchFilter, sort: SearchSort, after: string[] | undefined, limit: number): Promise<SearchRow[]> {
    const nextStart = sql<string>`coalesce(n.starts_at, ${NEVER})`;
    // Relevance tiers depend only on the workshop's own text: stable while other data changes.
    const tier =
      f.terms.length === 0
        ? sql<number>`0`
        : sql<number>`case when lower(w.title) = ${f.exact} then 0 when ${searchIndex.titleMatches(db, sql.ref('w.id'), f.terms)} then 1 else 2 end`;
    const inner = results(db, f).select([
      'w.id',
      'w.title',
      'w.summary',
      'w.format',
      'w.language',
      'w.popularity',
      sql<string>`coalesce(w.published_at, w.created_at)`.as('published_at'),
      nextStart.as('next_starts_at'),
      tier.as('tier'),
    ]);
    let query = db.selectFrom(inner.as('x')).selectAll('x');
    const [a, b] = after ?? [];
    switch (sort) {
      case 'soonest':
        if (after)
          query = query.where((eb) =>
            eb.or([
              eb('x.next_starts_at', '>', a as string),
              eb.and([eb('x.next_starts_at', '=', a as string), eb('x.id', '>', b as string)]),
            ]),
          );
        query = query.orderBy('x.next_starts_at').orderBy('x.id');
        break;
      case 'newest':
        if (after)
          query = query.where((eb) =>
            eb.or([eb('x.published_at', '<', a as string), eb.and([eb('x.published_at', '=', a as string), eb('x.id', '<', b as string)])]),
          );
        query = query.orderBy('x.published_at', 'desc').orderBy('x.id', 'desc');
        break;
      case 'popular': {
        if (after) {
          const p = Number(a);
          query = query.where((eb) =>
            eb.or([eb('x.popularity', '<', p), eb.and([eb('x.popularity', '=', p), eb('x.id', '>', b as string)])]),
          );
        }
        query = query.orderBy('x.popularity', 'desc').orderBy('x.id');
        break;
      }
      case 'relevance': {
        if (after) {
          const [t, start, id] = after;
          const tierNo = Number(t);
          query = query.where((eb) =>
            eb.or([
              eb('x.tier', '>', tierNo),
              eb.and([eb('x.tier', '=', tierNo), eb('x.next_starts_at', '>', start as string)]),
              eb.and([eb('x.tier', '=', tierNo), eb('x.next_starts_at', '=', start as string), eb('x.id', '>', id as string)]),
            ]),
          );
        }
        query = query.orderBy('x.tier').orderBy('x.next_starts_at').orderBy('x.id');
        break;
      }
    }
    return (await query.limit(limit).execute()) as SearchRow[];
  },

  async total(db: Executor, f: SearchFilter): Promise<number> {
    const row = await db
      .selectFrom(results(db, f).select('w.id').as('x'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /**
   * Counts that agree with the results: choosing a value with count N gives N results. Tags
   * narrow (every chosen tag must match), so they are counted within the results; channels,
   * modes, formats and places are "any of", so each is counted without its own filter — the
   * other values keep their counts. Modes and places count workshops with any matching session.
   */
  async facets(db: Executor, f: SearchFilter) {
    const limitTo = 30;
    const ids = (g: SearchFilter) => results(db, g).select('w.id');
    const bySession = (g: SearchFilter, column: 'mode' | 'location') =>
      matchingSessions(db, g)
        .select([`sessions.${column} as value`, (eb) => eb.fn.count<number>('sessions.workshop_id').distinct().as('count')])
        .where('sessions.workshop_id', 'in', ids(g))
        .where(`sessions.${column}`, 'is not', null)
        .groupBy(`sessions.${column}`)
        .orderBy('count', 'desc')
        .orderBy(`sessions.${column}`)
        .limit(limitTo)
        .execute();
    const [tags, channels, formats, modes, locations] = await Promise.all([
      db
        .selectFrom('workshop_tags as t')
        .select(['t.tag as value', (eb) => eb.fn.countAll<number>().as('count')])
        .where('t.workshop_id', 'in', ids(f))
        .groupBy('t.tag')
        .orderBy('count', 'desc')
        .orderBy('t.tag')
        .limit(limitTo)
        .execute(),
      db
        .selectFrom('workshop_channels as wc')
        .innerJoin('channels as c', 'c.id', 'wc.channel_id')
        .select(['c.slug as value', 'c.name as label', (eb) => eb.fn.countAll<number>().as('count')])
        .where('wc.workshop_id', 'in', ids({ ...f, channels: [] }))
        .groupBy(['c.slug', 'c.name'])
        .orderBy('count', 'desc')
        .orderBy('c.slug')
        .limit(limitTo)
        .execute(),
      db
        .selectFrom('workshops as w')
        .select(['w.format as value', (eb) => eb.fn.countAll<number>().as('count')])
        .where('w.id', 'in', ids({ ...f, formats: [] }))
        .groupBy('w.format')
        .orderBy('count', 'desc')
        .execute(),
      bySession({ ...f, modes: [] }, 'mode'),
      bySession({ ...f, locations: [] }, 'location'),
    ]);
    return {
      tags: tags.map((r) => ({ value: r.value, label: r.value, count: Number(r.count) })),
      channels: channels.map((r) => ({ value: r.value, label: r.label, count: Number(r.count) })),
      formats: formats.map((r) => ({ value: r.value, label: formatLabels[r.value], count: Number(r.count) })),
      modes: modes.map((r) => ({
        value: String(r.value),
        label: modeLabels[r.value as keyof typeof modeLabels] ?? String(r.value),
        count: Number(r.count),
      })),
      locations: locations.map((r) => ({ value: String(r.value), label: String(r.value), count: Number(r.count) })),
    };
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

  /** The sessions passing the filters for these workshops, soonest first. */
  sessionsFor(db: Executor, workshopIds: string[], f: SearchFilter) {
    if (workshopIds.length === 0) return Promise.resolve([]);
    return matchingSessions(db, f)
      .selectAll('sessions')
      .where('sessions.workshop_id', 'in', workshopIds)
      .orderBy('sessions.starts_at')
      .execute();
  },
};
