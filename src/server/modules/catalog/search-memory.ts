import { placeMatches } from '../../../contracts/places.js';
import type { CandidateRow, Format, Mode, SearchFilter, SessionGroupRow } from './search.repository.js';
import { MARK_END, MARK_START } from './search-index.repository.js';

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
  /** Its candidate row for searches without terms (searchResults only reads it). */
  row?: CandidateRow;
  /** Session groups for searches without dates or seats, valid while `groupsUntil` has not started. */
  groups?: SessionGroupRow[];
  groupsFrom: string;
  groupsUntil: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
const MAX_TERM_LENGTH = 40;

/** As search-index.repository.ts searchTerms(): accents folded, lower case, letters and digits. */
export function wordsOf(text: string): string[] {
  // Plain ASCII (most words) has nothing to fold.
  const folded = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}
const NON_ASCII = /[^\p{ASCII}]/u;

/** Prefix sets cached per term: a short prefix ("k") unions thousands of postings, and people type one letter at a time. */
const PREFIX_CACHE_LIMIT = 2000;

/** A set of document slots, one bit each. */
type Bits = Uint32Array;

export class SearchMemory {
  private readonly docs = new Map<string, Doc>();
  private bySlot: (Doc | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  /** Word → slots of the documents with it; words sorted for prefix ranges (kept even once unused). */
  private readonly postings = new Map<string, Set<number>>();
  private sortedWords: string[] = [];
  private unsortedWords: string[] = [];
  private readonly prefixCache = new Map<string, Bits>();
  channels: MemoryChannel[] = [];
  /** The time of the current search (candidates() sets it; groupsOf() drops sessions started before it). */
  private now = '';
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
      groupsFrom: '',
      groupsUntil: '',
    };
    this.docs.set(workshop.id, doc);
    this.bySlot[slot] = doc;
    for (const word of words) {
      let set = this.postings.get(word);
      if (!set) {
        set = new Set();
        this.postings.set(word, set);
        this.unsortedWords.push(word);
      }
      set.add(slot);
    }
    this.prefixCache.clear();
  }

  /** Forgets a workshop (unpublished, deleted, or about to be read again). */
  remove(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    this.docs.delete(id);
    this.bySlot[doc.slot] = undefined;
    this.freeSlots.push(doc.slot);
    for (const word of doc.words) this.postings.get(word)?.delete(doc.slot);
    this.prefixCache.clear();
  }

  clear(): void {
    this.docs.clear();
    this.bySlot = [];
    this.freeSlots.length = 0;
    this.postings.clear();
    this.sortedWords = [];
    this.unsortedWords = [];
    this.prefixCache.clear();
  }

  /** The slots of documents with a word starting with `term`. */
  private withPrefix(term: string): Bits {
    const cached = this.prefixCache.get(term);
    if (cached) return cached;
    if (this.unsortedWords.length > 0) {
      this.sortedWords = [...this.sortedWords, ...this.unsortedWords].sort();
      this.unsortedWords = [];
    }
    const words = this.sortedWords;
    let lo = 0;
    let hi = words.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((words[mid] as string) < term) lo = mid + 1;
      else hi = mid;
    }
    const bits: Bits = new Uint32Array((this.bySlot.length >>> 5) + 1);
    for (let i = lo; i < words.length && (words[i] as string).startsWith(term); i++) {
      for (const slot of this.postings.get(words[i] as string) ?? []) bits[slot >>> 5] = (bits[slot >>> 5] as number) | (1 << (slot & 31));
    }
    if (this.prefixCache.size >= PREFIX_CACHE_LIMIT) this.prefixCache.clear();
    this.prefixCache.set(term, bits);
    return bits;
  }

  /**
   * searchRepository.candidates, from memory: published workshops passing the text, tag, host,
   * language and id filters, with their relevance tier.
   */
  candidates(f: SearchFilter): CandidateRow[] {
    this.now = new Date().toISOString();
    let docs: Iterable<Doc> = this.docs.values();
    if (f.terms.length > 0) {
      let bits: Bits | undefined;
      for (const term of f.terms) {
        const these = this.withPrefix(term.slice(0, MAX_TERM_LENGTH));
        if (!bits) bits = Uint32Array.from(these);
        else for (let i = 0; i < bits.length; i++) bits[i] = (bits[i] as number) & ((these[i] as number) ?? 0);
      }
      const found: Doc[] = [];
      for (let w = 0; w < (bits as Bits).length; w++) {
        let word = (bits as Bits)[w] as number;
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
      const matched = f.terms.length > 0 ? new Set(docs) : undefined;
      docs = f.ids.flatMap((id) => this.docs.get(id) ?? []).filter((d) => !matched || matched.has(d));
    }
    const rows: CandidateRow[] = [];
    for (const doc of docs) {
      const w = doc.workshop;
      if (f.language && w.language !== f.language) continue;
      if (f.tags.length > 0 && !f.tags.every((t) => w.tags.includes(t))) continue;
      if (f.hosts.length > 0 && !w.hosts.some((h) => f.hosts.includes(h.id))) continue;
      // Without terms every row is the same each time: made once per workshop.
      if (f.terms.length > 0) rows.push(candidateRow(w, tierOf(doc, f)));
      else {
        doc.row ??= candidateRow(w, 0);
        rows.push(doc.row);
      }
    }
    return rows;
  }

  /**
   * searchRepository.sessionGroups for one workshop: its next session per mode and place among
   * those passing the date and seat filters. Searches without dates or seats share one list per
   * workshop until its soonest session starts.
   */
  groupsOf(id: string, f: SearchFilter): SessionGroupRow[] {
    const doc = this.docs.get(id);
    if (!doc) return [];
    const plain = !f.to && !f.hasSeats;
    if (plain && doc.groups && f.from >= doc.groupsFrom && f.from <= doc.groupsUntil) return doc.groups;
    const sessions = doc.workshop.sessions;
    // Sessions that have started are never upcoming again.
    let past = 0;
    while (past < sessions.length && (sessions[past] as MemorySession).starts_at < this.now) past++;
    if (past > 0) sessions.splice(0, past);
    const groups: SessionGroupRow[] = [];
    const seen = new Set<string>();
    let first = '';
    for (const s of sessions) {
      if (s.starts_at < f.from) continue;
      if (f.to && s.starts_at >= f.to) break;
      if (f.hasSeats && !s.seat_left) continue;
      first ||= s.starts_at;
      const key = `${s.mode}\u001f${s.location ?? ''}\u001f${s.location === null ? 0 : 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      groups.push({ workshop_id: id, mode: s.mode, location: s.location, starts_at: s.starts_at });
    }
    if (plain) {
      doc.groups = groups;
      doc.groupsFrom = f.from;
      // Valid until the soonest of them starts (then it would drop out); with none, as long as nothing changes.
      doc.groupsUntil = first || '9999';
    }
    return groups;
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

const candidateRow = (w: MemoryWorkshop, tier: number): CandidateRow => ({
  id: w.id,
  format: w.format,
  popularity: w.popularity,
  published_at: w.published_at,
  tier,
  tags: w.tags,
  channelIds: w.channelIds,
});

/** Relevance: 0 the title is the query, 1 every term starts a word of the title, 2 the rest. */
function tierOf(doc: Doc, f: SearchFilter): number {
  if (doc.lowerTitle === f.exact) return 0;
  return f.terms.every((t) => doc.titleWords.some((w) => w.startsWith(t))) ? 1 : 2;
}

/** Words around the best match, as FTS5's snippet() picks them: the window of this many words with the most terms. */
const EXCERPT_WORDS = 16;

/**
 * A short excerpt of the summary and description with the words matching a term between
 * MARK_START and MARK_END (the caller strips Markdown, escapes and marks it). Made here rather than
 * by FTS5 snippet() or ts_headline(): both databases then give the same excerpt, without a query.
 */
export function excerpt(workshop: MemoryWorkshop, terms: string[]): string {
  const text = `${workshop.summary}\n${workshop.description}`;
  const spans: { start: number; end: number; hit: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
    const folded = wordsOf(m[0]);
    let hit = -1;
    for (const part of folded) {
      const i = terms.findIndex((t) => part.startsWith(t));
      if (i >= 0) {
        hit = i;
        break;
      }
    }
    spans.push({ start: m.index, end: m.index + m[0].length, hit });
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
