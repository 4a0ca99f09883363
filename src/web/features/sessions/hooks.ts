import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CatalogEntry, CreateRecurringSessionsBody, CreateSessionBody, Session } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';

export type When = 'upcoming' | 'past' | 'all';

export function useCatalogEntry(id: string) {
  return useQuery({
    queryKey: ['catalog', 'one', id],
    queryFn: ({ signal }) => api.get<CatalogEntry>(`/sessions/${encodeURIComponent(id)}`, undefined, signal),
  });
}

export function useWorkshopSessions(workshopId: string, when: When) {
  return useInfiniteQuery({
    queryKey: ['workshops', 'sessions', workshopId, when],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<Session>>(`/workshops/${encodeURIComponent(workshopId)}/sessions`, { when, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any session change: the workshop's sessions, its upcoming count, and the catalog. */
function useRefreshSessions() {
  const qc = useQueryClient();
  return (workshopId: string) => {
    void qc.invalidateQueries({ queryKey: ['workshops', 'sessions', workshopId] });
    void qc.invalidateQueries({ queryKey: ['workshops', 'one', workshopId] });
    void qc.invalidateQueries({ queryKey: ['workshops', 'list'] });
    void qc.invalidateQueries({ queryKey: ['catalog'] });
    void qc.invalidateQueries({ queryKey: ['search'] });
  };
}

export type ScheduleInput = { kind: 'single'; body: CreateSessionBody } | { kind: 'recurring'; body: CreateRecurringSessionsBody };

export function useScheduleSessions(workshopId: string) {
  const refresh = useRefreshSessions();
  const base = `/workshops/${encodeURIComponent(workshopId)}/sessions`;
  return useMutation({
    mutationFn: async (input: ScheduleInput): Promise<Session[]> => {
      if (input.kind === 'single') return [await api.post<Session>(base, input.body)];
      return (await api.post<{ items: Session[] }>(`${base}/recurring`, input.body)).items;
    },
    onSuccess: () => refresh(workshopId),
  });
}

export function useCancelSession(workshopId: string) {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (sessionId: string) => api.post<Session>(`/sessions/${encodeURIComponent(sessionId)}/cancel`, {}),
    onSuccess: () => refresh(workshopId),
  });
}

export function useDeleteSession(workshopId: string) {
  const refresh = useRefreshSessions();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/sessions/${encodeURIComponent(sessionId)}`),
    onSuccess: () => refresh(workshopId),
  });
}
