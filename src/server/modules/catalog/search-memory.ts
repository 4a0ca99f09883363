import { placeMatches } from '../../../contracts/places.js';
import { type Bits, hasSlot, PrefixIndex } from './prefix-index.js';
import type { CandidateRow, Format, Mode, SearchFilter, SessionGroupRow } from './search.repository.js';
import { MARK_END, MARK_START } from './search-index.repository.js';
import { idOf } from './search-results.js';

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
  /** Its candidate row per relevance tier, made once (searchResults only reads them). */
  rows: (CandidateRow | undefined)[];
}

/**
 * Every workshop's session groups for one end date and seat filter, by slot. A slot's list is
 * valid for a search starting from `from` up to `until` (ms), as long as the workshop does not
 * change (a change forgets its slot; a seat running out is a logged change too). Sessions before
 * `from` have started, and none starts before `until`, so moving `from` within that span leaves
 * the same sessions. Kept as arrays by slot rather than on each workshop: a search over every
 * workshop finds its lists by index, without following a workshop's objects (at org scale that
 * chase was a quarter of a search's time).
 */
class GroupTable {
  from: Float64Array;
  until: Float64Array;
  lists: (SessionGroupRow[] | undefined)[];

  constructor(
    readonly to: string | undefined,
    readonly hasSeats: boolean,
    size: number,
  ) {
    this.from = new Float64Array(size);
    this.until = new Float64Array(size).fill(Number.NEGATIVE_INFINITY);
    this.lists = new Array(size);
  }

  /** Room for `size` slots (new slots hold nothing). */
  fit(size: number): void {
    if (size <= this.until.length) return;
    const capacity = Math.max(size, this.until.length * 2);
    const from = new Float64Array(capacity);
    from.set(this.from);
    const until = new Float64Array(capacity).fill(Number.NEGATIVE_INFINITY);
    until.set(this.until);
    this.from = from;
    this.until = until;
  }

  forget(slot: number): void {
    if (slot >= this.until.length) return;
    this.until[slot] = Number.NEGATIVE_INFINITY;
    this.lists[slot] = undefined;
  }
}

/** Kinds of session filter kept: the plain search and a few end dates or seat filters in use. */
const KEPT_TABLES = 4;

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERM_LENGTH = 40;

/** As search-index.repository.ts searchTerms(): accents folded, lower case, letters and digits. */
export function wordsOf(text: string): string[] {
  // Plain ASCII (most words) has nothing to fold.
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}
const NON_ASCII = /[^\p{ASCII}]/u;

