import type { z } from 'zod';
import type { SearchHit, SearchResponse, searchQuery } from '../../../contracts/index.js';
import { capacityOf } from '../../../contracts/seats.js';
import { invalidField } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import { decodeCursor, encodeCursor } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import { writeMark } from '../../platform/write-mark.js';
import type { PoolCounts, registrationsRepository } from '../registrations/registrations.repository.js';
import type { SearchFilter, SearchSort, searchRepository } from './search.repository.js';
import { hitWorkshop } from './search-answer.js';
import { MARK_END, MARK_START, searchTerms } from './search-index.repository.js';
import type { SearchKeeper } from './search-keeper.js';
import { excerpt, MAX_EXACT, type MemoryWorkshop } from './search-memory.js';
import { cursorOf, searchResults } from './search-results.js';

type Query = z.output<typeof searchQuery>;

/** Workshops recounted per statement by refreshPopularity (about 30 ms each at org scale on SQLite). */
const POPULARITY_SLICE = 100;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** The memory's excerpt (plain text), escaped, with only the matched words marked. */
const markedExcerpt = (snippet: string) => escapeHtml(snippet).replaceAll(MARK_START, '<mark>').replaceAll(MARK_END, '</mark>');

/**
 * Discovery: full-text search and filters over published workshops, each with its next
 * (matching) session, facet counts over all results, and keyset pages. Answers depend only on
 * the query, not on who asks (the route shares one answer between identical searches for a moment).
 * Computed from this instance's memory index (search-memory.ts, kept by search-keeper.ts: why
 * there); the only query per search is the page's seat counts (on SQLite, only those not read
 * since the last write: seatCounts), beside the change log read.
 */
export class SearchService {
  /** Seat counts by session as read under one write mark (seatCounts); undefined: nobody registered. */
  private kept: { mark: string | null; counts: Map<string, PoolCounts | undefined> } = { mark: null, counts: new Map() };

  constructor(
    private readonly tx: Transactor,
    private readonly search: typeof searchRepository,
    private readonly registrations: typeof registrationsRepository,
    private readonly keeper: SearchKeeper,
  ) {}

  /** Drops old entries of the change log (a periodic job on every instance, which reads it first). */
  pruneChanges(): Promise<number> {
    return this.keeper.prune();
  }

  /** Reads the memory index now (at start-up) rather than on the first search. */
  async warm(): Promise<void> {
    await this.keeper.current();
  }

  /** What the memory index holds, for /metrics-like reports and the benchmark. */
  indexStatus() {
    return this.keeper.status();
  }

