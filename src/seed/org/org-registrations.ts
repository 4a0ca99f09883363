/**
 * 1,000,000 registrations, consistent with time and seats. Each session draws people by its
 * workshop's appeal and, if upcoming, by how soon it starts; the counts are scaled to exactly one
 * million within each session's room (seats, plus a waitlist for upcoming ones). Past sessions
 * hold attended / no-show / cancelled registrations; upcoming ones enrolled, then waitlisted at
 * gap-free positions per pool; cancelled sessions only cancelled ones. In-person seats go to
 * people of the session's office, online ones to anyone (mostly the workshop's disciplines);
 * nobody registers twice for one session, for their own session, or before they joined.
 * Rows are generated one session at a time, so the million never sits in memory.
 */

import type { RegistrationsTable, SeatPool } from '../../server/db/schema.js';
import { DAY, HOUR, iso, MINUTE, seconds, YEAR } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPeople, OrgPerson } from './org-people.js';
import type { OrgSession } from './org-sessions.js';

export const ORG_REGISTRATIONS = 1_000_000;

export type RegistrationRow = Omit<
  RegistrationsTable,
  'offer_expires_at' | 'series_key' | 'reminded_48h_for' | 'reminded_1h_for' | 'thanked_at'
>;

const UNLIMITED_AUDIENCE = 450;

/** Interest in a session, relative to others: its workshop's appeal, less for sessions far ahead. */
function demand(s: OrgSession, clock: OrgClock, random: Random): { base: number; cap: number } {
  const lead = s.startMs - clock.anchorMs;
  const soon = lead <= 0 ? 1 : lead < 14 * DAY ? 1 : lead < 60 * DAY ? 0.55 : lead < 180 * DAY ? 0.25 : 0.1;
  const base = s.workshop.appeal * soon * (0.6 + 0.8 * random.float());
  const seats = s.mode === 'hybrid' ? (s.seats === null || s.onlineSeats === null ? null : s.seats + s.onlineSeats) : s.seats;
  if (s.cancelledMs !== null) return { base: base * 0.4, cap: Math.min(30, seats ?? 30) };
  if (seats === null) return { base, cap: UNLIMITED_AUDIENCE };
  // Past: seat holders plus a few who cancelled; upcoming: the seats plus a waitlist.
  return { base, cap: s.endMs <= clock.anchorMs ? Math.floor(seats * 1.12) : Math.floor(seats * 1.5) + 2 };
}

/** How many registrations each session gets: min(cap, λ·demand), with λ chosen so the sum is exact. */
export function planRegistrations(sessions: readonly OrgSession[], clock: OrgClock, total = ORG_REGISTRATIONS): Int32Array {
  const random = new Random('org:registrations:plan');
  const d = sessions.map((s) => demand(s, clock, random));
  const capacity = d.reduce((n, x) => n + x.cap, 0);
  if (capacity < total) throw new Error(`org data: sessions hold at most ${capacity} registrations`);
  const sum = (lambda: number) => d.reduce((n, x) => n + Math.min(x.cap, lambda * x.base), 0);
  let lo = 0;
  let hi = 1;
  while (sum(hi) < total) hi *= 2;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (sum(mid) < total) lo = mid;
    else hi = mid;
  }
  const counts = new Int32Array(sessions.length);
  const exact = d.map((x) => Math.min(x.cap, hi * x.base));
  exact.forEach((x, i) => {
    counts[i] = Math.floor(x);
  });
  let left = total - counts.reduce((n, x) => n + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length) {
    const i = order[k]?.[1] ?? 0;
    if ((counts[i] ?? 0) < (d[i]?.cap ?? 0)) {
      counts[i] = (counts[i] ?? 0) + 1;
      left--;
    }
  }
  return counts;
}

interface Pool {
  mode: SeatPool;
  limit: number;
  local: boolean;
  people: number;
  holders: number;
  waiting: number;
}

