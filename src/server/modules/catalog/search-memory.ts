import { markdownToText } from '../../../contracts/markdown-text.js';
import { placeMatches } from '../../../contracts/places.js';
import { type Bits, hasSlot, PrefixIndex } from './prefix-index.js';
import type { CandidateRow, Format, Mode, SearchFilter, SessionGroupRow } from './search.repository.js';
import { MARK_END, MARK_START } from './search-index.repository.js';
import { facetValuesOf, idOf, modeBitsOf } from './search-results.js';

/**
 * The catalog's searchable data, held in memory by each instance (issue 17).
 *
 * Why in memory: a search answers over every published workshop at once (its facet counts cover
 * all results, and "any of" facets are each counted without their own filter), so any database
 * plan reads thousands of rows per search: 20–45 ms of CPU at org scale whichever index helps.
 * The data itself is small (5,000 workshops and their upcoming sessions: tens of MB), changes
 * rarely next to how often it is searched, and today's answers already tolerate the answer
 * cache's two seconds. So each instance keeps it here, and a search is a walk over arrays plus
 * prefix lookups in a sorted token list: well under a millisecond. FTS5 and tsvector answer
 * matching well but not the facets or the "next matching session" per workshop, and a search
 * library (MiniSearch, FlexSearch, Orama) would add a dependency for the one part — prefix
 * matching over a few hundred thousand postings — that a sorted array with binary search does.
 *
 * Text matching is FTS5's (unicode61, diacritics removed) on both databases: every term of the
 * query must start a word of the title, summary, description, tags, channel names or host names
 * (searchTerms() splits the query the same way); the title alone decides the second relevance
 * tier. It is kept current by SearchMemoryService from the `search_changes` log the triggers write.
 */

/** A workshop's upcoming scheduled session: what a result's next session shows and the session filters test. */
export interface MemorySession {
  id: string;
  workshop_id: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  mode: Mode;
  location: string | null;
  seats: number | null;
  online_seats: number | null;
  /** A seat left in some pool (search.repository.ts seatsLeft), as of the last read: flips are logged. */
  seat_left: boolean;
}

export interface MemoryHost {
  id: string;
  name: string;
  title: string | null;
}

/** A published workshop as search needs it. */
export interface MemoryWorkshop {
  id: string;
  title: string;
  summary: string;
  description: string;
  language: string;
  format: Format;
  popularity: number;
  published_at: string;
  tags: string[];
  channelIds: string[];
  hosts: MemoryHost[];
  hasRecording: boolean;
  /** Upcoming scheduled sessions, soonest first (those that have started are dropped as time passes). */
  sessions: MemorySession[];
}

export interface MemoryChannel {
  id: string;
  slug: string;
  name: string;
}

interface Doc {
  slot: number;
  workshop: MemoryWorkshop;
  lowerTitle: string;
  titleWords: string[];
  words: string[];
  /** Its candidate row per relevance tier, made when first needed (searchResults only reads them). */
  rows: (CandidateRow | undefined)[];
  /** Its tags, channels and format as facet value ids (search-results.ts idOf). */
  own: Int32Array;
}

/**
 * Every workshop's session groups for one end date and seat filter, by slot. A slot's list is
 * valid for a search starting from `from` up to `until` (ms), as long as the workshop does not
 * change (a change forgets its slot; a seat running out is a logged change too). Sessions before
 * `from` have started, and none starts before `until`, so moving `from` within that span leaves
 * the same sessions.
 *
 * What a search reads per result is kept beside the lists as columns by slot: the soonest start,
 * the modes of the groups, and every facet value the workshop counts in with these groups (its
 * tags, channels and format, and the groups' modes and places), side by side in one pool. A
 * search over thousands of workshops then reads typed arrays by index instead of following a
 * few objects per workshop: at org scale those reads, each a cache miss, were most of its time.
 */
export class GroupTable {
  from: Float64Array;
  until: Float64Array;
  soonestMs: Float64Array;
  /** The modes of the slot's groups, as MODE_BITS (0: no group, no session passing the date and seat filters). */
  modeBits: Uint8Array;
  /**
   * The slot's facet values are pool[start[slot]] up to pool[end[slot]]: its tags, its channels
   * and its format (up to ownEnd; SlotColumns.tags says where the channels begin), then the groups'
   * modes (up to modesEnd) and places.
   */
  start: Int32Array;
  ownEnd: Int32Array;
  modesEnd: Int32Array;
  end: Int32Array;
  pool: Int32Array;
  private used = 0;
  lists: (SessionGroupRow[] | undefined)[] = [];
  /** The soonest start as text (NEVER when none): what a result shows and its cursor holds. */
  soonest: string[] = [];

