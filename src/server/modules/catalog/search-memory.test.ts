import { describe, expect, it } from 'vitest';
import { cityOf } from '../../../contracts/places.js';
import { NEVER, type SearchFilter } from './search.repository.js';
import { searchTerms } from './search-index.repository.js';
import { type MemorySession, type MemoryWorkshop, SearchMemory, wordsOf } from './search-memory.js';
import { idOf } from './search-results.js';

// The memory index keeps bit sets of words, titles and tags, and session groups per kind of
// session filter, so that a search does little work. Here its answers are compared with the
// obvious computation over the same workshops, for many searches in a mixed order (so that kept
// groups are reused, replaced and outgrown) and after workshops change.

/** A small deterministic generator: the same workshops and searches on every run. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const WORDS = ['kubernetes', 'kafka', 'intro', 'into', 'design', 'designing', 'rust', 'go', 'golang', 'testing', 'test', 'café'];
const TAGS = ['backend', 'frontend', 'ops', 'intermediate', 'beginner'];
const PLACES = ['Berlin / Room 1', 'Berlin / Room 2', 'Lisbon', null];
const MODES = ['in_person', 'online', 'hybrid'] as const;
const DAY = 86_400_000;

function workshops(next: () => number, count: number, base: number): MemoryWorkshop[] {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const id = `w${String(i).padStart(3, '0')}`;
    const sessions: MemorySession[] = Array.from({ length: Math.floor(next() * 5) }, (_, k) => {
      const starts = base + Math.floor(next() * 60) * DAY + k * 3_600_000;
      const mode = pick(MODES);
      return {
        id: `${id}-s${k}`,
        workshop_id: id,
        starts_at: new Date(starts).toISOString(),
        ends_at: new Date(starts + 3_600_000).toISOString(),
        time_zone: 'UTC',
        mode,
        location: mode === 'online' ? null : pick(PLACES),
        seats: 10,
        online_seats: null,
        seat_left: next() < 0.6,
      };
    }).sort((a, b) => (a.starts_at < b.starts_at ? -1 : 1));
    return {
      id,
      title: `${pick(WORDS)} ${pick(WORDS)}`,
      summary: `${pick(WORDS)} and ${pick(WORDS)}`,
      description: pick(WORDS),
      language: next() < 0.8 ? 'en' : 'de',
      format: next() < 0.5 ? 'talk' : 'hands_on_lab',
      popularity: Math.floor(next() * 100),
      published_at: new Date(base - i * DAY).toISOString(),
      tags: [...new Set([pick(TAGS), pick(TAGS)])],
      channelIds: [],
      hosts: [{ id: `p${i % 7}`, name: `Host ${i % 7}`, title: null }],
      hasRecording: false,
      sessions,
    };
  });
}

function filter(next: () => number, base: number): SearchFilter {
  const q =
    next() < 0.6
      ? [WORDS[Math.floor(next() * WORDS.length)]?.slice(0, 1 + Math.floor(next() * 5)), next() < 0.3 ? 'de' : ''].join(' ')
      : '';
  const from = new Date(base + Math.floor(next() * 3) * DAY).toISOString();
  return {
    terms: searchTerms(q),
    exact: q.trim().toLowerCase(),
    tags: next() < 0.4 ? [TAGS[Math.floor(next() * TAGS.length)] as string] : [],
    channels: [],
    modes: [],
    formats: [],
    locations: [],
    hosts: next() < 0.1 ? ['p3'] : [],
    language: next() < 0.1 ? 'de' : undefined,
    from,
    to: next() < 0.4 ? new Date(base + (10 + Math.floor(next() * 2) * 20) * DAY).toISOString() : undefined,
    hasSeats: next() < 0.3,
    dated: false,
  };
}

/** What a search should find, computed the obvious way. */
function expected(all: MemoryWorkshop[], f: SearchFilter) {
  const matches = (words: string[]) => f.terms.every((t) => words.some((w) => w.startsWith(t)));
  return all
    .filter((w) => matches(wordsOf([w.title, w.summary, w.description, w.tags.join(' '), w.hosts.map((h) => h.name).join(' ')].join(' '))))
    .filter((w) => f.tags.every((t) => w.tags.includes(t)))
    .filter((w) => f.hosts.length === 0 || w.hosts.some((h) => f.hosts.includes(h.id)))
    .filter((w) => !f.language || w.language === f.language)
    .map((w) => {
      const tier = f.terms.length === 0 || w.title.toLowerCase() === f.exact ? 0 : matches(wordsOf(w.title)) ? 1 : 2;
      const groups: { mode: string; location: string | null; starts_at: string }[] = [];
      for (const s of w.sessions) {
        if (s.starts_at < f.from || (f.to && s.starts_at >= f.to) || (f.hasSeats && !s.seat_left)) continue;
        if (!groups.some((g) => g.mode === s.mode && g.location === s.location))
          groups.push({ mode: s.mode, location: s.location, starts_at: s.starts_at });
      }
      // What a search counts the workshop in (its facet values as ids, in any order) and sorts it by.
      const values = [
        ...w.tags.map((tag) => idOf('tag', tag)),
        ...w.channelIds.map((id) => idOf('channel', id)),
        idOf('format', w.format),
        ...new Set(groups.map((g) => idOf('mode', g.mode))),
        ...new Set(
          groups.flatMap((g) => (g.location ? [g.location, cityOf(g.location)] : [])).flatMap((p) => (p ? [idOf('place', p)] : [])),
        ),
      ].sort((a, b) => a - b);
      // Sessions are in order of their start, so the first group's is the soonest.
      const soonest = groups[0]?.starts_at ?? NEVER;
      const modes = groups.reduce((bits, g) => bits | { in_person: 1, online: 2, hybrid: 4 }[g.mode as 'online'], 0);
      return { id: w.id, tier, groups, values, soonest, modes };
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function found(memory: SearchMemory, f: SearchFilter) {
  const { slots, tiers, length } = memory.candidates(f);
  return Array.from({ length }, (_, i) => {
    const row = memory.rowOf(slots[i] as number, tiers[i] as number);
    const groups = memory.groupsOf(row.slot, f).map((g) => ({ mode: g.mode, location: g.location, starts_at: g.starts_at }));
    const table = memory.sessionTable;
    const values = [...table.pool.subarray(table.start[row.slot], table.end[row.slot])].sort((a, b) => a - b);
    return { id: row.id, tier: row.tier, groups, values, soonest: table.soonest[row.slot], modes: table.modeBits[row.slot] };
  }).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('the memory search index', () => {
  it('finds what the obvious computation finds, search after search, and after workshops change', () => {
    const next = random(17);
    // A day ahead: groupsOf drops sessions that have started by the real clock.
    const base = Date.now() + DAY;
    // Room for a few workshops' facet values at first: the tables outgrow it and move what they keep.
    const memory = new SearchMemory(64);
    let all = workshops(next, 120, base);
    for (const w of all) memory.put(structuredClone(w));
    for (let round = 0; round < 400; round++) {
      const f = filter(next, base);
      expect(found(memory, f), JSON.stringify(f)).toEqual(expected(all, f));
      if (round % 50 === 49) {
        // Some workshops change (new sessions, seats, tags), some go, some come back.
        const changed = workshops(next, 120, base).filter(() => next() < 0.2);
        const gone = new Set(all.filter(() => next() < 0.05).map((w) => w.id));
        const byId = new Map(all.map((w) => [w.id, w]));
        for (const w of changed) byId.set(w.id, w);
        for (const id of gone) byId.delete(id);
        all = [...byId.values()];
        for (const id of gone) memory.remove(id);
        for (const w of changed) if (!gone.has(w.id)) memory.put(structuredClone(w));
      }
    }
  });
});
