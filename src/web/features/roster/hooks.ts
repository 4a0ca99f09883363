import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MessageBody, type Registration, type RosterEntry, registrationsApi } from '../../../contracts/index.js';
import { call, type Page } from '../../api/client';
import { refreshRegistrations } from '../registrations/cache';
import { registrationKeys } from '../registrations/keys';

/**
 * The query keys of this feature: other features refresh them through these, never by spelling
 * the key. They live under the registrations' keys, so any seat change refreshes them too.
 */
export const rosterKeys = {
  roster: (sessionId: string) => [...registrationKeys.all, 'roster', sessionId] as const,
  checkInCode: (sessionId: string) => [...registrationKeys.all, 'code', sessionId] as const,
  messages: (sessionId: string) => [...registrationKeys.all, 'messages', sessionId] as const,
};

/** Everyone on a session's roster: seat holders, then the waitlist in order, then cancellations. */
export function useRoster(sessionId: string, enabled = true) {
  return useInfiniteQuery({
    queryKey: rosterKeys.roster(sessionId),
    queryFn: ({ pageParam, signal }) =>
      call(registrationsApi.roster, { params: { id: sessionId }, query: { limit: 100, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useCheckInCode(sessionId: string, enabled = true) {
  return useQuery({
    queryKey: rosterKeys.checkInCode(sessionId),
    queryFn: ({ signal }) => call(registrationsApi.checkInCode, { params: { id: sessionId } }, { signal }),
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
      return call(registrationsApi.checkIn, { params: { id: a.registrationId } });
    case 'remove':
      return call(registrationsApi.remove, { params: { id: sessionId, registrationId: a.registrationId } });
    case 'move':
      return call(registrationsApi.move, { params: { id: a.registrationId }, body: { position: a.position } });
    case 'add':
      return call(registrationsApi.register, { params: { id: sessionId }, body: { personId: a.personId } });
    case 'walk_in':
      return call(registrationsApi.walkIn, { params: { id: sessionId }, body: { personId: a.personId } });
  }
}

type Roster = InfiniteData<Page<RosterEntry>>;

/** Hosts' changes to the roster. Check-ins show at once; everything refreshes from the server after. */
export function useRosterAction(sessionId: string) {
  const qc = useQueryClient();
  const key = rosterKeys.roster(sessionId);
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
    queryKey: rosterKeys.messages(sessionId),
    queryFn: ({ signal }) => call(registrationsApi.messages, { params: { id: sessionId } }, { signal }),
    enabled,
  });
}

export function useSendMessage(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MessageBody) => call(registrationsApi.sendMessage, { params: { id: sessionId }, body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: rosterKeys.messages(sessionId) }),
  });
}