  constructor(
    readonly to: string | undefined,
    readonly hasSeats: boolean,
    size: number,
    private readonly firstPool: number,
  ) {
    this.pool = new Int32Array(firstPool);
    this.from = new Float64Array(size);
    this.until = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    this.soonestMs = new Float64Array(size);
    this.modeBits = new Uint8Array(size);
    this.start = new Int32Array(size);
    this.ownEnd = new Int32Array(size);
    this.modesEnd = new Int32Array(size);
    this.end = new Int32Array(size);
  }

  /** Room for `size` slots (new slots hold nothing). */
  fit(size: number): void {
    if (size <= this.until.length) return;
    const capacity = Math.max(size, this.until.length * 2);
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const array = make(capacity);
      array.set(old);
      return array;
    };
    this.from = grown(this.from, (n) => new Float64Array(n));
    this.until = grown(this.until, (n) => new Float64Array(n).fill(Number.NEGATIVE_INFINITY));
    this.soonestMs = grown(this.soonestMs, (n) => new Float64Array(n));
    this.modeBits = grown(this.modeBits, (n) => new Uint8Array(n));
    this.start = grown(this.start, (n) => new Int32Array(n));
    this.ownEnd = grown(this.ownEnd, (n) => new Int32Array(n));
    this.modesEnd = grown(this.modesEnd, (n) => new Int32Array(n));
    this.end = grown(this.end, (n) => new Int32Array(n));
  }

  forget(slot: number): void {
    if (slot >= this.until.length) return;
    this.until[slot] = Number.NEGATIVE_INFINITY;
    this.lists[slot] = undefined;
  }

  /** A slot's groups, valid from `from` to `until`, with the workshop's own facet values. */
  store(slot: number, from: number, until: number, groups: SessionGroupRow[], own: Int32Array): void {
    const values = facetValuesOf(groups);
    const length = own.length + values.modes.length + values.places.length;
    this.reserve(length);
    let at = this.used;
    this.start[slot] = at;
    this.ownEnd[slot] = at + own.length;
    this.modesEnd[slot] = at + own.length + values.modes.length;
    for (const list of [own, values.modes, values.places]) {
      this.pool.set(list, at);
      at += list.length;
    }
    this.end[slot] = at;
    this.used = at;
    this.from[slot] = from;
    this.until[slot] = until;
    this.lists[slot] = groups;
    this.soonest[slot] = values.soonest;
    this.soonestMs[slot] = values.soonestMs;
    this.modeBits[slot] = modeBitsOf(groups.map((g) => g.mode));
  }

  /** Room for `length` more values: the ranges still in use moved to a new pool when the old one is full. */
  private reserve(length: number): void {
    if (this.used + length <= this.pool.length) return;
    let live = 0;
    for (let slot = 0; slot < this.until.length; slot++)
      if (this.until[slot] !== Number.NEGATIVE_INFINITY) live += (this.end[slot] as number) - (this.start[slot] as number);
    const pool = new Int32Array(Math.max(this.firstPool, (live + length) * 2));
    let at = 0;
    for (let slot = 0; slot < this.until.length; slot++) {
      if (this.until[slot] === Number.NEGATIVE_INFINITY) continue;
      const values = this.pool.subarray(this.start[slot], this.end[slot]);
      pool.set(values, at);
      const moved = at - (this.start[slot] as number);
      this.start[slot] = at;
      this.ownEnd[slot] = (this.ownEnd[slot] as number) + moved;
      this.modesEnd[slot] = (this.modesEnd[slot] as number) + moved;
      at += values.length;
      this.end[slot] = at;
    }
    this.pool = pool;
    this.used = at;
  }
}

/**
 * By slot: the format as a facet value id (a format filter tests it for every candidate), the
 * number of tags, the popularity and the publication time in ms (the "popular" and "newest" pages compare them for
 * every result). The time is NaN unless written as toISOString() writes it: only then does the
 * number sort as the text does.
 */
