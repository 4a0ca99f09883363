import type { Insertable } from 'kysely';
import type { ManagerSuggestionsTable, RegistrationStatus } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import { UPCOMING_STATUSES } from './team.policy.js';

export interface ReportRow {
  id: string;
  name: string;
  title: string | null;
}

/** A registration of a report's with its session and workshop: never a column of feedback. */
export interface TeamRegistrationRow {
  id: string;
  person_id: string;
  session_id: string;
  status: RegistrationStatus;
  late_cancellation: number;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  workshop_id: string;
  workshop_title: string;
}

export interface SuggestionRow {
  id: string;
  note: string | null;
  created_at: string;
  workshop_id: string;
  workshop_title: string;
  manager_id: string;
  manager_name: string;
  manager_title: string | null;
  person_id: string;
  person_name: string;
  person_title: string | null;
}

function registrations(db: Executor, personIds: string[]) {
  return db
    .selectFrom('registrations as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .select([
      'r.id',
      'r.person_id',
      'r.session_id',
      'r.status',
      'r.late_cancellation',
      's.starts_at',
      's.ends_at',
      's.time_zone',
      'w.id as workshop_id',
      'w.title as workshop_title',
    ])
    .where('r.person_id', 'in', personIds);
}

function suggestions(db: Executor) {
  return db
    .selectFrom('manager_suggestions as g')
    .innerJoin('workshops as w', 'w.id', 'g.workshop_id')
    .innerJoin('people as m', 'm.id', 'g.manager_id')
    .innerJoin('people as p', 'p.id', 'g.person_id')
    .select([
      'g.id',
      'g.note',
      'g.created_at',
      'w.id as workshop_id',
      'w.title as workshop_title',
      'm.id as manager_id',
      'm.name as manager_name',
      'm.title as manager_title',
      'p.id as person_id',
      'p.name as person_name',
      'p.title as person_title',
    ]);
}

/** A manager's reports (people.manager_id, from the directory), their learning, and suggestions. */
export const teamRepository = {
  /** Direct reports who are still here (people.active), by name. */
  reports(db: Executor, managerId: string): Promise<ReportRow[]> {
    return db
      .selectFrom('people')
      .select(['id', 'name', 'title'])
      .where('manager_id', '=', managerId)
      .where('active', '=', 1)
      .orderBy('name')
      .orderBy('id')
      .execute();
  },

  report(db: Executor, managerId: string, personId: string): Promise<ReportRow | undefined> {
    return db
      .selectFrom('people')
      .select(['id', 'name', 'title'])
      .where('id', '=', personId)
      .where('manager_id', '=', managerId)
      .where('active', '=', 1)
      .executeTakeFirst();
  },

  /** Seats, waitlist places and offers for scheduled sessions not over yet, soonest first. */
  upcoming(db: Executor, personIds: string[], now: string): Promise<TeamRegistrationRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return registrations(db, personIds)
      .where('r.status', 'in', UPCOMING_STATUSES)
      .where('s.status', '=', 'scheduled')
      .where('s.ends_at', '>', now)
      .orderBy('s.starts_at')
      .orderBy('r.id')
      .execute();
  },

  /** Attended, no-shows and late cancellations of sessions that started in [since, now], latest first. */
  recent(db: Executor, personIds: string[], since: string, now: string): Promise<TeamRegistrationRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return registrations(db, personIds)
      .where((eb) =>
        eb.or([
          eb('r.status', 'in', ['attended', 'no_show']),
          eb.and([eb('r.status', '=', 'cancelled'), eb('r.late_cancellation', '=', 1)]),
        ]),
      )
      .where('s.starts_at', '>=', since)
      .where('s.starts_at', '<=', now)
      .orderBy('s.starts_at', 'desc')
      .orderBy('r.id')
      .execute();
  },

  /** What this manager suggested to these people, newest first. */
  suggestionsBy(db: Executor, managerId: string, personIds: string[]): Promise<SuggestionRow[]> {
    if (personIds.length === 0) return Promise.resolve([]);
    return suggestions(db)
      .where('g.manager_id', '=', managerId)
      .where('g.person_id', 'in', personIds)
      .orderBy('g.created_at', 'desc')
      .orderBy('g.id', 'desc')
      .execute();
  },

  /** What was suggested to one person, newest first (a hundred at most: a list to read, not to page). */
  suggestionsTo(db: Executor, personId: string): Promise<SuggestionRow[]> {
    return suggestions(db).where('g.person_id', '=', personId).orderBy('g.created_at', 'desc').orderBy('g.id', 'desc').limit(100).execute();
  },

  findSuggestion(db: Executor, id: string): Promise<SuggestionRow | undefined> {
    return suggestions(db).where('g.id', '=', id).executeTakeFirst();
  },

  workshopTitle(db: Executor, workshopId: string): Promise<string | undefined> {
    return db
      .selectFrom('workshops')
      .select('title')
      .where('id', '=', workshopId)
      .executeTakeFirst()
      .then((r) => r?.title);
  },

  /** false: this manager already suggested this workshop to this person (one row each, by a unique constraint). */
  async insertSuggestion(db: Executor, row: Insertable<ManagerSuggestionsTable>): Promise<boolean> {
    const result = await db
      .insertInto('manager_suggestions')
      .values(row)
      .onConflict((oc) => oc.columns(['manager_id', 'person_id', 'workshop_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },
};
