import { keepPreviousData, useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { catalogApi } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import type { SearchParams } from './filters';

/** Every search-shaped cache starts with 'search', so one prefix refreshes them all (seats, follows…). */
export const searchKeys = {
  all: ['search'] as const,
  list: (q: SearchParams) => ['search', 'list', q] as const,
  range: (q: SearchParams) => ['search', 'range', q] as const,
};

/**
 * The catalog of sessions (`GET /api/v1/sessions`) and what shows one of its sessions: other
 * features refresh it through these keys after a change to a workshop or a session.
 */
export const catalogKeys = {
  all: ['catalog'] as const,
};

const PAGE = 20;

/** The catalog list: cursor pages; while new words load, the previous results stay on screen. */
export function useSearch(query: SearchParams) {
  return useInfiniteQuery({
    queryKey: searchKeys.list(query),
    queryFn: ({ pageParam, signal }) => call(catalogApi.search, { query: { ...query, limit: PAGE, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // The error shows at once (with "Try again") instead of after three silent retries: one quick
    // retry for a dropped connection or a restarting server, none for a question the server refused.
    retry: (count, err) => count < 1 && !(isApiError(err) && err.status >= 400 && err.status < 500),
    retryDelay: 300,
  });
}

/** The calendar asks once per visible week, so a workshop that runs every week shows in each of them. */
export const CALENDAR_LIMIT = 50;

export function useSearchWeeks(queries: SearchParams[]) {
  return useQueries({
    queries: queries.map((query) => ({
      queryKey: searchKeys.range(query),
      queryFn: ({ signal }: { signal: AbortSignal }) => call(catalogApi.search, { query: { ...query, limit: CALENDAR_LIMIT } }, { signal }),
      placeholderData: keepPreviousData,
    })),
  });
}
