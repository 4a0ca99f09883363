import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, CreatedToken, CreateTokenBody, Person } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';

export function usePeople(q: string, limit = 20) {
  return useInfiniteQuery({
    queryKey: ['people', 'list', q, limit],
    queryFn: ({ pageParam, signal }) => api.get<Page<Person>>('/people', { q, limit, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['people', 'one', id],
    queryFn: ({ signal }) => api.get<Person>(`/people/${encodeURIComponent(id)}`, undefined, signal),
  });
}

const tokensKey = ['me', 'tokens'] as const;

/** All of my tokens (the endpoint answers one page with every token). */
export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => api.get<Page<ApiToken>>('/me/tokens', undefined, signal),
    enabled,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => api.post<CreatedToken>('/me/tokens', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: tokensKey }),
  });
}
