import { PostgresAdapter, type RawBuilder, sql } from 'kysely';
import { idList } from '../../platform/id-list.js';
import type { Executor } from '../../platform/transaction.js';

/** The period and filters every table and export is asked for (analyticsPeriodQuery). */
export interface AnalyticsScope {
  from: string;
  to: string;
  team?: string | undefined;
  manager?: string | undefined;
  location?: string | undefined;
  channel?: string | undefined;
  format?: 'talk' | 'hands_on_lab' | 'discussion' | 'course' | 'office_hours' | undefined;
}

/**
 * The filters alone, without the period (the overview cuts its periods itself). `organisation`:
 * the manager's organisation already resolved to ids (withOrganisation).
 */
export type ScopeFilters = Omit<AnalyticsScope, 'from' | 'to'> & { organisation?: readonly string[] | undefined };

/** The period as instants: UTC days, [from 00:00Z, to+1 00:00Z); sessions are held once they started (`now`). */
export interface Bounds {
  start: string;
  end: string;
  now: string;
}

/** The team of people without one, in the teams table (and as a team filter). */
export const NO_TEAM = 'No team';

/** Registrations that hold (or held) a seat: seatsFilled. */
export const SEAT_STATUSES = ['enrolled', 'attended', 'no_show'] as const;

export function boundsOf(scope: Pick<AnalyticsScope, 'from' | 'to'>, now: Date = new Date()): Bounds {
  const end = new Date(Date.parse(`${scope.to}T00:00:00.000Z`) + 86_400_000);
  return { start: `${scope.from}T00:00:00.000Z`, end: end.toISOString(), now: now.toISOString() };
}

const isPostgres = (db: Executor) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A session's length in hours (whole seconds, so 90 minutes is exactly 1.5 on both databases). */
export function sessionHours(db: Executor, alias = 's'): RawBuilder<number> {
  const starts = sql.ref(`${alias}.starts_at`);
  const ends = sql.ref(`${alias}.ends_at`);
  return isPostgres(db)
    ? sql<number>`cast(extract(epoch from (${ends} - ${starts})) as double precision) / 3600.0`
    : sql<number>`(cast(strftime('%s', ${ends}) as integer) - cast(strftime('%s', ${starts}) as integer)) / 3600.0`;
}

/**
 * The people a team, manager (their whole organisation, WITH RECURSIVE over manager_id) or
 * location filter keeps; undefined when no person filter is set. "No team" means people without one.
 */
export function filteredPeople(db: Executor, scope: ScopeFilters) {
  if (scope.team === undefined && scope.location === undefined && scope.manager === undefined) return undefined;
  let people = db.selectFrom('people as fp').select('fp.id');
  const team = scope.team;
  if (team === NO_TEAM) people = people.where((eb) => eb.or([eb('fp.team', 'is', null), eb('fp.team', '=', NO_TEAM)]));
  else if (team !== undefined) people = people.where('fp.team', '=', team);
  if (scope.location !== undefined) people = people.where('fp.location', '=', scope.location);
  if (scope.organisation !== undefined) people = people.where('fp.id', 'in', idList(db, scope.organisation));
  else if (scope.manager !== undefined) people = people.where('fp.id', 'in', organisationOf(db, scope.manager));
  return people;
}

/** A manager's whole organisation (WITH RECURSIVE over manager_id), themselves included. */
function organisationOf(db: Executor, manager: string) {
  return db
    .withRecursive('org(id)', (qc) =>
      qc
        .selectFrom('people as top')
        .select('top.id')
        .where('top.id', '=', manager)
        .unionAll(qc.selectFrom('people as report').innerJoin('org', 'org.id', 'report.manager_id').select('report.id')),
    )
    .selectFrom('org')
    .select('org.id');
}

/**
 * The scope with a manager's organisation read once into ids: as a subquery inside the figures'
 * joins SQLite's planner walks the recursion per row (17 s for 2,000 people on the org data set).
 */
export async function withOrganisation<T extends ScopeFilters>(db: Executor, scope: T): Promise<T> {
  if (scope.manager === undefined || scope.organisation !== undefined) return scope;
  const rows = await organisationOf(db, scope.manager).execute();
  return { ...scope, organisation: rows.map((r) => r.id) };
}

/** The workshops a channel (slug) or format filter keeps; undefined when neither is set. */
export function filteredWorkshops(db: Executor, scope: ScopeFilters) {
  if (scope.channel === undefined && scope.format === undefined) return undefined;
  let workshops = db.selectFrom('workshops as fw').select('fw.id');
  if (scope.format !== undefined) workshops = workshops.where('fw.format', '=', scope.format);
  const channel = scope.channel;
  if (channel !== undefined) {
    workshops = workshops.where(
      'fw.id',
      'in',
      db
        .selectFrom('workshop_channels as fwc')
        .innerJoin('channels as fc', 'fc.id', 'fwc.channel_id')
        .select('fwc.workshop_id')
        .where('fc.slug', '=', channel),
    );
  }
  return workshops;
}

/**
 * Sessions of the period (scheduled, starting in it), held ones only unless `offered`, of the
 * filtered workshops. `counted`: a session counts under a person filter only when a filtered
 * person holds a seat in it (for counts of sessions; figures over registrations filter the
 * registrations' people instead, so a filtered person's waitlist place in any session counts).
 */
export function periodSessions(
  db: Executor,
  scope: AnalyticsScope,
  bounds: Bounds,
  options: { offered?: boolean; counted?: boolean } = {},
) {
  let sessions = db
    .selectFrom('sessions as ps')
    .select('ps.id')
    .where('ps.status', '=', 'scheduled')
    .where('ps.starts_at', '>=', bounds.start)
    .where('ps.starts_at', '<', bounds.end);
  if (!options.offered) sessions = sessions.where('ps.starts_at', '<=', bounds.now);
  const workshops = filteredWorkshops(db, scope);
  if (workshops) sessions = sessions.where('ps.workshop_id', 'in', workshops);
  const people = options.counted ? filteredPeople(db, scope) : undefined;
  if (people) {
    sessions = sessions.where((eb) =>
      eb.exists(
        eb
          .selectFrom('registrations as pr')
          .select('pr.id')
          .whereRef('pr.session_id', '=', 'ps.id')
          .where('pr.status', 'in', SEAT_STATUSES)
          .where('pr.person_id', 'in', people),
      ),
    );
  }
  return sessions;
}
