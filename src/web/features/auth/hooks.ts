import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, peopleApi } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import { browserZone } from '../../lib/time';

/** The query keys of this feature: other features refresh them through these, never by spelling the key. */
export const authKeys = {
  /** Everything signing in and out keeps (the sign-in page's own caches). */
  all: ['auth'] as const,
  config: ['auth', 'config'] as const,
  devAccounts: (q: string) => ['auth', 'dev-accounts', q] as const,
  /** The signed-in person (null when nobody is). */
  me: ['me'] as const,
};

export const meKey = authKeys.me;

export function useAuthConfig() {
  return useQuery({
    queryKey: authKeys.config,
    queryFn: ({ signal }) => call(authApi.config, {}, { signal }),
    staleTime: Infinity,
  });
}

/** The signed-in person; `data` is null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: authKeys.me,
    queryFn: async ({ signal }) => {
      try {
        return await call(peopleApi.me, {}, { signal });
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
    queryKey: authKeys.devAccounts(q),
    queryFn: ({ pageParam, signal }) => call(authApi.devAccounts, { query: { q, limit: 30, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

/** Whether a cache outlives signing in or out: only the sign-in page's own do. */
const signInCache = (key: readonly unknown[]) => key[0] === authKeys.all[0];

export function useDevSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => call(authApi.devSignIn, { body: { email } }),
    onSuccess: (person) => {
      qc.removeQueries({ predicate: (q) => !signInCache(q.queryKey) });
      qc.setQueryData(authKeys.me, person);
    },
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(authApi.signOut, {}),
    onSettled: () => {
      qc.removeQueries({ predicate: (q) => !signInCache(q.queryKey) });
      qc.setQueryData(authKeys.me, null);
    },
  });
}