export interface SlotColumns {
  format: Int32Array;
  /** How many tags: where the channels begin among the workshop's own facet values. */
  tags: Int32Array;
  popularity: Float64Array;
  publishedMs: Float64Array;
}
const CANONICAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Columns with room for twice as many slots (1,024 to begin with), holding what they held. */
function grownColumns(old?: SlotColumns): SlotColumns {
  const size = old ? old.format.length * 2 : 1024;
  const columns = {
    format: new Int32Array(size),
    tags: new Int32Array(size),
    popularity: new Float64Array(size),
    publishedMs: new Float64Array(size),
  };
  if (old) {
    columns.format.set(old.format);
    columns.tags.set(old.tags);
    columns.popularity.set(old.popularity);
    columns.publishedMs.set(old.publishedMs);
  }
  return columns;
}

/** A search's candidates: the slots of the workshops passing its filters, each with its relevance tier. */
export interface Candidates {
  slots: Int32Array;
  tiers: Uint8Array;
  length: number;
}

/** Kinds of session filter kept: the plain search and a few end dates or seat filters in use. */
const KEPT_TABLES = 4;

const WORD = /[\p{L}\p{N}]+/gu;
/** SearchService cuts the query it compares with titles (`exact`) at this length. */
export const MAX_EXACT = 300;
const MAX_TERM_LENGTH = 40;

/** As search-index.repository.ts searchTerms(): accents folded, lower case, letters and digits. */
export function wordsOf(text: string): string[] {
  // Plain ASCII (most words) has nothing to fold.
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}
const NON_ASCII = /[^\p{ASCII}]/u;

export class SearchMemory {
  /** @param firstPool values a session table has room for at first (the tests make it small, so that it fills). */
  constructor(private readonly firstPool = 4096) {}

  private readonly docs = new Map<string, Doc>();
  private bySlot: (Doc | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Every word of the text, and the title's words alone (they decide the second relevance tier). */
  private readonly text = new PrefixIndex();
  private readonly titles = new PrefixIndex();
  /** Tag → slots of the workshops with it (a tag filter is an exact match, as common as a word search). */
  private readonly tagged = new Map<string, Set<number>>();
  /** Channel id → slots of the workshops in it (a channel filter tests every candidate). */
  private readonly channelled = new Map<string, Set<number>>();
  /** Every workshop (tier 0), for searches with no filter before the facets (the catalog's first page). */
  private everyone: Candidates | undefined;
  /** What candidates() returns when not the plain search: valid until its next call. */
  private scratch: Candidates = { slots: new Int32Array(0), tiers: new Uint8Array(0), length: 0 };
  channels: MemoryChannel[] = [];
  /** What every candidate is tested or sorted by, by slot. */
  private columns = grownColumns();
  /** The time of the current search (candidates() sets it; groupsOf() drops sessions started before it). */
  private now = '';
  /** Session groups by kind of session filter, the most recently used first. */
  private tables: GroupTable[] = [];
  /** The search being answered, its `from` as a number and its table: groupsOf() runs for every candidate. */
  private filter: SearchFilter | undefined;
  private fromMs = 0;
  private table: GroupTable | undefined;
  private channelNames = new Map<string, string>();

  get size(): number {
    return this.docs.size;
  }

  get(id: string): MemoryWorkshop | undefined {
    return this.docs.get(id)?.workshop;
  }

  setChannels(channels: MemoryChannel[]): void {
    this.channels = channels;
    this.channelNames = new Map(channels.map((c) => [c.id, c.name]));
  }

  /** Adds or replaces a published workshop. */
  put(workshop: MemoryWorkshop): void {
    this.remove(workshop.id);
    const slot = this.freeSlots.pop() ?? this.bySlot.length;
    const text = [
      workshop.title,
      workshop.summary,
      workshop.description,
      workshop.tags.join(' '),
      workshop.channelIds.map((id) => this.channelNames.get(id) ?? '').join(' '),
      workshop.hosts.map((h) => h.name).join(' '),
    ].join(' ');
    const words = [...new Set(wordsOf(text))];
    const doc: Doc = {
      slot,
      workshop,
      lowerTitle: workshop.title.toLowerCase(),
      titleWords: [...new Set(wordsOf(workshop.title))],
      words,
      rows: [],
      own: Int32Array.from(
        [
          ...workshop.tags.map((tag) => ['tag', tag] as const),
          ...workshop.channelIds.map((id) => ['channel', id] as const),
          ['format', workshop.format] as const,
        ],
        ([kind, value]) => idOf(kind, value),
      ),
    };
    this.docs.set(workshop.id, doc);
    this.bySlot[slot] = doc;
    if (slot >= this.columns.format.length) this.columns = grownColumns(this.columns);
    this.columns.format[slot] = doc.own[doc.own.length - 1] as number;
    this.columns.tags[slot] = workshop.tags.length;
    this.columns.popularity[slot] = workshop.popularity;
    this.columns.publishedMs[slot] = CANONICAL_TIME.test(workshop.published_at) ? Date.parse(workshop.published_at) : Number.NaN;
    this.text.add(slot, words);
    this.titles.add(slot, doc.titleWords);
    for (const [index, keys] of [
      [this.tagged, workshop.tags],
      [this.channelled, workshop.channelIds],
    ] as const) {
      for (const key of keys) {
        let slots = index.get(key);
        if (!slots) {
          slots = new Set();
          index.set(key, slots);
        }
        slots.add(slot);
      }
    }
    this.everyone = undefined;
  }

  /** Forgets a workshop (unpublished, deleted, or about to be read again). */
  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.bySlot[doc.slot] = undefined;
    this.freeSlots.push(doc.slot);
    // The slot's groups were the workshop's (put() removes first, so a replaced workshop comes here too).
    for (const table of this.tables) table.forget(doc.slot);
    this.text.remove(doc.slot, doc.words);
    this.titles.remove(doc.slot, doc.titleWords);
    for (const tag of doc.workshop.tags) this.tagged.get(tag)?.delete(doc.slot);
    for (const id of doc.workshop.channelIds) this.channelled.get(id)?.delete(doc.slot);
    this.everyone = undefined;
  }