export class SearchMemory {
  private readonly docs = new Map<string, Doc>();
  private bySlot: (Doc | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Every word of the text, and the title's words alone (they decide the second relevance tier). */
  private readonly text = new PrefixIndex();
  private readonly titles = new PrefixIndex();
  /** Tag → slots of the workshops with it (a tag filter is an exact match, as common as a word search). */
  private readonly tagged = new Map<string, Set<number>>();
  /** Every workshop's row (tier 0), for searches with no filter before the facets (the catalog's first page). */
  private allRows: CandidateRow[] | undefined;
  channels: MemoryChannel[] = [];
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
    };
    this.docs.set(workshop.id, doc);
    this.bySlot[slot] = doc;
    this.text.add(slot, words);
    this.titles.add(slot, doc.titleWords);
    for (const tag of workshop.tags) {
      let slots = this.tagged.get(tag);
      if (!slots) {
        slots = new Set();
        this.tagged.set(tag, slots);
      }
      slots.add(slot);
    }
    this.allRows = undefined;
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
    this.allRows = undefined;
  }

  clear(): void {
    this.docs.clear();
    this.bySlot = [];
    this.freeSlots.length = 0;
    this.text.clear();
    this.titles.clear();
    this.tagged.clear();
    this.allRows = undefined;
    this.tables = [];
    this.filter = undefined;
  }

  /**
   * searchRepository.candidates, from memory: published workshops passing the text, tag, host,
   * language and id filters, with their relevance tier.
   */
  candidates(f: SearchFilter): CandidateRow[] {
    this.now = new Date().toISOString();
    const plain = f.terms.length === 0 && !f.ids && !f.language && f.tags.length === 0 && f.hosts.length === 0;
    if (plain && this.allRows) return this.allRows;
    let docs: Iterable<Doc> = this.docs.values();
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
    if (bits) {
      const found: Doc[] = [];
      for (let w = 0; w < bits.length; w++) {
        let word = bits[w] as number;
        while (word !== 0) {
          const bit = 31 - Math.clz32(word & -word);
          word &= word - 1;
          const doc = this.bySlot[w * 32 + bit];
          if (doc) found.push(doc);
        }
      }
      docs = found;
    }
    if (f.ids) {
      const matched = bits ? new Set(docs) : undefined;
      docs = f.ids.flatMap((id) => this.docs.get(id) ?? []).filter((d) => !matched || matched.has(d));
    }
    const rows: CandidateRow[] = [];
    for (const doc of docs) {
      const w = doc.workshop;
      if (f.language && w.language !== f.language) continue;
      if (f.hosts.length > 0 && !w.hosts.some((h) => f.hosts.includes(h.id))) continue;
      // Relevance: 0 the title is the query, 1 every term starts a word of the title, 2 the rest.
      const tier = !inTitle ? 0 : doc.lowerTitle === f.exact ? 0 : hasSlot(inTitle, doc.slot) ? 1 : 2;
      // A workshop's row is the same each time for a tier: made once.
      let row = doc.rows[tier];
      if (!row) {
        row = candidateRow(w, tier, doc.slot);
        doc.rows[tier] = row;
      }
      rows.push(row);
    }
    if (plain) this.allRows = rows;
    return rows;
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

  /**
   * searchRepository.sessionGroups for one workshop: its next session per mode and place among
   * those passing the date and seat filters. Searches with the same end date and seat filter
   * share one list per workshop until its soonest session starts (GroupTable).
   */
  groupsOf(row: CandidateRow, f: SearchFilter): SessionGroupRow[] {
    if (f !== this.filter || !this.table) {
      this.filter = f;
      this.fromMs = Date.parse(f.from);
      this.table = this.tableFor(f);
    }
    const table = this.table;
    const from = this.fromMs;
    // The row is from candidates() of this search: its slot holds its workshop, and a change forgets the slot.
    const slot = row.slot;
    if (from >= (table.from[slot] as number) && from <= (table.until[slot] as number)) return table.lists[slot] as SessionGroupRow[];
    const doc = this.bySlot[slot];
    if (!doc || doc.workshop.id !== row.id) return [];
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
      groups.push({ workshop_id: row.id, mode: s.mode, location: s.location, starts_at: s.starts_at });
    }
    // Valid until the soonest of them starts (then it would drop out); with none, as long as nothing changes.
    table.from[slot] = from;
    table.until[slot] = first ? Date.parse(first) : Number.POSITIVE_INFINITY;
    table.lists[slot] = groups;
    return groups;
  }

  /** The table of this end date and seat filter, made the most recently used (a new one replaces the least). */
  private tableFor(f: SearchFilter): GroupTable {
    const at = this.tables.findIndex((t) => t.to === f.to && t.hasSeats === f.hasSeats);
    const table = at >= 0 ? (this.tables.splice(at, 1)[0] as GroupTable) : new GroupTable(f.to, f.hasSeats, this.bySlot.length);
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

const candidateRow = (w: MemoryWorkshop, tier: number, slot: number): CandidateRow => ({
  id: w.id,
  format: w.format,
  popularity: w.popularity,
  published_at: w.published_at,
  tier,
  tags: w.tags,
  channelIds: w.channelIds,
  tagIds: Int32Array.from(w.tags, (tag) => idOf('tag', tag)),
  channelNums: Int32Array.from(w.channelIds, (id) => idOf('channel', id)),
  formatId: idOf('format', w.format),
  slot,
});

/** A workshop's summary and description as words: where each is, and its folded form (its parts, when folding splits it). */
interface TextWords {
  text: string;
  bounds: Int32Array;
  folded: (string | string[])[];
}

/**
 * Split once per workshop and kept while the workshop object lives (a change replaces it): result
 * pages show the same workshops again and again, and splitting is most of an excerpt's cost.
 */
const textWords = new WeakMap<MemoryWorkshop, TextWords>();
function wordsOfText(workshop: MemoryWorkshop): TextWords {
  let found = textWords.get(workshop);
  if (!found) {
    const text = `${workshop.summary}\n${workshop.description}`;
    const matches = [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)];
    const bounds = new Int32Array(matches.length * 2);
    const folded = matches.map((m, w) => {
      bounds[2 * w] = m.index;
      bounds[2 * w + 1] = m.index + m[0].length;
      // A plain ASCII word folds to itself in lower case (most words): no second regex.
      if (!NON_ASCII.test(m[0])) return m[0].toLowerCase();
      const parts = wordsOf(m[0]);
      return parts.length === 1 ? (parts[0] as string) : parts;
    });
    found = { text, bounds, folded };
    textWords.set(workshop, found);
  }
  return found;
}

