/**
 * Registrations for the demo sessions: upcoming sessions fill up (a few are full, with a
 * waitlist), past ones have attendance, and the marker person (Jasmine Robinson) has a lively
 * "My learning" page. Pure and seeded, like the rest of the demo; only `now` moves the picture.
 */
import type { Insertable } from 'kysely';
import type {
  PeopleTable,
  RegistrationsTable,
  SeatPool,
  SessionsTable,
  WorkshopHostsTable,
  WorkshopsTable,
} from '../../server/db/schema.js';
import { DAY, HOUR, iso, MINUTE, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { HOT_WORKSHOPS, keenness } from './demo-demand.js';
import { demoId } from './demo-ids.js';

/** How many upcoming sessions are exactly full, with people waiting. */
const FULL_SESSIONS = 4;

type Session = Insertable<SessionsTable>;
type MarkerRole = 'enrolled' | 'waitlisted' | 'attended';

interface Pool {
  mode: SeatPool;
  limit: number | null;
}

/** The seat pools of a session: hybrid sessions have unlimited online seats in the demo. */
function poolsOf(session: Session): Pool[] {
  const seats = session.seats ?? null;
  if (session.mode === 'hybrid')
    return [
      { mode: 'in_person', limit: seats },
      { mode: 'online', limit: session.online_seats ?? null },
    ];
  return [{ mode: session.mode, limit: seats }];
}

export function buildDemoRegistrations(
  people: readonly PeopleTable[],
  workshops: readonly Insertable<WorkshopsTable>[],
  hosts: readonly WorkshopHostsTable[],
  sessions: readonly Session[],
  markerId: string,
  nowMs: number,
): Insertable<RegistrationsTable>[] {
  const published = new Set(workshops.filter((w) => w.status === 'published').map((w) => w.id));
  const hostsOf = new Map<string, Set<string>>();
  for (const h of hosts) {
    const set = hostsOf.get(h.workshop_id) ?? new Set<string>();
    set.add(h.person_id);
    hostsOf.set(h.workshop_id, set);
  }
  const hostedBy = (s: Session, personId: string) => hostsOf.get(s.workshop_id)?.has(personId) ?? false;
  const live = sessions.filter((s) => s.status !== 'cancelled' && published.has(s.workshop_id));
  const upcoming = live.filter((s) => Date.parse(s.starts_at) > nowMs);
  const past = live.filter((s) => Date.parse(s.ends_at) <= nowMs);

  // A few upcoming sessions with a small limited pool are exactly full.
  const pick = new Random('registrations:plan');
  const fullable = upcoming.filter((s) => {
    const limit = poolsOf(s)[0]?.limit ?? null;
    return limit !== null && limit >= 6 && limit <= 24;
  });
  const full = new Set(pick.sample(fullable, FULL_SESSIONS).map((s) => s.id));
  // The workshops in demand fill every session, past ones too: people waited and never got a seat.
  const hotIds = new Set(workshops.filter((w) => HOT_WORKSHOPS.includes(w.title)).map((w) => w.id));
  const hot = new Set(live.filter((s) => hotIds.has(s.workshop_id)).map((s) => s.id));
  const keen = new Map(people.map((p) => [p.id, keenness(p)]));

  // The marker person: waitlisted (#2) in one full session, enrolled in two soon, attended two.
  const marker = new Map<string, MarkerRole>();
  const notHers = (s: Session) => !hostedBy(s, markerId);
  const waitFor = fullable.find((s) => full.has(s.id) && notHers(s));
  if (waitFor) marker.set(waitFor.id, 'waitlisted');
  const soon = [...upcoming]
    .filter((s) => !full.has(s.id) && notHers(s))
    .sort((a, b) => a.starts_at.localeCompare(b.starts_at))
    .slice(0, 8);
  for (const s of pick.sample(soon, 2)) marker.set(s.id, 'enrolled');
  const recent = [...past]
    .filter(notHers)
    .sort((a, b) => b.starts_at.localeCompare(a.starts_at))
    .slice(0, 6);
  for (const s of pick.sample(recent, 2)) marker.set(s.id, 'attended');

  const rows: Insertable<RegistrationsTable>[] = [];
  for (const session of live) {
    const random = new Random(`registrations:${session.id}`);
    const startMs = Date.parse(session.starts_at);
    const endMs = Date.parse(session.ends_at);
    const floorMs = Date.parse(session.created_at);
    // Registrations open when the session is created and are made before it starts (and before now).
    const untilMs = Math.max(floorMs, Math.min(startMs, nowMs) - 5 * MINUTE);
    const between = (from: number, to: number) => seconds(from + random.float() * Math.max(0, to - from));
    const phase = startMs > nowMs ? 'upcoming' : endMs > nowMs ? 'running' : 'past';
    const markerRole = marker.get(session.id);

    // Keen learners sign up more often (a weighted shuffle: larger keys first), some people hardly ever.
    const crowd = people
      .filter((p) => p.id !== markerId && !hostedBy(session, p.id) && Date.parse(p.created_at) <= floorMs)
      .map((p) => ({ id: p.id, key: random.float() ** (1 / (keen.get(p.id) ?? 1)) }))
      .sort((a, b) => b.key - a.key)
      .map((p) => p.id);
    const take = (count: number) => crowd.splice(0, Math.max(0, Math.min(count, crowd.length)));
    const pools = poolsOf(session);
    const markerPool = markerRole === 'waitlisted' ? 0 : random.int(0, pools.length - 1);
    let registered = 0;

    pools.forEach((pool, poolIndex) => {
      const isFull = (full.has(session.id) || hot.has(session.id)) && poolIndex === 0 && pool.limit !== null;
      let seated: number;
      if (pool.limit === null) {
        seated = pools.length > 1 ? random.int(3, 20) : random.int(5, 40);
      } else if (isFull) {
        seated = pool.limit;
      } else if (phase === 'past') {
        seated = Math.round(pool.limit * (0.5 + 0.5 * random.float()));
      } else {
        seated = Math.round(pool.limit * (0.3 + 0.6 * random.float()));
        seated = Math.max(1, Math.min(seated, pool.limit - 1));
      }
      const waiting = isFull ? (hot.has(session.id) ? random.int(5, 14) : random.int(2, 8)) : 0;
      const withMarker = markerRole !== undefined && poolIndex === markerPool;

      // Order of sign-up: the enrolled first, then the waitlist; times ascend along the order.
      const members = take(seated + waiting - (withMarker ? 1 : 0));
      if (withMarker) {
        const at = markerRole === 'waitlisted' ? Math.min(seated + 1, members.length) : random.int(0, Math.max(0, seated - 1));
        members.splice(at, 0, markerId);
      }
      seated = Math.min(seated, members.length);
      const times = members.map(() => between(floorMs, untilMs)).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) times[i] = Math.max(times[i] ?? 0, (times[i - 1] ?? 0) + 1000);

      // Attendance: 70–85 % of those who held a seat checked in; the marker person always did.
      const attendRate = 0.7 + 0.15 * random.float();
      const attendees = new Set(random.sample(members.slice(0, seated), Math.round(seated * attendRate)));
      if (markerRole === 'attended' && withMarker) attendees.add(markerId);

      members.forEach((personId, i) => {
        const createdMs = times[i] ?? floorMs;
        const base = {
          id: demoId(`registration:${session.id}:${personId}`),
          session_id: session.id,
          person_id: personId,
          mode: pool.mode,
          offer_expires_at: null,
          late_cancellation: 0,
          walk_in: 0,
          series_key: null,
          cancelled_at: null,
          created_at: iso(createdMs),
        };
        if (i >= seated) {
          rows.push({ ...base, status: 'waitlisted', position: i - seated + 1, checked_in_at: null, updated_at: iso(createdMs) });
          return;
        }
        const checkedInMs = seconds(startMs + random.int(-5, 12) * MINUTE);
        const checkedIn = phase !== 'upcoming' && attendees.has(personId) && checkedInMs < nowMs;
        if (checkedIn) {
          rows.push({ ...base, status: 'attended', position: null, checked_in_at: iso(checkedInMs), updated_at: iso(checkedInMs) });
        } else if (phase === 'past') {
          const markedMs = Math.min(nowMs - MINUTE, endMs + random.int(5, 120) * MINUTE);
          rows.push({ ...base, status: 'no_show', position: null, checked_in_at: null, updated_at: iso(seconds(markedMs)) });
        } else {
          rows.push({ ...base, status: 'enrolled', position: null, checked_in_at: null, updated_at: iso(createdMs) });
        }
      });
      registered += members.length;
    });

    // A few changed their minds: cancelled before the start, some of them late (under 24 h).
    // Not in the full sessions of the workshops in demand: a freed seat would have gone to the waitlist.
    const cancellations =
      registered === 0 || hot.has(session.id)
        ? 0
        : phase === 'upcoming'
          ? random.chance(0.3)
            ? random.int(1, 2)
            : 0
          : random.chance(0.6)
            ? random.int(1, 3)
            : 0;
    for (const personId of take(cancellations)) {
      const pool = random.pick(pools);
      const latestMs = Math.min(startMs, nowMs) - MINUTE;
      const createdMs = between(floorMs, latestMs - 2 * HOUR);
      const wantedMs = random.chance(0.4) ? startMs - random.int(1, 23) * HOUR : startMs - random.int(1, 10) * DAY;
      const cancelledMs = seconds(Math.min(latestMs, Math.max(createdMs + 30 * MINUTE, wantedMs)));
      if (cancelledMs <= createdMs || cancelledMs >= startMs) continue;
      rows.push({
        id: demoId(`registration:${session.id}:${personId}`),
        session_id: session.id,
        person_id: personId,
        mode: pool.mode,
        status: 'cancelled',
        position: null,
        offer_expires_at: null,
        late_cancellation: startMs - cancelledMs < DAY ? 1 : 0,
        walk_in: 0,
        series_key: null,
        checked_in_at: null,
        cancelled_at: iso(cancelledMs),
        created_at: iso(createdMs),
        updated_at: iso(cancelledMs),
      });
    }
  }
  return rows;
}
