import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Registration, RosterEntry, SessionMessage } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';
import { refreshRegistrations } from '../registrations/cache';

const sid = (id: string) => encodeURIComponent(id);
export const rosterKey = (sessionId: string) => ['registrations', 'roster', sessionId] as const;

/** Everyone on a session's roster: seat holders, then the waitlist in order, then cancellations. */
export function useRoster(sessionId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: rosterKey(sessionId),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<RosterEntry>>(`/sessions/${sid(sessionId)}/registrations`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useCheckInCode(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: ['registrations', 'code', sessionId],
    queryFn: ({ signal }) =>
      api.get<{ code: string; validFrom: string; validUntil: string }>(`/sessions/${sid(sessionId)}/check-in-code`, undefined, signal),
    staleTime: Infinity,
    enabled,
  });
}

export type RosterAction =
  | { type: 'check_in'; registrationId: string }
  | { type: 'remove'; registrationId: string }
  | { type: 'move'; registrationId: string; position: number }
  | { type: 'add'; personId: string }
  | { type: 'walk_in'; personId: string };

function send(sessionId: string, a: RosterAction): Promise<Registration> {
  switch (a.type) {
    case 'check_in':
      return api.post(`/registrations/${sid(a.registrationId)}/check-in`, {});
    case 'remove':
      return api.delete(`/sessions/${sid(sessionId)}/registrations/${sid(a.registrationId)}`);
    case 'move':
      return api.post(`/registrations/${sid(a.registrationId)}/move`, { position: a.position });
    case 'add':
      return api.post(`/sessions/${sid(sessionId)}/registrations`, { personId: a.personId });
    case 'walk_in':
      return api.post(`/sessions/${sid(sessionId)}/walk-ins`, { personId: a.personId });
  }
}

type Roster = InfiniteData<Page<RosterEntry>>;

/** Hosts' changes to the roster. Check-ins show at once; everything refreshes from the server after. */
export function useRosterAction(sessionId: string) {
  const qc = useQueryClient();
  const key = rosterKey(sessionId);
  return useMutation({
    mutationFn: (a: RosterAction) => send(sessionId, a),
    onMutate: async (a) => {
      if (a.type !== 'check_in') return undefined;
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Roster>(key);
      const at = new Date().toISOString();
      qc.setQueryData<Roster>(key, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({
                ...p,
                items: p.items.map((r) => (r.id === a.registrationId ? { ...r, status: 'attended', checkedInAt: at } : r)),
              })),
            }
          : data,
      );
      return { previous };
    },
    onError: (_err, _a, context) => {
      if (context?.previous) qc.setQueryData(key, context.previous);
    },
    onSettled: () => refreshRegistrations(qc),
  });
}

export function useSessionMessages(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: ['registrations', 'messages', sessionId],
    queryFn: ({ signal }) => api.get<Page<SessionMessage>>(`/sessions/${sid(sessionId)}/messages`, undefined, signal),
    enabled,
  });
}

export function useSendMessage(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { subject: string; body: string }) => api.post<SessionMessage>(`/sessions/${sid(sessionId)}/messages`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registrations', 'messages', sessionId] }),
  });
}
