import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type Registration, registrationsApi, type SeatPool, type Session } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/forms';
import { patchSession, predictConfirm, predictLeave, predictRegister, refreshRegistrations, restore, withRegistration } from './cache';
import { registrationKeys } from './keys';

export { registrationKeys };

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
  const params = { id: sessionId };
  switch (action.type) {
    case 'register':
      return call(
        registrationsApi.register,
        { params, body: action.mode ? { mode: action.mode } : {} },
        { headers: { 'Idempotency-Key': action.key } },
      );
    case 'cancel':
      return call(registrationsApi.cancelMine, { params });
    case 'confirm':
      return call(registrationsApi.confirm, { params: { id: action.registrationId } });
    case 'decline':
      return call(registrationsApi.decline, { params: { id: action.registrationId } });
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
    mutationFn: (code: string) => call(registrationsApi.selfCheckIn, { params: { id: sessionId }, body: { code } }),
    onSuccess: async (reg) => {
      await patchSession(qc, sessionId, (s) => withRegistration(s, reg));
      refreshRegistrations(qc);
    },
  });
}

export type MyWhen = 'upcoming' | 'past';

export function useMyRegistrations(when: MyWhen) {
  return useInfiniteQuery({
    queryKey: registrationKeys.mineWhen(when),
    queryFn: ({ pageParam, signal }) => call(registrationsApi.mine, { query: { when, limit: 20, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** A series: register for every upcoming part at once, or leave them all. */
export function useSeriesRegistration(workshopId: string) {
  const qc = useQueryClient();
  const params = { id: workshopId };
  const join = useMutation({
    mutationFn: () => call(registrationsApi.registerForSeries, { params, body: {} }),
    onSuccess: (r) => {
      const waiting = r.items.some((x) => x.status === 'waitlisted');
      notifySuccess(
        waiting ? 'One part is full: you wait for all parts together and move up as one.' : 'You have a seat in every part.',
        'Registered for the series',
      );
    },
    onError: (error) => notifyError(error, 'Could not register for the series'),
    onSettled: () => refreshRegistrations(qc),
  });
  const leave = useMutation({
    mutationFn: () => call(registrationsApi.leaveSeries, { params }),
    onSuccess: () => notifySuccess('You left every upcoming part.', 'Left the series'),
    onError: (error) => notifyError(error, 'Could not leave the series'),
    onSettled: () => refreshRegistrations(qc),
  });
  return { join, leave };
}
