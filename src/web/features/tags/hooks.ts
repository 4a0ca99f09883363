import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client';

export type TagCount = { tag: string; count: number };

export function useTags(q = '') {
  return useQuery({
    queryKey: ['tags', q],
    queryFn: ({ signal }) => api.get<Page<TagCount>>('/tags', { q }, signal),
    staleTime: 5 * 60_000,
    placeholderData: (prev) => prev,
  });
}
