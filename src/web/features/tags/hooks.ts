import { useQuery } from '@tanstack/react-query';
import { catalogApi } from '../../../contracts/index.js';
import { call } from '../../api/client';

/** The query keys of tags: other features refresh them through these, never by spelling the key. */
export const tagKeys = {
  all: ['tags'] as const,
  list: (q: string) => ['tags', q] as const,
};

export function useTags(q = '') {
  return useQuery({
    queryKey: tagKeys.list(q),
    queryFn: ({ signal }) => call(catalogApi.tags, { query: { q } }, { signal }),
    staleTime: 5 * 60_000,
    placeholderData: (prev) => prev,
  });
}