  clear(): void {
    this.docs.clear();
    this.bySlot = [];
    this.freeSlots.length = 0;
    this.text.clear();
    this.titles.clear();
    this.tagged.clear();
    this.channelled.clear();
    this.everyone = undefined;
    this.tables = [];
    this.filter = undefined;
  }

  /**
   * searchRepository.candidates, from memory: published workshops passing the text, tag, host,
   * language and id filters, with their relevance tier. Makes the search's session table current
   * (groups() reads it). What it returns is valid until its next call: read it at once.
   */
  candidates(f: SearchFilter): Candidates {
    this.now = new Date().toISOString();
    this.use(f);
    const plain = f.terms.length === 0 && !f.ids && !f.language && f.tags.length === 0 && f.hosts.length === 0;
    if (plain && this.everyone) return this.everyone;
    /** The documents whose title has a word starting with each term (the second tier). */
    let inTitle: Bits | undefined;
    const slots = this.bySlot.length;
    let bits = f.terms.length > 0 ? this.allOf(this.text, f.terms, slots) : undefined;
    if (f.terms.length > 0) inTitle = this.allOf(this.titles, f.terms, slots);
    for (const tag of f.tags) {
      const these = new Uint32Array((slots >>> 5) + 1);
      for (const slot of this.tagged.get(tag) ?? []) these[slot >>> 5] = (these[slot >>> 5] as number) | (1 << (slot & 31));
      if (!bits) bits = these;
      else for (let i = 0; i < bits.length; i++) bits[i] = (bits[i] as number) & (these[i] as number);
    }
    // Into arrays kept from search to search (a search reads its candidates before the next one
    // begins): arrays of every slot made per search were megabytes a second for the collector.
    // The plain search's, kept for the next ones, gets its own.
    const room = () => ({ slots: new Int32Array(slots), tiers: new Uint8Array(slots), length: 0 });
    if (!plain && this.scratch.slots.length < slots) this.scratch = room();
    const found = plain ? room() : this.scratch;
    found.length = 0;
    // A title equal to the query has every term starting one of its words, so only those titles are
    // compared (reading every candidate's title would cost a cache miss each), unless the query
    // was cut (searchTerms and `exact` cut it at different lengths).
    const exactAnywhere = f.exact.length >= MAX_EXACT;
    /** Relevance: 0 the title is the query, 1 every term starts a word of the title, 2 the rest. */
    const add = (slot: number) => {
      const titled = !!inTitle && hasSlot(inTitle, slot);
      const exact = (titled || exactAnywhere) && (this.bySlot[slot] as Doc).lowerTitle === f.exact;
      const tier = !inTitle || exact ? 0 : titled ? 1 : 2;
      found.slots[found.length] = slot;
      found.tiers[found.length] = tier;
      found.length++;
    };
    const filtered = !!f.language || f.hosts.length > 0;
    const passes = (doc: Doc) =>
      (!f.language || doc.workshop.language === f.language) &&
      (f.hosts.length === 0 || doc.workshop.hosts.some((h) => f.hosts.includes(h.id)));
    if (f.ids) {
      // Each once: there is room for every slot, not more.
      for (const id of new Set(f.ids)) {
        const doc = this.docs.get(id);
        if (doc && (!bits || hasSlot(bits, doc.slot)) && passes(doc)) add(doc.slot);
      }
    } else if (bits) {
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w] as number;
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          word &= word - 1;
          const slot = w * 32 + bit;
          const doc = this.bySlot[slot];
          if (doc && (!filtered || passes(doc))) add(slot);
        }
      }
    } else {
      for (let slot = 0; slot < this.bySlot.length; slot++) {
        const doc = this.bySlot[slot];
        if (doc && (!filtered || passes(doc))) add(slot);
      }
    }
    if (plain) this.everyone = found;
    return found;
  }

  /** The slots of the workshops in any of these channels (by id). */
  inChannels(ids: Iterable<string>): Bits {
    const bits = new Uint32Array((this.bySlot.length >>> 5) + 1);
    for (const id of ids)
      for (const slot of this.channelled.get(id) ?? []) bits[slot >>> 5] = (bits[slot >>> 5] as number) | (1 << (slot & 31));
    return bits;
  }

  /** A candidate's row (what the page shows of it and sorts it by), made once per workshop and tier. */
  rowOf(slot: number, tier: number): CandidateRow {
    const doc = this.bySlot[slot] as Doc;
    let row = doc.rows[tier];
    if (!row) {
      row = candidateRow(doc.workshop, tier, slot, doc.own);
      doc.rows[tier] = row;
    }
    return row;
  }

  /** The slots of documents with a word starting with every one of `terms`. */
  private allOf(index: PrefixIndex, terms: string[], slots: number): Bits {
    let bits: Bits | undefined;
    for (const term of terms) {
      const these = index.withPrefix(term.slice(0, MAX_TERM_LENGTH), slots);
      if (!bits) bits = Uint32Array.from(these);
      else for (let i = 0; i < bits.length; i++) bits[i] = (bits[i] as number) & ((these[i] as number) ?? 0);
    }
    return bits ?? new Uint32Array((slots >>> 5) + 1);
  }

  /** Makes `f` the search being answered: its `from` as a number and its session table. */
  private use(f: SearchFilter): void {
    this.filter = f;
    this.fromMs = Date.parse(f.from);
    this.table = this.tableFor(f);
  }

  get slotColumns(): SlotColumns {
    return this.columns;
  }

  /** The session table of the search being answered (candidates() made it current). */
  get sessionTable(): GroupTable {
    return this.table as GroupTable;
  }

  /**
   * searchRepository.sessionGroups for one workshop of the search being answered (by its slot,
   * from its candidates()): its next session per mode and place among those passing the date
   * and seat filters. Searches with the same end date and seat filter share one list per
   * workshop until its soonest session starts, with its columns in the table (GroupTable).
   */
  groups(slot: number): readonly SessionGroupRow[] {
    const table = this.table as GroupTable;
    const f = this.filter as SearchFilter;
    const from = this.fromMs;
    if (from >= (table.from[slot] as number) && from <= (table.until[slot] as number)) return table.lists[slot] as SessionGroupRow[];
    // A slot of this search's candidates: a change between the two would have to wait for a read of the log.
    const doc = this.bySlot[slot] as Doc;
    const sessions = doc.workshop.sessions;
    // Sessions that have started are never upcoming again.
    let past = 0;
    while (past < sessions.length && (sessions[past] as MemorySession).starts_at < this.now) past++;
    if (past > 0) sessions.splice(0, past);
    const groups: SessionGroupRow[] = [];
    let first = '';
    for (const s of sessions) {
      if (s.starts_at < f.from) continue;
      if (f.to && s.starts_at >= f.to) break;
      if (f.hasSeats && !s.seat_left) continue;
      first ||= s.starts_at;
      // One group per mode and place (few per workshop: a scan beats a set of string keys).
      if (groups.some((g) => g.mode === s.mode && g.location === s.location)) continue;
      groups.push({ workshop_id: doc.workshop.id, mode: s.mode, location: s.location, starts_at: s.starts_at });
    }
    // Valid until the soonest of them starts (then it would drop out); with none, as long as nothing changes.
    table.store(slot, from, first ? Date.parse(first) : Number.POSITIVE_INFINITY, groups, doc.own);
    return groups;
  }

  /** groups() for a search of its own (the tests compare it with the obvious computation). */
  groupsOf(slot: number, f: SearchFilter): readonly SessionGroupRow[] {
    if (f !== this.filter) this.use(f);
    return this.groups(slot);
  }

  /** The table of this end date and seat filter, made the most recently used (a new one replaces the least). */
  private tableFor(f: SearchFilter): GroupTable {
    const at = this.tables.findIndex((t) => t.to === f.to && t.hasSeats === f.hasSeats);
    const table =
      at >= 0 ? (this.tables.splice(at, 1)[0] as GroupTable) : new GroupTable(f.to, f.hasSeats, this.bySlot.length, this.firstPool);
    this.tables.unshift(table);
    if (this.tables.length > KEPT_TABLES) this.tables.pop();
    table.fit(this.bySlot.length);
    return table;
  }

  /** searchRepository.sessionsFor for one workshop: its upcoming sessions passing every session filter, soonest first. */
  nextSession(id: string, f: SearchFilter): MemorySession | undefined {
    const doc = this.docs.get(id);
    if (!doc) return undefined;
    for (const s of doc.workshop.sessions) {
      if (s.starts_at < f.from) continue;
      if (f.to && s.starts_at >= f.to) return undefined;
      if (f.modes.length > 0 && !f.modes.includes(s.mode)) continue;
      if (f.locations.length > 0 && (s.location === null || !f.locations.some((place) => placeMatches(s.location as string, place))))
        continue;
      if (f.hasSeats && !s.seat_left) continue;
      return s;
    }
    return undefined;
  }
}

