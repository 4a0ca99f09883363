import type { Db } from '../../src/server/platform/db.js';

/** Reads a session's registrations straight from the database and checks Lyceum's invariants. */
export async function checkSeatInvariants(db: Db, sessionId: string, seats: number) {
  const rows = await db.selectFrom('registrations').selectAll().where('session_id', '=', sessionId).execute();
  const active = rows.filter((r) => r.status !== 'cancelled');
  const holding = active.filter((r) => r.status === 'enrolled' || r.status === 'offered' || r.status === 'attended');
  const positions = active
    .filter((r) => r.status === 'waitlisted')
    .map((r) => r.position as number)
    .sort((a, b) => a - b);
  const people = active.map((r) => r.person_id);
  // The seats-taken and waiting counts kept on the session (by triggers) agree with its registrations.
  const kept = await db
    .selectFrom('sessions')
    .select(['in_person_taken', 'online_taken', 'in_person_waiting', 'online_waiting'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const waitlisted = active.filter((r) => r.status === 'waitlisted');
  const countsKept =
    kept.in_person_taken === holding.filter((r) => r.mode === 'in_person').length &&
    kept.online_taken === holding.filter((r) => r.mode === 'online').length &&
    kept.in_person_waiting === waitlisted.filter((r) => r.mode === 'in_person').length &&
    kept.online_waiting === waitlisted.filter((r) => r.mode === 'online').length;
  return {
    countsKept,
    holding: holding.length,
    waiting: positions.length,
    overbooked: holding.length > seats,
    duplicates: people.length - new Set(people).size,
    gapFree: positions.every((p, i) => p === i + 1),
    rows,
  };
}
