import { formatLabels, modeLabels } from '../../../contracts/index.js';
import { cityOf, placeMatches } from '../../../contracts/places.js';
import { hasSlot } from './prefix-index.js';
import { type Format, type Mode, NEVER, type SearchFilter, type SearchSort, type SessionGroupRow } from './search.repository.js';
import type { Candidates, SearchMemory } from './search-memory.js';

/** A result, with the start of its next matching session (NEVER when none) and what it is sorted by. */
export interface ResultRow {
  id: string;
  format: Format;
  popularity: number;
  published_at: string;
  tier: number;
  next_starts_at: string;
  tags: string[];
  channelIds: string[];
}

export interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  tags: Facet[];
  channels: Facet[];
  modes: Facet[];
  formats: Facet[];
  locations: Facet[];
}

interface Channel {
  id: string;
  slug: string;
  name: string;
}

/** Facets whose own filter is "any of": each is counted without it, so choosing a value gives its count. */
type AnyOf = 'channels' | 'formats' | 'modes' | 'locations';

const FACET_LIMIT = 30;

/** Sort values of a row: each compared ascending, or descending when marked. */
type Key = { value: string | number; descending?: boolean }[];

function keyOf(sort: SearchSort, row: Pick<ResultRow, 'id' | 'next_starts_at' | 'published_at' | 'popularity' | 'tier'>): Key {
  switch (sort) {
    case 'soonest':
      return [{ value: row.next_starts_at }, { value: row.id }];
    case 'newest':
      return [
        { value: row.published_at, descending: true },
        { value: row.id, descending: true },
      ];
    case 'popular':
      return [{ value: row.popularity, descending: true }, { value: row.id }];
    case 'relevance':
      return [{ value: row.tier }, { value: row.next_starts_at }, { value: row.id }];
  }
}

type Sortable = Pick<ResultRow, 'id' | 'popularity' | 'published_at' | 'tier'>;

const byId = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

/**
 * keyOf's order, compared field by field without building keys or rows: this runs over every
 * result per search. `an` and `bn` are the rows' next_starts_at.
 */
function compareRows(sort: SearchSort, a: Sortable, an: string, b: Sortable, bn: string): number {
  switch (sort) {
    case 'soonest':
      return an !== bn ? (an < bn ? -1 : 1) : byId(a.id, b.id);
    case 'newest':
      return a.published_at !== b.published_at ? (a.published_at < b.published_at ? 1 : -1) : -byId(a.id, b.id);
    case 'popular':
      return a.popularity !== b.popularity ? (a.popularity < b.popularity ? 1 : -1) : byId(a.id, b.id);
    case 'relevance':
      if (a.tier !== b.tier) return a.tier < b.tier ? -1 : 1;
      if (an !== bn) return an < bn ? -1 : 1;
      return byId(a.id, b.id);
  }
}

/** The cursor holds the sort values of a page's last row, per sort. */
export function cursorOf(sort: SearchSort, row: ResultRow): string[] {
  return keyOf(sort, row).map((part) => String(part.value));
}

/** A cursor as a row holding the sort values it was made from, for compareRows. */
function cursorRow(sort: SearchSort, cursor: string[]): ResultRow {
  const [a = '', b = '', c = ''] = cursor;
  const row: ResultRow = { id: '', format: 'talk', popularity: 0, published_at: '', tier: 0, next_starts_at: '', tags: [], channelIds: [] };
  switch (sort) {
    case 'soonest':
      return { ...row, next_starts_at: a, id: b };
    case 'newest':
      return { ...row, published_at: a, id: b };
    case 'popular':
      return { ...row, popularity: Number(a), id: b };
    case 'relevance':
      return { ...row, tier: Number(a), next_starts_at: b, id: c };
  }
}

/** The facets whose values are counted; a value's id says which facet it belongs to. */
export type FacetKind = 'tag' | 'channel' | 'format' | 'mode' | 'place';

/**
 * Facet values (tags, channel ids, formats, modes, places) as small integers for the life of the
 * process, one number per facet and value, so counting a search's results is array arithmetic
 * into one counter rather than a string-keyed Map per value: a page over every published
 * workshop counts tens of thousands of values. The set only grows, by values ever seen (a few
 * thousand tags and places in a large organisation).
 */