const candidateRow = (w: MemoryWorkshop, tier: number, slot: number, own: Int32Array): CandidateRow => ({
  id: w.id,
  format: w.format,
  popularity: w.popularity,
  published_at: w.published_at,
  tier,
  tags: w.tags,
  channelIds: w.channelIds,
  // `own` holds the tags', the channels' and the format's ids in that order.
  tagIds: own.subarray(0, w.tags.length),
  channelNums: own.subarray(w.tags.length, w.tags.length + w.channelIds.length),
  formatId: own[own.length - 1] as number,
  slot,
});

/** A workshop's summary and description as words: where each is, and its folded form (its parts, when folding splits it). */
interface TextWords {
  text: string;
  /** Where each word starts and ends in `text`. */
  bounds: Int32Array;
  /**
   * The words folded (accents removed, lower case; a word folding apart gives its parts), each
   * after a PART mark, in one string: a term's matches are found by indexOf over it rather than by
   * visiting hundreds of word strings, each a cache miss.
   */
  joined: string;
  /** Where each folded part starts in `joined` (ascending), and the word it is part of. */
  partAt: Int32Array;
  partWord: Int32Array;
}

/** Never in a term (letters and digits only). */
const PART = '\u0001';

/**
 * Made plain and split once per workshop, and kept while the workshop object lives (a change
 * replaces it): result pages show the same workshops again and again. Excerpts are cut from the
 * plain text (Markdown marks taken out of the whole text once), so a search does not strip the
 * marks of twenty excerpts again, and a link's address, which a reader never sees, is never shown.
 */