/** Every registration row, session by session; `popularity[workshop]` counts the last year's. */
export function* registrationRows(
  sessions: readonly OrgSession[],
  counts: Int32Array,
  people: OrgPeople,
  clock: OrgClock,
  popularity: Int32Array,
): Generator<RegistrationRow> {
  let serial = 0;
  const yearAgo = clock.nowMs - YEAR;
  for (const s of sessions) {
    const count = counts[s.index] ?? 0;
    if (count === 0) continue;
    const random = new Random(`org:registrations:${s.index}`);
    const w = s.workshop;
    const opensMs = s.createdMs;
    const closesMs = Math.max(opensMs + MINUTE, Math.min(s.startMs, clock.anchorMs) - 5 * MINUTE);
    const chosen = new Set<number>(w.hosts.map((h) => h.index));
    const office = s.officeKey ? (people.byOffice.get(s.officeKey) ?? people.all) : people.all;
    const disciplines = w.topic.area.disciplines.map((d, i) => [d, 1 / (i + 1)] as const);

    const draw = (local: boolean): OrgPerson | null => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const list = local
          ? office
          : random.chance(0.55)
            ? (people.byDiscipline.get(random.weighted(disciplines)) ?? people.all)
            : people.all;
        const p = list[Math.floor(random.float() * list.length)];
        if (p && !chosen.has(p.index) && p.joinedMs <= opensMs) {
          chosen.add(p.index);
          return p;
        }
      }
      const list = local ? office : people.all;
      const from = Math.floor(random.float() * list.length);
      for (let k = 0; k < list.length; k++) {
        const p = list[(from + k) % list.length] as OrgPerson;
        if (!chosen.has(p.index) && p.joinedMs <= opensMs) {
          chosen.add(p.index);
          return p;
        }
      }
      return null;
    };
    const row = (
      p: OrgPerson,
      mode: SeatPool,
      createdMs: number,
      rest: Partial<RegistrationRow> & Pick<RegistrationRow, 'status'>,
    ): RegistrationRow => {
      if (rest.status !== 'cancelled' && createdMs >= yearAgo) popularity[w.index] = (popularity[w.index] ?? 0) + 1;
      return {
        id: orgId(ID_KIND.registration, serial++, createdMs, clock),
        session_id: s.id,
        person_id: p.id,
        mode,
        position: null,
        late_cancellation: 0,
        walk_in: 0,
        checked_in_at: null,
        cancelled_at: null,
        created_at: iso(createdMs),
        updated_at: iso(createdMs),
        ...rest,
      };
    };
    const modes: SeatPool[] = s.mode === 'hybrid' ? ['in_person', 'online'] : [s.mode];

    if (s.cancelledMs !== null) {
      // The session was called off: everyone's registration went with it.
      const cancelledMs = s.cancelledMs;
      for (let i = 0; i < count; i++) {
        const mode = random.pick(modes);
        const p = draw(mode === 'in_person');
        if (!p) break;
        const createdMs = seconds(opensMs + random.float() * Math.max(0, cancelledMs - 30 * MINUTE - opensMs));
        yield row(p, mode, createdMs, {
          status: 'cancelled',
          cancelled_at: iso(cancelledMs),
          updated_at: iso(cancelledMs),
          late_cancellation: s.startMs - cancelledMs < DAY ? 1 : 0,
        });
      }
      continue;
    }

    const past = s.endMs <= clock.nowMs;
    const started = s.startMs <= clock.nowMs;
    let cancelled = Math.round(count * (past ? 0.03 + 0.09 * random.float() : 0.06 * random.float()));
    const active = count - cancelled;
    const inPersonShare = s.mode === 'hybrid' ? 0.35 + 0.3 * random.float() : 1;
    const pools: Pool[] = modes.map((mode, i) => {
      const limit = (mode === 'online' && s.mode === 'hybrid' ? s.onlineSeats : s.seats) ?? Number.POSITIVE_INFINITY;
      const wanted =
        modes.length === 1 ? active : i === 0 ? Math.round(active * inPersonShare) : active - Math.round(active * inPersonShare);
      return { mode, limit, local: mode === 'in_person', people: wanted, holders: 0, waiting: 0 };
    });
    for (const pool of pools) {
      pool.holders = Math.min(pool.people, pool.limit);
      pool.waiting = pool.people - pool.holders;
    }
    if (past) {
      // Nobody waits for a session that is over: the overflow took an online seat, or gave up.
      for (const pool of pools) {
        const other = pools.find((o) => o !== pool && o.holders < o.limit);
        const moved = other ? Math.min(pool.waiting, other.limit - other.holders) : 0;
        if (other) other.holders += moved;
        cancelled += pool.waiting - moved;
        pool.waiting = 0;
      }
    }

    const attendRate = 0.65 + 0.2 * random.float();
    for (const pool of pools) {
      const n = pool.holders + pool.waiting;
      const times = Array.from({ length: n }, () => seconds(opensMs + random.float() * (closesMs - opensMs))).sort((a, b) => a - b);
      for (let i = 1; i < n; i++) times[i] = Math.max(times[i] as number, (times[i - 1] as number) + 1000);
      for (let i = 0; i < n; i++) {
        const p = draw(pool.local);
        if (!p) break;
        const createdMs = Math.min(times[i] as number, closesMs);
        if (i >= pool.holders) {
          yield row(p, pool.mode, createdMs, { status: 'waitlisted', position: i - pool.holders + 1 });
          continue;
        }
        const checkedInMs = seconds(s.startMs + random.int(-5, 12) * MINUTE);
        if (started && checkedInMs <= clock.nowMs && random.chance(attendRate)) {
          const walkIn = pool.local && random.chance(0.03);
          yield row(p, pool.mode, walkIn ? checkedInMs : createdMs, {
            status: 'attended',
            checked_in_at: iso(checkedInMs),
            updated_at: iso(checkedInMs),
            walk_in: walkIn ? 1 : 0,
          });
        } else if (past) {
          const markedMs = Math.min(clock.nowMs - MINUTE, s.endMs + random.int(5, 120) * MINUTE);
          yield row(p, pool.mode, createdMs, { status: 'no_show', updated_at: iso(seconds(markedMs)) });
        } else {
          yield row(p, pool.mode, createdMs, { status: 'enrolled' });
        }
      }
    }

    // Changed their minds before the start; some of them late (under 24 hours before).
    const latestMs = Math.min(s.startMs, clock.anchorMs) - MINUTE;
    for (let i = 0; i < cancelled; i++) {
      const mode = random.pick(modes);
      const p = draw(mode === 'in_person');
      if (!p) break;
      const createdMs = seconds(opensMs + random.float() * Math.max(0, latestMs - 2 * HOUR - opensMs));
      const wantedMs = random.chance(0.35) ? s.startMs - random.int(1, 23) * HOUR : s.startMs - random.int(1, 10) * DAY;
      const cancelledMs = seconds(Math.min(latestMs, Math.max(createdMs + 30 * MINUTE, wantedMs)));
      const at = cancelledMs > createdMs ? cancelledMs : createdMs + 1000;
      yield row(p, mode, createdMs, {
        status: 'cancelled',
        cancelled_at: iso(at),
        updated_at: iso(at),
        late_cancellation: s.startMs - at < DAY ? 1 : 0,
      });
    }
  }
}
