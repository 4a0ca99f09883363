import { sql } from 'kysely';
import type { Executor } from '../../platform/transaction.js';
import {
  type AnalyticsScope,
  type Bounds,
  filteredPeople,
  filteredWorkshops,
  NO_TEAM,
  periodSessions,
  sessionHours,
} from './tables.scope.js';

/** Counts come back as bigint (PostgreSQL) or integer (SQLite), averages as numeric text on PostgreSQL. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

const seatsFilled = sql<number>`sum(case when r.status in ('enrolled', 'attended', 'no_show') then 1 else 0 end)`;
const waitlisted = sql<number>`sum(case when r.status = 'waitlisted' then 1 else 0 end)`;
const attended = sql<number>`sum(case when r.status = 'attended' then 1 else 0 end)`;

/** Registrations of held sessions of the period, of the filtered people. */
function heldRegistrations(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
  let query = db
    .selectFrom('registrations as r')
    .innerJoin('sessions as s', 's.id', 'r.session_id')
    .where('r.session_id', 'in', periodSessions(db, scope, bounds));
  const people = filteredPeople(db, scope);
  if (people) query = query.where('r.person_id', 'in', people);
  return query;
}

/** "Notify me" wishes made in the period, of the filtered people, on the filtered workshops. */
function periodWishes(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
  let query = db.selectFrom('workshop_interest as wi').where('wi.created_at', '>=', bounds.start).where('wi.created_at', '<', bounds.end);
  const workshops = filteredWorkshops(db, scope);
  if (workshops) query = query.where('wi.workshop_id', 'in', workshops);
  const people = filteredPeople(db, scope);
  if (people) query = query.where('wi.person_id', 'in', people);
  return query;
}

/** Answered feedback on held sessions of the period, from the filtered people. */
function heldAnswers(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
  let query = db
    .selectFrom('feedback as f')
    .innerJoin('sessions as s', 's.id', 'f.session_id')
    .where('f.status', '=', 'answered')
    .where('f.session_id', 'in', periodSessions(db, scope, bounds));
  const people = filteredPeople(db, scope);
  if (people) query = query.where('f.person_id', 'in', people);
  return query;
}

export interface WorkshopFigures {
  workshopId: string;
  sessions: number;
  seatsFilled: number;
  waitlisted: number;
  wishes: number;
  responses: number;
  averageRating: number | null;
}