const valueIds = new Map<string, number>();
const valueOfId: string[] = [];
const kindOfId: FacetKind[] = [];
export function idOf(kind: FacetKind, value: string): number {
  const key = `${kind}\u0000${value}`;
  let id = valueIds.get(key);
  if (id === undefined) {
    id = valueOfId.length;
    valueOfId.push(value);
    kindOfId.push(kind);
    valueIds.set(key, id);
  }
  return id;
}

/** A bit per mode, so that a mode filter is tested on a number (search-memory.ts GroupTable.modeBits). */
const MODE_BITS: Record<Mode, number> = { in_person: 1, online: 2, hybrid: 4 };
export const modeBitsOf = (modes: readonly string[]) => modes.reduce((bits, mode) => bits | (MODE_BITS[mode as Mode] ?? 0), 0);

/** What a list of session groups counts in and sorts by: its modes, its places and its soonest start. */
interface GroupValues {
  modes: Int32Array;
  places: Int32Array;
  /** NEVER when there is no group. */
  soonest: string;
  /** The same as a number, for comparing thousands of results. */
  soonestMs: number;
}

/** A list of session groups (search-memory.ts groupsOf) with its values and its filtered subsets, once made. */
type Groups = readonly SessionGroupRow[] & { facetValues?: GroupValues; subsets?: Map<string, Groups> };

/**
 * The modes and places a workshop counts once in, from its matching session groups: each room, and
 * its city (office) too (the filter offers the city first, then its rooms). Kept on the list: the
 * memory index hands out the same list for a workshop until its sessions change.
 */
export function facetValuesOf(groups: Groups): GroupValues {
  if (groups.facetValues) return groups.facetValues;
  const modes = new Set<string>();
  const places = new Set<string>();
  let soonest = NEVER;
  for (const g of groups) {
    if (g.starts_at < soonest) soonest = g.starts_at;
    modes.add(g.mode);
    if (g.location === null) continue;
    places.add(g.location);
    const city = cityOf(g.location);
    if (city) places.add(city);
  }
  const values = {
    modes: Int32Array.from(modes, (mode) => idOf('mode', mode)),
    places: Int32Array.from(places, (place) => idOf('place', place)),
    soonest,
    soonestMs: Date.parse(soonest),
  };
  (groups as { facetValues?: GroupValues }).facetValues = values;
  return values;
}

/** Session filters whose groups a list keeps (a list lives until its workshop changes or its soonest session starts). */
const KEPT_SUBSETS = 16;

/** A mode and place filter as one key, made once per search (skipping one of them gives another). */
const subsetKey = (modes: string[], locations: string[]) => `${modes.join(',')}\u0000${locations.join('\u0000')}`;

/**
 * The groups of one of `modes` at one of `locations` (none given: any). The list itself when every
 * group passes, as it mostly does; otherwise the passing groups, kept with the list by `key` (a few
 * filters each), so that they and their facet values (facetValuesOf) are made once, not per search:
 * a mode or place filter judges every workshop up to three times per search.
 */
function groupsIn(all: Groups, modes: string[], locations: string[], key: string): Groups {
  if (modes.length === 0 && locations.length === 0) return all;
  const kept = all.subsets?.get(key);
  if (kept) return kept;
  let some: SessionGroupRow[] | undefined;
  for (let k = 0; k < all.length; k++) {
    const g = all[k] as SessionGroupRow;
    const passes =
      (modes.length === 0 || modes.includes(g.mode)) &&
      (locations.length === 0 || (g.location !== null && locations.some((place) => placeMatches(g.location as string, place))));
    if (passes) some?.push(g);
    else some ??= all.slice(0, k);
  }
  const subset: Groups = some ?? all;
  all.subsets ??= new Map();
  if (all.subsets.size < KEPT_SUBSETS) all.subsets.set(key, subset);
  return subset;
}

/** Counts values by id; per facet, the most frequent first, then by value. */
class Counter {
  private counts = new Int32Array(Math.max(64, valueOfId.length));
  private readonly seen: number[] = [];

