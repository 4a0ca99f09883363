import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import { poolOf, type Registration, type SeatPool, type Session } from '../../../contracts/index.js';
import type { Page } from '../../api/client';
import { channelKeys } from '../channels/hooks';
import { catalogKeys, searchKeys } from '../search/hooks';
import { sessionKeys } from '../sessions/hooks';
import { registrationKeys } from './keys';
import { hasFreeSeat, poolsOf } from './model';

/**
 * Every cache that holds sessions with the viewer's registration: a workshop's sessions, the
 * catalog (lists and single entries) and My learning. A change is written into all of them at
 * once so every screen agrees, and can be put back exactly when the server says no.
 */
const sessionCaches: readonly QueryKey[] = [sessionKeys.lists, catalogKeys.all, registrationKeys.mine];

export type Snapshot = Array<[QueryKey, unknown]>;

type Paged = InfiniteData<Page<Session>>;
const isPaged = (d: unknown): d is Paged => typeof d === 'object' && d !== null && 'pages' in d;
const isSession = (d: unknown): d is Session => typeof d === 'object' && d !== null && 'startsAt' in d && 'id' in d;

export async function patchSession(qc: QueryClient, sessionId: string, patch: (s: Session) => Session): Promise<Snapshot> {
  const snapshot: Snapshot = [];
  for (const key of sessionCaches) {
    await qc.cancelQueries({ queryKey: key });
    snapshot.push(...qc.getQueriesData({ queryKey: key }));
    const mine = key === registrationKeys.mine;
    qc.setQueriesData({ queryKey: key }, (data: unknown) => {
      if (isPaged(data)) {
        return {
          ...data,
          pages: data.pages.map((p) => ({
            ...p,
            // My learning lists only what I am registered for: a cancelled one leaves the list.
            items: p.items.map((s) => (s.id === sessionId ? patch(s) : s)).filter((s) => !mine || s.myRegistration !== null),
          })),
        };
      }
      if (isSession(data) && data.id === sessionId) return patch(data);
      return data;
    });
  }
  return snapshot;
}

export function restore(qc: QueryClient, snapshot: Snapshot): void {
  for (const [key, data] of snapshot) qc.setQueryData(key, data);
}

/** After any registration change: everything that shows seats or my registrations. */
export function refreshRegistrations(qc: QueryClient): void {
  for (const key of sessionCaches) void qc.invalidateQueries({ queryKey: key });
  void qc.invalidateQueries({ queryKey: registrationKeys.all });
  // Search hits, channel pages and recommendations show seats left too (their own shape, so refetched, not patched).
  void qc.invalidateQueries({ queryKey: searchKeys.all });
  void qc.invalidateQueries({ queryKey: channelKeys.pages });
  void qc.invalidateQueries({ queryKey: channelKeys.recommendations });
}

function withCounts(s: Session, pool: SeatPool, taken: number, waiting: number): Session {
  return {
    ...s,
    enrolledCount: s.enrolledCount + taken,
    waitlistCount: s.waitlistCount + waiting,
    onlineEnrolledCount: s.onlineEnrolledCount + (pool === 'online' ? taken : 0),
    onlineWaitlistCount: s.onlineWaitlistCount + (pool === 'online' ? waiting : 0),
  };
}

/** What the server will most likely answer to "register me": a seat if one is free, else the next place in line. */
export function predictRegister(s: Session, mode: SeatPool | undefined, key: string): Session {
  if (s.myRegistration) return s;
  const pool = poolOf(s.mode, mode);
  const p = poolsOf(s).find((x) => x.pool === pool);
  if (!p) return s;
  const free = hasFreeSeat(p);
  const at = new Date().toISOString();
  const reg: Registration = {
    id: `pending-${key}`,
    sessionId: s.id,
    personId: '',
    status: free ? 'enrolled' : 'waitlisted',
    position: free ? null : p.waiting + 1,
    mode: pool,
    offerExpiresAt: null,
    lateCancellation: false,
    walkIn: false,
    checkedInAt: null,
    cancelledAt: null,
    createdAt: at,
    updatedAt: at,
  };
  return { ...withCounts(s, pool, free ? 1 : 0, free ? 0 : 1), myRegistration: reg };
}

/** Cancelling or declining: my place goes; a seat passes to the first person waiting, if any. */
export function predictLeave(s: Session): Session {
  const reg = s.myRegistration;
  if (!reg) return s;
  const p = poolsOf(s).find((x) => x.pool === reg.mode);
  const next = { ...s, myRegistration: null };
  if (reg.status === 'waitlisted') return withCounts(next, reg.mode, 0, -1);
  return p && p.waiting > 0 ? withCounts(next, reg.mode, 0, -1) : withCounts(next, reg.mode, -1, 0);
}

export function predictConfirm(s: Session): Session {
  const reg = s.myRegistration;
  if (reg?.status !== 'offered') return s;
  return { ...s, myRegistration: { ...reg, status: 'enrolled', offerExpiresAt: null } };
}

/** The server's answer replaces the guess (a cancelled registration is no registration). */
export function withRegistration(s: Session, reg: Registration): Session {
  return { ...s, myRegistration: reg.status === 'cancelled' ? null : reg };
}