/** Words around the best match, as FTS5's snippet() picks them: the window of this many words with the most terms. */
const EXCERPT_WORDS = 16;

/**
 * A short excerpt of the summary and description with the words matching a term between
 * MARK_START and MARK_END (the caller strips Markdown, escapes and marks it). Made here rather than
 * by FTS5 snippet() or ts_headline(): both databases then give the same excerpt, without a query.
 */
export function excerpt(workshop: MemoryWorkshop, terms: string[]): string {
  const { text, bounds, folded } = wordsOfText(workshop);
  const spans: { start: number; end: number; hit: number }[] = [];
  for (let w = 0; w < folded.length; w++) {
    const parts = folded[w] as string | string[];
    let hit = -1;
    for (let t = 0; t < terms.length && hit < 0; t++) {
      const term = terms[t] as string;
      if (typeof parts === 'string' ? parts.startsWith(term) : parts.some((part) => part.startsWith(term))) hit = t;
    }
    spans.push({ start: bounds[2 * w] as number, end: bounds[2 * w + 1] as number, hit });
  }
  if (spans.length === 0) return '';
  // The window with the most distinct terms, then the most matches, the earliest first.
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < spans.length; i++) {
    if ((spans[i] as { hit: number }).hit < 0 && i > 0) continue;
    const distinct = new Set<number>();
    let hits = 0;
    for (let j = i; j < Math.min(spans.length, i + EXCERPT_WORDS); j++) {
      const hit = (spans[j] as { hit: number }).hit;
      if (hit >= 0) {
        distinct.add(hit);
        hits++;
      }
    }
    const score = distinct.size * 1000 + hits;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Start a few words before the first match so it reads in context, as snippet() does.
  const firstHit = spans.findIndex((s, i) => i >= best && s.hit >= 0);
  let start = Math.max(0, Math.min(best, firstHit < 0 ? best : firstHit - 3));
  // Never start inside a compound word ("auto-instrumentation", "e.g"): back to the whitespace before it.
  while (start > 0 && !/\s/.test(text.slice((spans[start - 1] as { end: number }).end, (spans[start] as { start: number }).start))) start--;
  const end = Math.min(spans.length, start + EXCERPT_WORDS);
  let out = start > 0 ? '…' : '';
  let at = (spans[start] as { start: number }).start;
  for (let i = start; i < end; i++) {
    const s = spans[i] as { start: number; end: number; hit: number };
    out += text.slice(at, s.start);
    out += s.hit >= 0 ? `${MARK_START}${text.slice(s.start, s.end)}${MARK_END}` : text.slice(s.start, s.end);
    at = s.end;
  }
  // Up to the end of the text, or the punctuation that follows the last word (a closing ** or ")").
  if (end >= spans.length) out += text.slice(at);
  else out += `${text.slice(at, (spans[end] as { start: number }).start).trimEnd()}…`;
  return out.trim();
}