  add(id: number): void {
    if (id >= this.counts.length) {
      const grown = new Int32Array(Math.max(id + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    const count = this.counts[id] as number;
    this.counts[id] = count + 1;
    if (count === 0) this.seen.push(id);
  }

  addAll(ids: Int32Array): void {
    this.addRange(ids, 0, ids.length);
  }

  /** addAll() of values[start] up to values[end]. */
  addRange(values: Int32Array, start: number, end: number): void {
    // The first of a value goes through add() (it may grow the array and notes the value); the rest only count.
    let counts = this.counts;
    for (let k = start; k < end; k++) {
      const id = values[k] as number;
      const count = id < counts.length ? (counts[id] as number) : 0;
      if (count > 0) counts[id] = count + 1;
      else {
        this.add(id);
        counts = this.counts;
      }
    }
  }

  /** `label` names a value; `shown` gives the value a facet shows for a counted one (undefined: left out). */
  top(
    kind: FacetKind,
    label: (value: string) => string,
    limit = FACET_LIMIT,
    shown: (value: string) => string | undefined = (v) => v,
  ): Facet[] {
    // Only the first `limit` are kept, in order, as the values are met: a facet has hundreds, it shows 30.
    const best: { value: string; count: number }[] = [];
    for (const id of this.seen) {
      if (kindOfId[id] !== kind) continue;
      const count = this.counts[id] as number;
      if (best.length === limit && count < (best[limit - 1] as { count: number }).count) continue;
      const value = shown(valueOfId[id] as string);
      if (value === undefined) continue;
      let at = best.length;
      while (at > 0) {
        const other = best[at - 1] as { value: string; count: number };
        if (other.count > count || (other.count === count && other.value < value)) break;
        at--;
      }
      if (at === limit) continue;
      best.splice(at, 0, { value, count });
      if (best.length > limit) best.pop();
    }
    return best.map(({ value, count }) => ({ value, label: label(value), count }));
  }
}

/**
 * Results, facets and one page, from the candidates (the workshops passing the filters that are
 * not facets) and each one's session groups (search-memory.ts). Each workshop is judged once per
 * facet that has its own filter set ("any of" facets are counted as if their own filter were not
 * set); with that filter unset, the judgement is the same and is not made again.
 */
export function searchResults(input: {
  filter: SearchFilter;
  sort: SearchSort;
  after: string[] | undefined;
  limit: number;
  /** The workshops passing the filters that are not facets (search-memory.ts candidates()). */
  candidates: Candidates;
  /** The memory index that found them: their rows, their session groups and the table of those. */
  memory: Pick<SearchMemory, 'rowOf' | 'groups' | 'sessionTable' | 'slotColumns' | 'inChannels'>;
  channels: Channel[];
}): { total: number; page: ResultRow[]; more: boolean; facets: Facets } {
  const { filter: f, sort, candidates, memory, channels } = input;
  const { slots, tiers } = candidates;
  const n = candidates.length;
  const { channelById, channelBySlug } = channelMaps(channels);
  // The workshops in a chosen channel, as bits by slot (read per candidate without its row).
  const inChosen = memory.inChannels(channels.filter((c) => f.channels.includes(c.slug)).map((c) => c.id));
  // Plain loops over the candidates' slots and typed arrays by slot: this runs over every published
  // workshop per search. Rows (objects) are read for the page, and under a place filter.
  const rowAt = (i: number) => memory.rowOf(slots[i] as number, tiers[i] as number);
  // Set for the results only (the rest are never read). `next` is kept where the groups are
  // filtered ("any of" filters); otherwise each result's soonest start is the table's.
  const nextMs = new Float64Array(n);
  const next: string[] = [];
  const table = memory.sessionTable;
  // Without a mode or place filter every judgement's groups are the workshop's own: the table's
  // columns hold their soonest start; otherwise `next` holds the matching groups'.
  const wholeGroups = f.modes.length === 0 && f.locations.length === 0;
  const nextAt = (i: number) => (wholeGroups ? table.soonest[slots[i] as number] : next[i]) as string;
  const bothKey = subsetKey(f.modes, f.locations);
  const withoutModes = subsetKey([], f.locations);
  const withoutLocations = subsetKey(f.modes, []);
  // Any session filter (mode, place, dates, seats) leaves out workshops with no matching session.
  const dateOrSeats = f.hasSeats || f.dated;

  const columns = memory.slotColumns;
  const formatIds = columns.format;
  const chosenFormats = f.formats.map((format) => idOf('format', format));
  /**
   * Candidate i's matching session groups when it is a result without the `skip` filter; null when
   * it is not (the place filter's path: format and channel are tested on columns and bits by slot).
   */
  const judge = (i: number, skip?: AnyOf): Groups | null => {
    const slot = slots[i] as number;
    if (skip !== 'formats' && chosenFormats.length > 0 && !chosenFormats.includes(formatIds[slot] as number)) return null;
    if (skip !== 'channels' && f.channels.length > 0 && !hasSlot(inChosen, slot)) return null;
    const modes: string[] = skip === 'modes' ? [] : f.modes;
    const locations = skip === 'locations' ? [] : f.locations;
    const key = skip === 'modes' ? withoutModes : skip === 'locations' ? withoutLocations : bothKey;
    const matching = groupsIn(memory.groups(slot), modes, locations, key);
    const sessionFiltered = modes.length > 0 || locations.length > 0 || dateOrSeats;
    return sessionFiltered && matching.length === 0 ? null : matching;
  };

  const results: number[] = [];
  const counts = new Counter();
  if (f.locations.length === 0) {
    // No filter but format, channel and mode ones (the common case: none of them): each judgement
    // is a format column, a channel bit and the modes of the workshop's groups as bits, and the
    // counts are ranges of the pool. Only results under a mode filter read their list (the groups
    // of those modes: their soonest start and places). groups() may move the pool
    // (GroupTable.reserve): it is read from the table each time.
    const chosenModes = modeBitsOf(f.modes);
    for (let i = 0; i < n; i++) {
      const slot = slots[i] as number;
      memory.groups(slot);
      // Without the mode filter (the modes facet's judgement) a group is needed only for dates or seats.
      const whole = !dateOrSeats || table.modeBits[slot] !== 0;
      // With it, a group of one of the modes.
      const moded = chosenModes === 0 ? whole : ((table.modeBits[slot] as number) & chosenModes) !== 0;
      const format = chosenFormats.length === 0 || chosenFormats.includes(formatIds[slot] as number);
      const channel = f.channels.length === 0 || hasSlot(inChosen, slot);
      const from = table.start[slot] as number;
      const ownEnd = table.ownEnd[slot] as number;
      const tagsEnd = from + (columns.tags[slot] as number);
      const result = format && channel && moded;
      if (result) {
        results.push(i);
        counts.addRange(table.pool, from, tagsEnd);
        if (chosenModes === 0) {
          nextMs[i] = table.soonestMs[slot] as number;
          counts.addRange(table.pool, ownEnd, table.end[slot] as number);
        } else {
          const values = facetValuesOf(groupsIn(memory.groups(slot), f.modes, [], bothKey));
          next[i] = values.soonest;
          nextMs[i] = values.soonestMs;
          counts.addAll(values.places);
        }
      }
      // A facet with its own filter set counts the workshops passing the others.
      if (f.channels.length > 0 ? format && moded : result) counts.addRange(table.pool, tagsEnd, ownEnd - 1);
      if (f.formats.length > 0 ? channel && moded : result) counts.add(formatIds[slot] as number);
      if (chosenModes !== 0 && format && channel && whole) counts.addRange(table.pool, ownEnd, table.modesEnd[slot] as number);
    }
  } else {
    // Each workshop's judgement, for the facets counted in a second pass.
    const judged: (Groups | null)[] = new Array(n).fill(null);
    for (let i = 0; i < n; i++) {
      const matching = judge(i);
      if (!matching) continue;
      judged[i] = matching;
      const values = facetValuesOf(matching);
      next[i] = values.soonest;
      nextMs[i] = values.soonestMs;
      results.push(i);
      counts.addAll(rowAt(i).tagIds);
    }
    // Each facet with its own filter set judges every workshop again without it.
    const own = (i: number, skip: AnyOf, set: boolean) => (set ? judge(i, skip) : judged[i]);
    for (let i = 0; i < n; i++) {
      if (own(i, 'channels', f.channels.length > 0)) counts.addAll(rowAt(i).channelNums);
      if (own(i, 'formats', f.formats.length > 0)) counts.add(formatIds[slots[i] as number] as number);
      const byMode = own(i, 'modes', f.modes.length > 0);
      if (byMode) counts.addAll(facetValuesOf(byMode).modes);
      const byPlace = own(i, 'locations', f.locations.length > 0);
      if (byPlace) counts.addAll(facetValuesOf(byPlace).places);
    }
  }
  const facets: Facets = {
    tags: counts.top('tag', (tag) => tag),
    // Counted by channel id; shown by slug (a channel gone meanwhile is left out).
    channels: counts.top(
      'channel',
      (slug) => channelBySlug.get(slug)?.name ?? slug,
      FACET_LIMIT,
      (id) => channelById.get(id)?.slug,
    ),
    formats: counts.top('format', (format) => formatLabels[format as Format]),
    modes: counts.top('mode', (mode) => modeLabels[mode as Mode] ?? mode),
    locations: counts.top('place', (place) => place, FACET_LIMIT * 2),
  };

  // The page: the first `limit` after the cursor, kept in order as they are met (no sort of all results).
  const after = input.after ? cursorRow(sort, input.after) : undefined;
  const best: number[] = [];
  let remaining = 0;
  /**
   * compareRows of results i and j: by the numbers kept by slot where they differ, by the rows
   * where they tie (the page compares most results with its last row, and reading two rows each
   * time cost more than the rest of a broad search). Sessions' and publication times are numbers
   * sorting as their text does (toISOString's form).
   */
  const before = (i: number, j: number) => {
    const a = slots[i] as number;
    const b = slots[j] as number;
    let order: number;
    if (sort === 'popular') order = (columns.popularity[b] as number) - (columns.popularity[a] as number);
    // NaN (a time not in the usual form) is neither above nor below: the rows decide.
    else if (sort === 'newest') order = (columns.publishedMs[b] as number) - (columns.publishedMs[a] as number);
    else {
      order = sort === 'relevance' ? (tiers[i] as number) - (tiers[j] as number) : 0;
      if (order === 0) order = (nextMs[i] as number) - (nextMs[j] as number);
    }
    if (order < 0) return -1;
    if (order > 0) return 1;
    return compareRows(sort, rowAt(i), nextAt(i), rowAt(j), nextAt(j));
  };
  for (const i of results) {
    if (after && compareRows(sort, rowAt(i), nextAt(i), after, after.next_starts_at) <= 0) continue;
    remaining++;
    if (best.length === input.limit) {
      // Most results come after the page's last one: before() tells them apart by numbers.
      const last = best[input.limit - 1] as number;
      if (before(i, last) >= 0) continue;
    }
    let at = best.length;
    while (at > 0 && before(i, best[at - 1] as number) < 0) at--;
    best.splice(at, 0, i);
    if (best.length > input.limit) best.pop();
  }
  const page = best.map((i): ResultRow => {
    const c = rowAt(i);
    return {
      id: c.id,
      format: c.format,
      popularity: Number(c.popularity),
      published_at: c.published_at,
      tier: Number(c.tier),
      next_starts_at: nextAt(i),
      tags: c.tags,
      channelIds: c.channelIds,
    };
  });
  return { total: results.length, page, more: remaining > input.limit, facets };
}

interface ChannelMaps {
  channelById: Map<string, Channel>;
  channelBySlug: Map<string, Channel>;
  /** Each channel's place in the order of names (localeCompare); channels of the same name share one. */
  rankById: Map<string, number>;
}

/** The channels by id, by slug and in the order of their names, made once per list (the memory index replaces the list when one changes). */
const channelIndexes = new WeakMap<Channel[], ChannelMaps>();
export function channelMaps(channels: Channel[]): ChannelMaps {
  let maps = channelIndexes.get(channels);
  if (!maps) {
    const byName = [...channels].sort((a, b) => a.name.localeCompare(b.name));
    const rankById = new Map<string, number>();
    byName.forEach((channel, i) => {
      const previous = byName[i - 1];
      rankById.set(channel.id, previous && previous.name.localeCompare(channel.name) === 0 ? (rankById.get(previous.id) as number) : i);
    });
    maps = { channelById: new Map(channels.map((c) => [c.id, c])), channelBySlug: new Map(channels.map((c) => [c.slug, c])), rankById };
    channelIndexes.set(channels, maps);
  }
  return maps;
}
