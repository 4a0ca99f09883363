import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { CatalogEntry, Registration, SeatPool, Session } from '../../../contracts/index.js';
import { api, isApiError, type Page } from '../../api/client';
import { notifyError } from '../../lib/forms';
import { patchSession, predictConfirm, predictLeave, predictRegister, refreshRegistrations, restore, withRegistration } from './cache';

export type MyAction =
  | { type: 'register'; mode?: SeatPool; key: string }
  | { type: 'cancel' }
  | { type: 'confirm'; registrationId: string }
  | { type: 'decline'; registrationId: string };

/** A fresh Idempotency-Key; crypto.randomUUID only exists on https and localhost. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const failTitles: Record<MyAction['type'], string> = {
  register: 'Could not register',
  cancel: 'Could not cancel your registration',
  confirm: 'Could not confirm your seat',
  decline: 'Could not decline the seat',
};

function send(sessionId: string, action: MyAction): Promise<Registration> {
  const sid = encodeURIComponent(sessionId);
  switch (action.type) {
    case 'register':
      return api.post<Registration>(`/sessions/${sid}/registrations`, action.mode ? { mode: action.mode } : {}, {
        'Idempotency-Key': action.key,
      });
    case 'cancel':
      return api.delete<Registration>(`/sessions/${sid}/registrations/me`);
    case 'confirm':
      return api.post<Registration>(`/registrations/${encodeURIComponent(action.registrationId)}/confirm`, {});
    case 'decline':
      return api.post<Registration>(`/registrations/${encodeURIComponent(action.registrationId)}/decline`, {});
  }
}

function predict(s: Session, action: MyAction): Session {
  if (action.type === 'register') return predictRegister(s, action.mode, action.key);
  if (action.type === 'confirm') return predictConfirm(s);
  return predictLeave(s);
}

/**
 * The viewer's own registration for one session. Every screen changes at once (optimistic), and
 * goes back with a message when the server says no. A network failure is retried with the same
 * Idempotency-Key, so a seat is never taken twice.
 */
export function useMyRegistrationAction(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: MyAction) => send(sessionId, action),
    retry: (count, err) => isApiError(err) && err.status === 0 && count < 2,
    onMutate: async (action) => ({ snapshot: await patchSession(qc, sessionId, (s) => predict(s, action)) }),
    onError: (err, action, context) => {
      if (context) restore(qc, context.snapshot);
      notifyError(err, failTitles[action.type]);
    },
    // Awaited, so the refresh in onSettled starts after (and is not cancelled by) this write.
    onSuccess: (reg) => patchSession(qc, sessionId, (s) => withRegistration(s, reg)),
    onSettled: () => refreshRegistrations(qc),
  });
}

/** Self check-in with the code the host shows; errors stay in the dialog, next to the field. */
export function useSelfCheckIn(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => api.post<Registration>(`/sessions/${encodeURIComponent(sessionId)}/check-in`, { code }),
    onSuccess: async (reg) => {
      await patchSession(qc, sessionId, (s) => withRegistration(s, reg));
      refreshRegistrations(qc);
    },
  });
}

export type MyWhen = 'upcoming' | 'past';

export function useMyRegistrations(when: MyWhen) {
  return useInfiniteQuery({
    queryKey: ['registrations', 'mine', when],
    queryFn: ({ pageParam, signal }) => api.get<Page<CatalogEntry>>('/me/registrations', { when, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
