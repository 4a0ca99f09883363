import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, type CreateTokenBody, peopleApi } from '../../../contracts/index.js';
import { call } from '../../api/client';

/** The query keys of this feature: other features refresh them through these, never by spelling the key. */
export const peopleKeys = {
  all: ['people'] as const,
  list: (q: string, limit: number) => ['people', 'list', q, limit] as const,
  one: (id: string) => ['people', 'one', id] as const,
  /** My API tokens (under the signed-in person's key). */
  tokens: ['me', 'tokens'] as const,
};

export function usePeople(q: string, limit = 20) {
  return useInfiniteQuery({
    queryKey: peopleKeys.list(q, limit),
    queryFn: ({ pageParam, signal }) => call(peopleApi.list, { query: { q, limit, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.one(id),
    queryFn: ({ signal }) => call(peopleApi.get, { params: { id } }, { signal }),
  });
}

/** All of my tokens (the endpoint answers one page with every token). */
export function useTokens(enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.tokens,
    queryFn: ({ signal }) => call(authApi.listTokens, {}, { signal }),
    enabled,
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTokenBody) => call(authApi.createToken, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(authApi.revokeToken, { params: { id } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.tokens }),
  });
}
