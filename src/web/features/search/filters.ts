import { type SessionMode, searchSorts, type WorkshopFormat, workshopFormats } from '../../../contracts/index.js';
import { addDays, zonedToUtc } from '../../lib/time';

/**
 * The catalog's state lives in the URL so every search is a link people can share:
 * `/?q=kafka&tag=observability&mode=online&from=2026-12-01&to=2026-12-31&seats=1&sort=popular&view=month`.
 * Dates in the URL are calendar days in the viewer's zone; the API gets UTC instants.
 */
export type CatalogView = 'list' | 'week' | 'month';
export type SearchSort = (typeof searchSorts)[number];

export type CatalogFilters = {
  q: string;
  tag: string[];
  channel: string[];
  mode: SessionMode[];
  format: WorkshopFormat[];
  location: string[];
  /** "YYYY-MM-DD", inclusive. */
  from: string | null;
  /** "YYYY-MM-DD", inclusive. */
  to: string | null;
  hasSeats: boolean;
  /** Null: the server's default (relevance with a query, soonest without). */
  sort: SearchSort | null;
};

export type FacetKey = 'tag' | 'channel' | 'mode' | 'format' | 'location';
export const facetKeys: FacetKey[] = ['tag', 'channel', 'mode', 'format', 'location'];

const modes: readonly SessionMode[] = ['in_person', 'online', 'hybrid'];
const ymd = /^\d{4}-\d{2}-\d{2}$/;
const oneOf = <T extends string>(allowed: readonly T[], values: string[]) => values.filter((v): v is T => allowed.includes(v as T));

/** Reads the URL leniently: unknown values (a hand-edited link) are dropped rather than sent to the API. */
export function readFilters(params: URLSearchParams): CatalogFilters {
  const date = (key: string) => {
    const v = params.get(key);
    return v && ymd.test(v) ? v : null;
  };
  const sort = params.get('sort');
  return {
    q: params.get('q') ?? '',
    tag: params.getAll('tag'),
    channel: params.getAll('channel'),
    mode: oneOf(modes, params.getAll('mode')),
    format: oneOf(workshopFormats, params.getAll('format')),
    location: params.getAll('location'),
    from: date('from'),
    to: date('to'),
    hasSeats: params.get('seats') === '1',
    sort: sort && (searchSorts as readonly string[]).includes(sort) ? (sort as SearchSort) : null,
  };
}

export function readView(params: URLSearchParams): CatalogView {
  const v = params.get('view');
  return v === 'week' || v === 'month' ? v : 'list';
}

/** Any filter besides the text: the home sections step aside once someone narrows the catalog. */
export function hasFilters(f: CatalogFilters): boolean {
  return facetKeys.some((k) => f[k].length > 0) || f.from !== null || f.to !== null || f.hasSeats;
}

/** The sort actually in effect: relevance only makes sense with words to rank by. */
export function effectiveSort(f: CatalogFilters): SearchSort {
  if (f.sort && (f.sort !== 'relevance' || f.q)) return f.sort;
  return f.q ? 'relevance' : 'soonest';
}

/** What `GET /api/v1/search` takes (lists repeat the parameter). */
export type SearchParams = {
  q?: string;
  tag: string[];
  channel: string[];
  mode: string[];
  format: string[];
  location: string[];
  from?: string;
  to?: string;
  hasSeats?: 'true';
  sort: SearchSort;
};

/** The API query for these filters; `range` ("YYYY-MM-DD", end exclusive) narrows to a calendar's visible days. */
export function toSearchQuery(f: CatalogFilters, zone: string, range?: { from: string; to: string }): SearchParams {
  let from = f.from ? zonedToUtc(f.from, '00:00', zone).toISOString() : undefined;
  // The "to" day is inclusive: up to midnight at its end.
  let to = f.to ? zonedToUtc(addDays(f.to, 1), '00:00', zone).toISOString() : undefined;
  if (range) {
    const rFrom = zonedToUtc(range.from, '00:00', zone).toISOString();
    const rTo = zonedToUtc(range.to, '00:00', zone).toISOString();
    from = from && from > rFrom ? from : rFrom;
    to = to && to < rTo ? to : rTo;
  }
  return {
    q: f.q || undefined,
    tag: f.tag,
    channel: f.channel,
    mode: f.mode,
    format: f.format,
    location: f.location,
    from,
    to,
    hasSeats: f.hasSeats ? 'true' : undefined,
    sort: range ? 'soonest' : effectiveSort(f),
  };
}
