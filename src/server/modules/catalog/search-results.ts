import { formatLabels, modeLabels } from '../../../contracts/index.js';
import { cityOf, placeMatches } from '../../../contracts/places.js';
import {
  type CandidateRow,
  type Format,
  type Mode,
  NEVER,
  SEPARATOR,
  type SearchFilter,
  type SearchSort,
  type SessionGroupRow,
} from './search.repository.js';

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

const split = (text: string | null) => (text ? text.split(SEPARATOR) : []);

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

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]?.value as string | number;
    const y = b[i]?.value as string | number;
    if (x === y) continue;
    const order = x < y ? -1 : 1;
    return a[i]?.descending ? -order : order;
  }
  return 0;
}

/** The cursor holds the sort values of a page's last row, per sort. */
export function cursorOf(sort: SearchSort, row: ResultRow): string[] {
  return keyOf(sort, row).map((part) => String(part.value));
}

/** A cursor back into the key it was made from (numbers where the sort has numbers). */
function cursorKey(sort: SearchSort, cursor: string[]): Key {
  const [a = '', b = '', c = ''] = cursor;
  switch (sort) {
    case 'soonest':
      return keyOf(sort, { next_starts_at: a, id: b, published_at: '', popularity: 0, tier: 0 });
    case 'newest':
      return keyOf(sort, { published_at: a, id: b, next_starts_at: '', popularity: 0, tier: 0 });
    case 'popular':
      return keyOf(sort, { popularity: Number(a), id: b, next_starts_at: '', published_at: '', tier: 0 });
    case 'relevance':
      return keyOf(sort, { tier: Number(a), next_starts_at: b, id: c, published_at: '', popularity: 0 });
  }
}

/** Counts values; the most frequent first, then by value. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  top(label: (value: string) => string, limit = FACET_LIMIT): Facet[] {
    return [...this.counts]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([value, count]) => ({ value, label: label(value), count }));
  }
}

/**
 * Results, facets and one page, from the two reads of searchRepository. Each workshop is
 * judged once per facet that has its own filter set ("any of" facets are counted as if their
 * own filter were not set); the rest of the filters were applied by the reads.
 */
export function searchResults(input: {
  filter: SearchFilter;
  sort: SearchSort;
  after: string[] | undefined;
  limit: number;
  candidates: CandidateRow[];
  groups: SessionGroupRow[];
  channels: Channel[];
}): { total: number; page: ResultRow[]; more: boolean; facets: Facets } {
  const { filter: f, sort, candidates, groups, channels } = input;
  const channelById = new Map(channels.map((c) => [c.id, c]));
  const channelBySlug = new Map(channels.map((c) => [c.slug, c]));
  const chosenChannels = new Set(channels.filter((c) => f.channels.includes(c.slug)).map((c) => c.id));
  const groupsOf = new Map<string, SessionGroupRow[]>();
  for (const g of groups) {
    const list = groupsOf.get(g.workshop_id);
    if (list) list.push(g);
    else groupsOf.set(g.workshop_id, [g]);
  }
  // Plain loops and one object shape: this runs over every published workshop per search.
  const rows: ResultRow[] = candidates.map((c) => ({
    id: c.id,
    format: c.format,
    popularity: Number(c.popularity),
    published_at: c.published_at,
    tier: Number(c.tier),
    next_starts_at: NEVER,
    tags: split(c.tags),
    channelIds: split(c.channel_ids),
  }));
  const none: SessionGroupRow[] = [];

  /** The workshop's matching session groups when it is a result without the `skip` filter; null when it is not. */
  const judge = (row: ResultRow, skip?: AnyOf): SessionGroupRow[] | null => {
    if (skip !== 'formats' && f.formats.length > 0 && !f.formats.includes(row.format)) return null;
    if (skip !== 'channels' && f.channels.length > 0 && !row.channelIds.some((id) => chosenChannels.has(id))) return null;
    const modes: string[] = skip === 'modes' ? [] : f.modes;
    const locations = skip === 'locations' ? [] : f.locations;
    const all = groupsOf.get(row.id) ?? none;
    const matching =
      modes.length === 0 && locations.length === 0
        ? all
        : all.filter(
            (g) =>
              (modes.length === 0 || modes.includes(g.mode)) &&
              (locations.length === 0 || (g.location !== null && locations.some((place) => placeMatches(g.location as string, place)))),
          );
    // Any session filter (mode, place, dates, seats) leaves out workshops with no matching session.
    const sessionFiltered = modes.length > 0 || locations.length > 0 || f.hasSeats || f.dated;
    return sessionFiltered && matching.length === 0 ? null : matching;
  };

  const results: ResultRow[] = [];
  const tags = new Counter();
  for (const row of rows) {
    const matching = judge(row);
    if (!matching) continue;
    for (const g of matching) if (g.starts_at < row.next_starts_at) row.next_starts_at = g.starts_at;
    for (const tag of row.tags) tags.add(tag);
    results.push(row);
  }

  const channelCounts = new Counter();
  const formats = new Counter();
  const modes = new Counter();
  const locations = new Counter();
  const seen = new Set<string>();
  for (const row of rows) {
    if (judge(row, 'channels')) {
      for (const id of row.channelIds) {
        const slug = channelById.get(id)?.slug;
        if (slug) channelCounts.add(slug);
      }
    }
    if (judge(row, 'formats')) formats.add(row.format);
    // A workshop counts once per mode and per place it has a matching session in.
    const byMode = judge(row, 'modes');
    if (byMode) {
      seen.clear();
      for (const g of byMode) seen.add(g.mode);
      for (const mode of seen) modes.add(mode);
    }
    const byPlace = judge(row, 'locations');
    if (byPlace) {
      seen.clear();
      // Each room, and its city (office) too: the filter offers the city first, then its rooms.
      for (const g of byPlace) {
        if (g.location === null) continue;
        seen.add(g.location);
        const city = cityOf(g.location);
        if (city) seen.add(city);
      }
      for (const place of seen) locations.add(place);
    }
  }
  const facets: Facets = {
    tags: tags.top((tag) => tag),
    channels: channelCounts.top((slug) => channelBySlug.get(slug)?.name ?? slug),
    formats: formats.top((format) => formatLabels[format as Format]),
    modes: modes.top((mode) => modeLabels[mode as Mode] ?? mode),
    locations: locations.top((place) => place, FACET_LIMIT * 2),
  };

  const keyed = results.map((row) => ({ row, key: keyOf(sort, row) }));
  const after = input.after ? cursorKey(sort, input.after) : undefined;
  const remaining = after ? keyed.filter((r) => compareKeys(r.key, after) > 0) : keyed;
  remaining.sort((a, b) => compareKeys(a.key, b.key));
  return {
    total: results.length,
    page: remaining.slice(0, input.limit).map((r) => r.row),
    more: remaining.length > input.limit,
    facets,
  };
}
