import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../platform/transaction.js';
import type { Window } from './analytics.policy.js';
import { type LearnerParts, learnerParts } from './learner-windows.js';
import { filteredPeople, type ScopeFilters } from './tables.scope.js';

/**
 * Distinct learners (people who attended a held session) per window, from the rollups that
 * migration 20261202T1500 keeps: learner_months for whole months, learning_days for the other
 * days, today's registrations for today. For the person filters only (a workshop filter needs the
 * sessions, which the rollups do not keep: the overview asks registrations then).
 */

const n = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

/** Whether any of the months' bits is set (masks are generated numbers, never input). */
const anyMonth = (months: LearnerParts['months']) =>
  sql<SqlBool>`(${sql.join(
    months.map((m) => sql`(lm.block = ${sql.lit(m.block)} and (lm.mask & ${sql.raw(m.mask)}) <> 0)`),
    sql` or `,
  )})`;

/** One part of a window: a person per row (possibly the same person on several rows). */
type PersonRows = SelectQueryBuilder<any, any, { person_id: string }>;

export const learnersRepository = {
  async counts(db: Executor, scope: ScopeFilters, windows: { key: string; window: Window }[], now: string): Promise<Map<string, number>> {
    const people = filteredPeople(db, scope);
    const counts = new Map<string, number>();
    const planned = windows.map((w) => ({ key: w.key, parts: learnerParts(w.window, now) }));

    // Windows that are one whole month (the series' months): counted together in one pass.
    const single = planned.filter((p) => p.parts.days.length === 0 && p.parts.today === null && p.parts.months.length <= 1);
    const monthly = single.filter((p) => p.parts.months.length === 1);
    for (const p of single) counts.set(p.key, 0);
    if (monthly.length > 0) {
      let query = db
        .selectFrom('learner_months as lm')
        .select(monthly.map((p, i) => sql<number>`sum(case when ${anyMonth(p.parts.months)} then 1 else 0 end)`.as(`k${i}`)));
      if (people) query = query.where('lm.person_id', 'in', people);
      const row = (await query.executeTakeFirst()) as Record<string, unknown> | undefined;
      for (const [i, p] of monthly.entries()) counts.set(p.key, n(row?.[`k${i}`]));
    }

    // The others: the distinct people of their parts together.
    for (const p of planned.filter((q) => !single.includes(q))) {
      const { months, days, today } = p.parts;
      const parts: PersonRows[] = [];
      if (months.length > 0) {
        let q = db.selectFrom('learner_months as lm').select('lm.person_id').where(anyMonth(months));
        if (people) q = q.where('lm.person_id', 'in', people);
        parts.push(q);
      }
      // One part per day range: a range with a person filter is a seek per person (an OR of ranges is not).
      for (const d of days) {
        let q = db.selectFrom('learning_days as ld').select('ld.person_id').where('ld.day', '>=', d.from).where('ld.day', '<', d.to);
        if (people) q = q.where('ld.person_id', 'in', people);
        parts.push(q);
      }
      if (today) {
        // Today's few sessions first (CROSS JOIN keeps that order on SQLite), then their attendees.
        let q = db
          .selectFrom('sessions as s')
          .crossJoin('registrations as r')
          .whereRef('r.session_id', '=', 's.id')
          .select('r.person_id')
          .where('s.status', '=', 'scheduled')
          .where('s.starts_at', '>=', today.start)
          .where('s.starts_at', '<', today.end)
          .where('r.status', '=', 'attended');
        // By session, then person: `|| ''` keeps SQLite from seeking each of thousands of people in each of today's sessions.
        if (people) q = q.where(sql<string>`r.person_id || ''`, 'in', people);
        parts.push(q);
      }
      const [first, ...rest] = parts;
      if (!first) {
        counts.set(p.key, 0);
        continue;
      }
      const all = rest.reduce((union, part) => union.unionAll(part), first);
      // select distinct, then count: PostgreSQL hashes it (count(distinct …) sorts).
      const row = await db
        .selectFrom(db.selectFrom(all.as('u')).select('u.person_id').distinct().as('d'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      counts.set(p.key, n(row?.n));
    }
    return counts;
  },
};
