import { capacityOf, checkInWindow, hasFreeSeat, type Registration, type SeatPool, type Session } from '../../../contracts/index.js';

// The seat rules are the server's own (src/contracts/seats.ts).
export { hasFreeSeat };

/** One pool of seats: the session's only one, or the in-person or online part of a hybrid session. */
export type Pool = { pool: SeatPool; capacity: number | null; taken: number; waiting: number };

export function poolsOf(s: Session): Pool[] {
  if (s.mode !== 'hybrid') return [{ pool: s.mode, capacity: capacityOf(s, s.mode), taken: s.enrolledCount, waiting: s.waitlistCount }];
  return [
    {
      pool: 'in_person',
      capacity: capacityOf(s, 'in_person'),
      taken: s.enrolledCount - s.onlineEnrolledCount,
      waiting: s.waitlistCount - s.onlineWaitlistCount,
    },
    { pool: 'online', capacity: capacityOf(s, 'online'), taken: s.onlineEnrolledCount, waiting: s.onlineWaitlistCount },
  ];
}

/** Seats nobody holds; null when unlimited. */
export function seatsLeft(p: Pool): number | null {
  return p.capacity === null ? null : Math.max(0, p.capacity - p.taken);
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "12 seats left", "Full — 4 waiting", "Unlimited seats". */
export function poolAvailability(p: Pool): string {
  const left = seatsLeft(p);
  if (left === null) return 'Unlimited seats';
  if (hasFreeSeat(p)) return `${plural(left, 'seat', 'seats')} left`;
  return p.waiting > 0 ? `Full — ${p.waiting} waiting` : 'Full';
}

/** The same for a whole session; hybrid sessions name both parts. */
export function availabilityText(s: Session): string {
  const pools = poolsOf(s);
  if (pools.length === 1) return poolAvailability(pools[0] as Pool);
  return pools.map((p) => `${p.pool === 'online' ? 'Online' : 'In person'}: ${poolAvailability(p)}`).join(' · ');
}

export function isFull(s: Session): boolean {
  return poolsOf(s).every((p) => !hasFreeSeat(p));
}

/** What the viewer can do about a session right now, from their own registration and the session. */
export type RegState =
  | { kind: 'cancelled' }
  | { kind: 'draft' }
  | { kind: 'not_open'; opensAt: string }
  | { kind: 'closed'; reason: string }
  | { kind: 'ended' }
  | { kind: 'open'; pools: Pool[] }
  | { kind: 'enrolled'; reg: Registration }
  | { kind: 'check_in'; reg: Registration }
  | { kind: 'waitlisted'; reg: Registration }
  | { kind: 'offered'; reg: Registration }
  | { kind: 'attended'; reg: Registration }
  | { kind: 'no_show'; reg: Registration }
  | { kind: 'past_enrolled'; reg: Registration };

export function registrationState(s: Session, opts: { published?: boolean; now?: number } = {}): RegState {
  const now = opts.now ?? Date.now();
  const start = Date.parse(s.startsAt);
  const end = Date.parse(s.endsAt);
  const reg = s.myRegistration;
  if (s.status === 'cancelled') return { kind: 'cancelled' };
  if (reg) {
    switch (reg.status) {
      case 'attended':
        return { kind: 'attended', reg };
      case 'no_show':
        return { kind: 'no_show', reg };
      case 'offered':
        if (now < start) return { kind: 'offered', reg };
        break;
      case 'waitlisted':
        if (now < start) return { kind: 'waitlisted', reg };
        break;
      case 'enrolled':
        if (now > end) return { kind: 'past_enrolled', reg };
        if (now >= Date.parse(checkInWindow(s).validFrom)) return { kind: 'check_in', reg };
        return { kind: 'enrolled', reg };
      default:
        break;
    }
  }
  if (opts.published === false) return { kind: 'draft' };
  if (now > end) return { kind: 'ended' };
  if (now >= start) return { kind: 'closed', reason: 'The session has started.' };
  if (s.registrationOpensAt && Date.parse(s.registrationOpensAt) > now) return { kind: 'not_open', opensAt: s.registrationOpensAt };
  if (s.registrationClosesAt && Date.parse(s.registrationClosesAt) <= now) return { kind: 'closed', reason: 'Registration has closed.' };
  return { kind: 'open', pools: poolsOf(s) };
}

/** "Register (12 seats left)", "Register", "Join the waitlist (you would be #5)"; hybrid ones name the pool. */
export function registerLabel(p: Pool, hybrid = false): string {
  const how = hybrid ? (p.pool === 'online' ? ' online' : ' in person') : '';
  if (!hasFreeSeat(p))
    return `Join the${hybrid ? (p.pool === 'online' ? ' online' : ' in-person') : ''} waitlist (you would be #${p.waiting + 1})`;
  const left = seatsLeft(p);
  return left === null ? `Register${how}` : `Register${how} (${plural(left, 'seat', 'seats')} left)`;
}

export const poolLabels: Record<SeatPool, string> = { in_person: 'In person', online: 'Online' };
