import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type CreateRecurringSessionsBody,
  type CreateSessionBody,
  type Session,
  sessionsApi,
  type UpdateScope,
  type UpdateSessionBody,
} from '../../../contracts/index.js';
import { call } from '../../api/client';
import { catalogKeys, searchKeys } from '../search/hooks';
import { workshopKeys } from '../workshops/hooks';

export type When = 'upcoming' | 'past' | 'all';

/**
 * The query keys of this feature: other features refresh them through these, never by spelling
 * the key. A workshop's sessions live under the workshop's keys, one session under the catalog's.
 */
export const sessionKeys = {
  /** Every workshop's session lists. */
  lists: [...workshopKeys.all, 'sessions'] as const,
  ofWorkshop: (workshopId: string) => [...workshopKeys.all, 'sessions', workshopId] as const,
  list: (workshopId: string, when: When) => [...workshopKeys.all, 'sessions', workshopId, when] as const,
  /** One session with its workshop, as the catalog shows it. */
  entry: (id: string) => [...catalogKeys.all, 'one', id] as const,
};

export function useCatalogEntry(id: string) {
  return useQuery({
    queryKey: sessionKeys.entry(id),
    queryFn: ({ signal }) => call(sessionsApi.get, { params: { id } }, { signal }),
  });
}

export function useWorkshopSessions(workshopId: string, when: When) {
  return useInfiniteQuery({
    queryKey: sessionKeys.list(workshopId, when),
    queryFn: ({ pageParam, signal }) =>
      call(sessionsApi.listForWorkshop, { params: { id: workshopId }, query: { when, limit: 20, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any session change: the workshop's sessions, its upcoming count, and the catalog. */
function useRefreshSessions() {
  const qc = useQueryClient();
  return (workshopId: string) => {
    void qc.invalidateQueries({ queryKey: sessionKeys.ofWorkshop(workshopId) });
    void qc.invalidateQueries({ queryKey: workshopKeys.one(workshopId) });
    void qc.invalidateQueries({ queryKey: workshopKeys.lists });
    void qc.invalidateQueries({ queryKey: catalogKeys.all });
    void qc.invalidateQueries({ queryKey: searchKeys.all });
  };
}

export type ScheduleInput = { kind: 'single'; body: CreateSessionBody } | { kind: 'recurring'; body: CreateRecurringSessionsBody };

export function useScheduleSessions(workshopId: string) {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: async (input: ScheduleInput): Promise<Session[]> => {
      const params = { id: workshopId };
      if (input.kind === 'single') return [await call(sessionsApi.create, { params, body: input.body })];
      return (await call(sessionsApi.createRecurring, { params, body: input.body })).items;
    },
    onSuccess: () => refresh(workshopId),
  });
}

export function useCancelSession(workshopId: string) {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (sessionId: string) => call(sessionsApi.cancel, { params: { id: sessionId } }),
    onSuccess: () => refresh(workshopId),
  });
}

export function useDeleteSession(workshopId: string) {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (sessionId: string) => call(sessionsApi.delete, { params: { id: sessionId } }),
    onSuccess: () => refresh(workshopId),
  });
}

/** A host changes a session (or it and the later ones); the roster and the session's page refresh too. */
export function useUpdateSession(workshopId: string) {
  const refresh = useRefreshSessions();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: UpdateSessionBody; scope: UpdateScope }) =>
      call(sessionsApi.update, { params: { id: input.id }, query: { scope: input.scope }, body: input.body }),
    onSuccess: (s) => {
      refresh(workshopId);
      void qc.invalidateQueries({ queryKey: sessionKeys.entry(s.id) });
    },
  });
}