export const tablesRepository = {
  /** Per workshop: held sessions, seats, people still waitlisted, wishes, answers and their mean rating. */
  async workshopFigures(db: Executor, scope: AnalyticsScope, bounds: Bounds): Promise<WorkshopFigures[]> {
    const [sessions, registrations, wishes, answers] = await Promise.all([
      db
        .selectFrom('sessions as s')
        .where('s.id', 'in', periodSessions(db, scope, bounds, { counted: true }))
        .select(['s.workshop_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('s.workshop_id')
        .execute(),
      heldRegistrations(db, scope, bounds)
        .select(['s.workshop_id', seatsFilled.as('seats'), waitlisted.as('waitlisted')])
        .groupBy('s.workshop_id')
        .execute(),
      periodWishes(db, scope, bounds)
        .select(['wi.workshop_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('wi.workshop_id')
        .execute(),
      heldAnswers(db, scope, bounds)
        .select(['s.workshop_id', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.avg('f.rating').as('rating')])
        .groupBy('s.workshop_id')
        .execute(),
    ]);
    const byWorkshop = new Map<string, WorkshopFigures>();
    const of = (workshopId: string) => {
      let row = byWorkshop.get(workshopId);
      if (!row) {
        row = { workshopId, sessions: 0, seatsFilled: 0, waitlisted: 0, wishes: 0, responses: 0, averageRating: null };
        byWorkshop.set(workshopId, row);
      }
      return row;
    };
    for (const r of sessions) of(r.workshop_id).sessions = num(r.n);
    for (const r of registrations) Object.assign(of(r.workshop_id), { seatsFilled: num(r.seats), waitlisted: num(r.waitlisted) });
    for (const r of wishes) of(r.workshop_id).wishes = num(r.n);
    for (const r of answers) Object.assign(of(r.workshop_id), { responses: num(r.n), averageRating: numOrNull(r.rating) });
    return [...byWorkshop.values()];
  },

  async workshopTitles(db: Executor, ids: string[]): Promise<{ id: string; title: string; format: string }[]> {
    if (ids.length === 0) return [];
    return db.selectFrom('workshops').select(['id', 'title', 'format']).where('id', 'in', ids).execute();
  },

  /** Every team (people without one: "No team") with its headcount, and its learners' figures over held sessions. */
  async teamFigures(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
    let headcounts = db.selectFrom('people as p').select(['p.team', (eb) => eb.fn.countAll().as('n')]);
    const people = filteredPeople(db, scope);
    if (people) headcounts = headcounts.where('p.id', 'in', people);
    const [heads, figures] = await Promise.all([
      headcounts.groupBy('p.team').execute(),
      // Per person first, then per team: one look-up of each learner's team instead of one per registration.
      db
        .selectFrom(
          heldRegistrations(db, scope, bounds)
            .select([
              'r.person_id',
              seatsFilled.as('seats'),
              attended.as('attended'),
              sql<number>`sum(case when r.status = 'attended' then ${sessionHours(db)} else 0 end)`.as('hours'),
            ])
            .groupBy('r.person_id')
            .as('x'),
        )
        .innerJoin('people as p', 'p.id', 'x.person_id')
        .select([
          'p.team',
          sql<number>`sum(x.seats)`.as('seats'),
          sql<number>`sum(x.attended)`.as('attended'),
          sql<number>`sum(case when x.attended > 0 then 1 else 0 end)`.as('learners'),
          sql<number>`sum(x.hours)`.as('hours'),
        ])
        .groupBy('p.team')
        .execute(),
    ]);
    // Grouped by the column itself (a parameter in GROUP BY is another expression on PostgreSQL); named here.
    const teams = new Map<
      string,
      { team: string; headcount: number; learners: number; seatsFilled: number; attended: number; learningHours: number }
    >();
    const of = (team: string | null) => {
      const name = team ?? NO_TEAM;
      let row = teams.get(name);
      if (!row) {
        row = { team: name, headcount: 0, learners: 0, seatsFilled: 0, attended: 0, learningHours: 0 };
        teams.set(name, row);
      }
      return row;
    };
    for (const h of heads) of(h.team).headcount += num(h.n);
    for (const f of figures) {
      const row = of(f.team);
      row.learners += num(f.learners);
      row.seatsFilled += num(f.seats);
      row.attended += num(f.attended);
      row.learningHours += num(f.hours);
    }
    return [...teams.values()];
  },

  /** Hosts of held sessions of the period (the filtered people among them): sessions, distinct learners, mean rating. */
  async hostFigures(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
    const held = periodSessions(db, scope, bounds);
    let hosts = db.selectFrom('workshop_hosts as h').innerJoin('sessions as s', 's.workshop_id', 'h.workshop_id').where('s.id', 'in', held);
    const people = filteredPeople(db, scope);
    if (people) hosts = hosts.where('h.person_id', 'in', people);
    const [sessions, learnersOf, ratings] = await Promise.all([
      hosts
        .innerJoin('people as p', 'p.id', 'h.person_id')
        .select(['h.person_id', 'p.name', 'p.title', 'p.team', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['h.person_id', 'p.name', 'p.title', 'p.team'])
        .execute(),
      hosts
        .innerJoin('registrations as r', 'r.session_id', 's.id')
        .where('r.status', '=', 'attended')
        .select(['h.person_id', sql<number>`count(distinct r.person_id)`.as('n')])
        .groupBy('h.person_id')
        .execute(),
      hosts
        .innerJoin('feedback as f', 'f.session_id', 's.id')
        .where('f.status', '=', 'answered')
        .select(['h.person_id', (eb) => eb.fn.avg('f.rating').as('rating')])
        .groupBy('h.person_id')
        .execute(),
    ]);
    const learnerCount = new Map(learnersOf.map((l) => [l.person_id, num(l.n)]));
    const rating = new Map(ratings.map((r) => [r.person_id, numOrNull(r.rating)]));
    return sessions.map((h) => ({
      id: h.person_id,
      name: h.name,
      title: h.title,
      team: h.team,
      sessions: num(h.n),
      learners: learnerCount.get(h.person_id) ?? 0,
      averageRating: rating.get(h.person_id) ?? null,
    }));
  },

  /** Every channel (or the filtered one): sessions offered, seats and people still waitlisted, wishes. */
  async channelFigures(db: Executor, scope: AnalyticsScope, bounds: Bounds) {
    let channels = db.selectFrom('channels').select(['id', 'slug', 'name']).orderBy('name');
    if (scope.channel !== undefined) channels = channels.where('slug', '=', scope.channel);
    const [list, offered, registrations, wishes] = await Promise.all([
      channels.execute(),
      db
        .selectFrom('workshop_channels as wc')
        .innerJoin('sessions as s', 's.workshop_id', 'wc.workshop_id')
        .where('s.id', 'in', periodSessions(db, scope, bounds, { offered: true, counted: true }))
        .select(['wc.channel_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('wc.channel_id')
        .execute(),
      heldRegistrations(db, scope, bounds)
        .innerJoin('workshop_channels as wc', 'wc.workshop_id', 's.workshop_id')
        .select(['wc.channel_id', seatsFilled.as('seats'), waitlisted.as('waitlisted')])
        .groupBy('wc.channel_id')
        .execute(),
      periodWishes(db, scope, bounds)
        .innerJoin('workshop_channels as wc', 'wc.workshop_id', 'wi.workshop_id')
        .select(['wc.channel_id', (eb) => eb.fn.countAll().as('n')])
        .groupBy('wc.channel_id')
        .execute(),
    ]);
    const offeredBy = new Map(offered.map((o) => [o.channel_id, num(o.n)]));
    const seatsBy = new Map(registrations.map((r) => [r.channel_id, r]));
    const wishesBy = new Map(wishes.map((w) => [w.channel_id, num(w.n)]));
    return list.map((c) => ({
      channelId: c.id,
      slug: c.slug,
      name: c.name,
      sessionsOffered: offeredBy.get(c.id) ?? 0,
      seatsFilled: num(seatsBy.get(c.id)?.seats),
      waitlisted: num(seatsBy.get(c.id)?.waitlisted),
      wishes: wishesBy.get(c.id) ?? 0,
    }));
  },

  /** Open requests made in the period (by the filtered people): their words, to match to channels. */
  async openRequests(db: Executor, scope: AnalyticsScope, bounds: Bounds): Promise<{ title: string; description: string }[]> {
    let query = db
      .selectFrom('workshop_requests as wr')
      .select(['wr.title', 'wr.description'])
      .where('wr.status', '=', 'open')
      .where('wr.created_at', '>=', bounds.start)
      .where('wr.created_at', '<', bounds.end);
    const people = filteredPeople(db, scope);
    if (people) query = query.where('wr.author_id', 'in', people);
    return query.execute();
  },
};