  /**
   * Recounts every workshop's registrations of the last year (a periodic job), a slice of
   * workshops per transaction with a turn of the event loop between them: at org scale the whole
   * recount reads a million registrations, and on SQLite (a synchronous driver) one statement
   * would stop every request for 1.4 s every ten minutes.
   */
  async refreshPopularity(): Promise<number> {
    const since = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const ids = await this.search.workshopIds(this.tx.executor);
    for (let at = 0; at < ids.length; at += POPULARITY_SLICE) {
      const slice = ids.slice(at, at + POPULARITY_SLICE);
      await this.tx.transaction((trx) => this.search.refreshPopularity(trx, since, slice));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Logged as "changed" only when something could have: the count is of workshops, not of changes.
    return 0;
  }

  /** The search's answer: a page of hits, the facets and the total. */
  run(query: Query): Promise<SearchResponse> {
    return this.compute(query);
  }

  /**
   * Upcoming sessions of these workshops (or of a channel, a host…), soonest first: the
   * building block of channel pages and recommendations. Never cached: it is per viewer.
   */
  async upcoming(filters: Partial<Query> & { ids?: string[] }, limit = 20): Promise<SearchHit[]> {
    const query: Query = {
      tag: [],
      channel: [],
      mode: [],
      format: [],
      location: [],
      host: [],
      sort: 'soonest',
      ...filters,
      from: nowIso(),
      limit,
    };
    const { items } = await this.compute(query, filters.ids);
    return items;
  }

  /**
   * The seats taken and places waiting of a page's sessions. On SQLite they are kept between
   * searches while nothing is written (writeMark): reading them was the largest part of an
   * uncached search left (20 rows scattered over the sessions table, 15 % of its CPU at org
   * scale), and searches far outnumber writes. Any write, of anything, by anyone, drops them all:
   * a search never shows a count older than the last write. The mark is read before the counts,
   * so counts read after a write that raced them are only dropped too soon, never kept too long.
   */
  private async seatCounts(sessionIds: string[]): Promise<Map<string, PoolCounts>> {
    const db = this.tx.executor;
    const mark = await writeMark(db);
    if (mark === null) return this.registrations.countsFor(db, sessionIds);
    if (mark !== this.kept.mark) this.kept = { mark, counts: new Map() };
    const { counts } = this.kept;
    const missing = sessionIds.filter((id) => !counts.has(id));
    if (missing.length > 0) {
      const read = await this.registrations.countsFor(db, missing);
      for (const id of missing) counts.set(id, read.get(id));
    }
    const result = new Map<string, PoolCounts>();
    for (const id of sessionIds) {
      const c = counts.get(id);
      if (c) result.set(id, c);
    }
    return result;
  }

  private filterOf(query: Query): SearchFilter {
    const now = nowIso();
    const from = query.from ? new Date(query.from).toISOString() : now;
    const to = query.to ? new Date(query.to).toISOString() : undefined;
    if (to && to <= from) throw invalidField('to', '"to" must be after "from".');
    return {
      terms: searchTerms(query.q ?? ''),
      exact: (query.q ?? '').trim().toLowerCase().slice(0, MAX_EXACT),
      tags: query.tag.map((t) => t.toLowerCase()),
      channels: query.channel,
      modes: query.mode,
      formats: query.format,
      locations: query.location,
      hosts: query.host,
      language: query.language,
      // Never the past: "from" earlier than now still means upcoming sessions only.
      // biome-ignore lint/complexity/useMathMinMax: ISO 8601 strings, compared as text
      from: from < now ? now : from,
      to,
      hasSeats: query.hasSeats === true,
      dated: !!query.from || !!query.to,
    };
  }

  private async compute(query: Query, only?: string[]): Promise<SearchResponse> {
    const f = { ...this.filterOf(query), ids: only };
    const empty = { tags: [], channels: [], modes: [], formats: [], locations: [] };
    // Text with no letters or digits in it (only punctuation or emoji) matches nothing.
    if ((query.q ?? '').trim() !== '' && f.terms.length === 0) return { items: [], facets: empty, total: 0, nextCursor: null };
    const sort: SearchSort = query.sort ?? (f.terms.length > 0 ? 'relevance' : 'soonest');
    const parts = { soonest: 2, newest: 2, popular: 2, relevance: 3 }[sort];
    const after = decodeCursor(query.cursor, Array(parts).fill('text'));
    const memory = await this.keeper.current();
    const { total, page, more, facets } = searchResults({
      filter: f,
      sort,
      after,
      limit: query.limit,
      candidates: memory.candidates(f),
      memory,
      channels: memory.channels,
    });
    const last = page.at(-1);
    // Taken now: the memory may change while the counts are read.
    const channels = memory.channels;
    const workshopOf = new Map(page.flatMap((r) => memory.get(r.id) ?? []).map((w) => [w.id, w]));
    const nextOf = new Map(page.flatMap((r) => memory.nextSession(r.id, f) ?? []).map((s) => [s.workshop_id, s]));
    const counts = await this.seatCounts([...nextOf.values()].map((s) => s.id));
    const items = page.map((row): SearchHit => {
      const card = workshopOf.get(row.id) as MemoryWorkshop;
      const next = nextOf.get(row.id);
      const c = next ? counts.get(next.id) : undefined;
      const free = (seats: number | null, used: number) => (seats === null ? null : Math.max(0, seats - used));
      const inPerson = next ? free(next.seats, next.mode === 'online' ? (c?.taken.online ?? 0) : (c?.taken.in_person ?? 0)) : null;
      const online = next?.mode === 'hybrid' ? free(next.online_seats, c?.taken.online ?? 0) : 0;
      return {
        workshop: hitWorkshop(card, channels),
        nextSession: next
          ? {
              id: next.id,
              startsAt: next.starts_at,
              endsAt: next.ends_at,
              timeZone: next.time_zone,
              mode: next.mode,
              location: next.location,
              seats: next.seats,
              onlineSeats: next.online_seats,
              seatsLeft: inPerson === null || online === null ? null : inPerson + online,
              waitlistCount: (c?.waiting.in_person ?? 0) + (c?.waiting.online ?? 0),
              pools: (next.mode === 'hybrid' ? (['in_person', 'online'] as const) : [next.mode]).map((pool) => {
                const capacity = capacityOf({ mode: next.mode, seats: next.seats, onlineSeats: next.online_seats }, pool);
                return { pool, capacity, left: free(capacity, c?.taken[pool] ?? 0), waiting: c?.waiting[pool] ?? 0 };
              }),
            }
          : null,
        hasRecording: card.hasRecording,
        highlight: f.terms.length > 0 ? markedExcerpt(excerpt(card, f.terms)) : null,
      };
    });
    return {
      items,
      facets,
      total,
      nextCursor: more && last ? encodeCursor(cursorOf(sort, last)) : null,
    };
  }
}
