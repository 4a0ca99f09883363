import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DevAccount, Person } from '../../../contracts/index.js';
import { api, isApiError, type Page } from '../../api/client';
import { browserZone } from '../../lib/time';

export const meKey = ['me'] as const;

export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth', 'config'],
    queryFn: () => api.get<{ authMode: string }>('/auth/config'),
    staleTime: Infinity,
  });
}

/** The signed-in person; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await api.get<Person>('/me');
      } catch (err) {
        if (isApiError(err) && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The zone to show times in: the signed-in person's, else the browser's. */
export function useViewerZone(): string {
  const { data } = useMe();
  return data?.timeZone ?? browserZone();
}

export function useDevAccounts(q: string) {
  return useInfiniteQuery({
    queryKey: ['auth', 'dev-accounts', q],
    queryFn: ({ pageParam, signal }) => api.get<Page<DevAccount>>('/auth/dev/accounts', { q, limit: 30, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function useDevSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<Person>('/auth/dev/sign-in', { email }),
    onSuccess: (person) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, person);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/sign-out', {}),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      qc.setQueryData(meKey, null);
    },
  });
}