const textWords = new WeakMap<MemoryWorkshop, TextWords>();
function wordsOfText(workshop: MemoryWorkshop): TextWords {
  let found = textWords.get(workshop);
  if (!found) {
    const text = `${markdownToText(workshop.summary)} ${markdownToText(workshop.description)}`;
    const matches = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
    const bounds = new Int32Array(matches.length * 2);
    const parts: string[] = [];
    const words: number[] = [];
    matches.forEach((m, w) => {
      bounds[2 * w] = m.index;
      bounds[2 * w + 1] = m.index + m[0].length;
      // A plain ASCII word folds to itself in lower case (most words): no second regex.
      for (const part of NON_ASCII.test(m[0]) ? wordsOf(m[0]) : [m[0].toLowerCase()]) {
        parts.push(part);
        words.push(w);
      }
    });
    const partAt = new Int32Array(parts.length);
    let at = 0;
    parts.forEach((part, k) => {
      partAt[k] = at + 1;
      at += part.length + 1;
    });
    found = { text, bounds, joined: parts.map((part) => PART + part).join(''), partAt, partWord: Int32Array.from(words) };
    textWords.set(workshop, found);
  }
  return found;
}

/** The index of the part starting at `at` in `partAt` (it is one of its values). */
function partIndex(partAt: Int32Array, at: number): number {
  let low = 0;
  let high = partAt.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((partAt[middle] as number) < at) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Words around the best match, as FTS5's snippet() picks them: the window of this many words with the most terms. */
const EXCERPT_WORDS = 16;

/**
 * A short excerpt of the summary and description, as plain text, with the words matching a term
 * between MARK_START and MARK_END (the caller escapes and marks it). Made here rather than
 * by FTS5 snippet() or ts_headline(): both databases then give the same excerpt, without a query.
 */
export function excerpt(workshop: MemoryWorkshop, terms: string[]): string {
  const { text, bounds, joined, partAt, partWord } = wordsOfText(workshop);
  const count = bounds.length / 2;
  if (count === 0) return '';
  // Per word, the bit of the first term it matches (0: none). At most 8 terms (searchTerms), so a
  // window's distinct terms are the bits of an OR. Typed arrays, no object per word: twenty of
  // these are made per answer, over descriptions of hundreds of words.
  if (hitBits.length < count) hitBits = new Uint32Array(Math.max(count, hitBits.length * 2));
  const hits = hitBits;
  hits.fill(0, 0, count);
  for (let t = 0; t < terms.length; t++) {
    // A part starting with the term: the mark, then the term.
    const needle = PART + (terms[t] as string);
    for (let at = joined.indexOf(needle); at >= 0; at = joined.indexOf(needle, at + needle.length)) {
      const word = partWord[partIndex(partAt, at + 1)] as number;
      if (hits[word] === 0) hits[word] = 1 << t;
    }
  }
  // The window with the most distinct terms, then the most matches, the earliest first.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < count; i++) {
    if (hits[i] === 0 && i > 0) continue;
    let distinct = 0;
    let matches = 0;
    for (let j = i; j < Math.min(count, i + EXCERPT_WORDS); j++) {
      const hit = hits[j] as number;
      if (hit !== 0) {
        distinct |= hit;
        matches++;
      }
    }
    const score = bitCount(distinct) * 1000 + matches;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const startOf = (w: number) => bounds[2 * w] as number;
  const endOf = (w: number) => bounds[2 * w + 1] as number;
  // Start a few words before the first match so it reads in context, as snippet() does.
  let firstHit = best;
  while (firstHit < count && hits[firstHit] === 0) firstHit++;
  let start = Math.max(0, Math.min(best, firstHit === count ? best : firstHit - 3));
  // Never start inside a compound word ("auto-instrumentation", "e.g"): back to the whitespace before it.
  while (start > 0 && !/\s/.test(text.slice(endOf(start - 1), startOf(start)))) start--;
  const end = Math.min(count, start + EXCERPT_WORDS);
  let out = start > 0 ? '…' : '';
  let at = startOf(start);
  for (let i = start; i < end; i++) {
    out += text.slice(at, startOf(i));
    out += hits[i] !== 0 ? `${MARK_START}${text.slice(startOf(i), endOf(i))}${MARK_END}` : text.slice(startOf(i), endOf(i));
    at = endOf(i);
  }
  // Up to the end of the text, or the punctuation that follows the last word (a closing ** or ")").
  if (end >= count) out += text.slice(at);
  else out += `${text.slice(at, startOf(end)).trimEnd()}…`;
  return out.trim();
}

/** excerpt()'s per-word matches, reused from call to call (it never waits, so never shared). */
let hitBits = new Uint32Array(1024);

function bitCount(bits: number): number {
  let n = 0;
  for (let b = bits; b !== 0; b &= b - 1) n++;
  return n;
}
