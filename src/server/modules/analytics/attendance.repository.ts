import type { Executor } from '../../platform/transaction.js';
import { type AnalyticsScope, type Bounds, filteredPeople, filteredWorkshops, sessionHours } from './tables.scope.js';

export interface AttendanceRecord {
  registration_id: string;
  person_id: string;
  name: string;
  email: string;
  team: string | null;
  session_id: string;
  workshop_id: string;
  title: string;
  starts_at: string;
  status: string;
  hours: number;
}

export const attendanceRepository = {
  /**
   * Registrations (every status) of the period's sessions, scheduled ones that started in it or
   * will, ordered by (session start, registration id) after `after`: a keyset page.
   */
  async page(db: Executor, scope: AnalyticsScope, bounds: Bounds, after: [string, string] | undefined, limit: number) {
    let query = db
      .selectFrom('registrations as r')
      .innerJoin('sessions as s', 's.id', 'r.session_id')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select([
        'r.id as registration_id',
        'p.id as person_id',
        'p.name',
        'p.email',
        'p.team',
        's.id as session_id',
        'w.id as workshop_id',
        'w.title',
        's.starts_at',
        'r.status',
        sessionHours(db).as('duration'),
      ])
      // Driven from sessions by start (sessions_starts_idx), so each page reads on from the cursor instead of the whole period.
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>=', after && after[0] > bounds.start ? after[0] : bounds.start)
      .where('s.starts_at', '<', bounds.end);
    const workshops = filteredWorkshops(db, scope);
    if (workshops) query = query.where('s.workshop_id', 'in', workshops);
    const people = filteredPeople(db, scope);
    if (people) query = query.where('r.person_id', 'in', people);
    if (after) {
      const [startsAt, id] = after;
      query = query.where((eb) => eb.or([eb('s.starts_at', '>', startsAt), eb('r.id', '>', id)]));
    }
    const rows = await query.orderBy('s.starts_at').orderBy('r.id').limit(limit).execute();
    return rows.map(({ duration, ...row }): AttendanceRecord => ({ ...row, hours: row.status === 'attended' ? Number(duration) : 0 }));
  },
};
