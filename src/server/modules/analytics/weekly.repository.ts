import { sql } from 'kysely';
import type { Executor } from '../../platform/transaction.js';
import { type AnalyticsScope, type Bounds, periodSessions, sessionHours } from './tables.scope.js';

export interface WeekFigures {
  sessionsHeld: number;
  learners: number;
  learningHours: number;
  averageRating: number | null;
  unmetDemand: number;
}

const num = (value: unknown) => (value === null || value === undefined ? 0 : Number(value));

/** The weekly summary's figures and recipients, counted as the dashboard counts (no filters). */
export const weeklyRepository = {
  async figures(db: Executor, bounds: Bounds): Promise<WeekFigures> {
    const scope: AnalyticsScope = { from: bounds.start.slice(0, 10), to: bounds.end.slice(0, 10) };
    const held = periodSessions(db, scope, bounds);
    const [sessions, registrations, rating, wishes, requests] = await Promise.all([
      db
        .selectFrom('sessions as s')
        .where('s.id', 'in', held)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
      db
        .selectFrom('registrations as r')
        .innerJoin('sessions as s', 's.id', 'r.session_id')
        .where('r.session_id', 'in', held)
        .select([
          sql<number>`count(distinct case when r.status = 'attended' then r.person_id end)`.as('learners'),
          sql<number>`sum(case when r.status = 'attended' then ${sessionHours(db)} else 0 end)`.as('hours'),
          sql<number>`sum(case when r.status = 'waitlisted' then 1 else 0 end)`.as('waited'),
        ])
        .executeTakeFirst(),
      db
        .selectFrom('feedback as f')
        .where('f.session_id', 'in', held)
        .where('f.status', '=', 'answered')
        .select((eb) => eb.fn.avg('f.rating').as('rating'))
        .executeTakeFirst(),
      db
        .selectFrom('workshop_interest')
        .where('created_at', '>=', bounds.start)
        .where('created_at', '<', bounds.end)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
      db
        .selectFrom('workshop_requests')
        .where('status', '=', 'open')
        .where('created_at', '>=', bounds.start)
        .where('created_at', '<', bounds.end)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ]);
    return {
      sessionsHeld: num(sessions?.n),
      learners: num(registrations?.learners),
      learningHours: num(registrations?.hours),
      averageRating: rating?.rating === null || rating?.rating === undefined ? null : Number(rating.rating),
      unmetDemand: num(registrations?.waited) + num(wishes?.n) + num(requests?.n),
    };
  },

  /** Admins who chose a channel (email or Slack) for the weekly summary: it is opt-in. */
  async optedInAdmins(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('notification_preferences as np')
      .innerJoin('people as p', 'p.id', 'np.person_id')
      .select('p.id')
      .where('np.kind', '=', 'education_summary')
      .where('np.channel', 'in', ['email', 'slack'])
      .where('p.role', '=', 'admin')
      .orderBy('p.id')
      .execute();
    return rows.map((r) => r.id);
  },
};
