import { type RawBuilder, sql } from 'kysely';
import { FEEDBACK_PRIVACY_THRESHOLD } from '../../../contracts/index.js';
import type { Executor } from '../../platform/transaction.js';

/** sum(case when … then 1 else 0 end): a count of the rows where `condition` holds, in one pass with the others. */
const countWhen = (condition: RawBuilder<unknown>) => sql<number>`sum(case when ${condition} then 1 else 0 end)`;
/** A nullable text column ordered the same on both databases (SQLite sorts nulls first, PostgreSQL last). */
const text = (column: string) => sql`coalesce(${sql.ref(column)}, '')`;
const is = (column: string, value: string | number) => sql`${sql.ref(column)} = ${sql.lit(value)}`;

/** One run of a workshop (an ended session with a feedback round) and how it was answered. */
export interface RunCounts {
  session_id: string;
  starts_at: string;
  /** People asked, less those who said they did not attend. */
  asked: number;
  responses: number;
  rating_sum: number;
}

/** Counts over the answers of the sessions given: the distributions, NPS groups and "I plan to apply this". */
export interface AnswerCounts {
  rating: number[];
  usefulness: number[];
  promoters: number;
  passives: number;
  detractors: number;
  apply_yes: number;
  apply_no: number;
}

export interface AppliedCounts {
  sent: number;
  answered: number;
  not_yet: number;
  a_little: number;
  a_lot: number;
}

/** A comment with its signer only when the learner signed it (the name is never read otherwise). */
export interface CommentRow {
  worked: string | null;
  improve: string | null;
  starts_at: string;
  signer_id: string | null;
  signer_name: string | null;
  signer_title: string | null;
}

/** One answer as an export has it: no person, no answer time. */
export interface ExportRow {
  starts_at: string;
  rating: number | null;
  usefulness: number | null;
  will_apply: number | null;
  apply_how: string | null;
  nps: number | null;
  worked: string | null;
  improve: string | null;
  answers: string;
}

export interface SessionAverageRow {
  session_id: string;
  workshop_id: string;
  title: string;
  starts_at: string;
  responses: number;
  rating_sum: number;
  usefulness_sum: number;
}

const scale = [1, 2, 3, 4, 5] as const;

/** What hosts and admins read of feedback: aggregates (GROUP BY in the database), comments and exports. SQL only. */
export const summaryRepository = {
  /** Every run of the workshop that has a round, oldest first, with its counts. */
  async runs(db: Executor, workshopId: string): Promise<RunCounts[]> {
    const rows = await db
      .selectFrom('feedback_rounds as fr')
      .innerJoin('sessions as s', 's.id', 'fr.session_id')
      .leftJoin('feedback as f', 'f.session_id', 'fr.session_id')
      .select([
        'fr.session_id',
        's.starts_at',
        countWhen(sql`${sql.ref('f.status')} in ('open', 'answered')`).as('asked'),
        countWhen(is('f.status', 'answered')).as('responses'),
        sql<number>`sum(case when ${is('f.status', 'answered')} then ${sql.ref('f.rating')} else 0 end)`.as('rating_sum'),
      ])
      .where('fr.workshop_id', '=', workshopId)
      .groupBy(['fr.session_id', 's.starts_at'])
      .orderBy('s.starts_at')
      .orderBy('fr.session_id')
      .execute();
    return rows.map((r) => ({ ...r, asked: Number(r.asked), responses: Number(r.responses), rating_sum: Number(r.rating_sum) }));
  },

  async answerCounts(db: Executor, sessionIds: string[]): Promise<AnswerCounts> {
    const row = await db
      .selectFrom('feedback as f')
      .select([
        ...scale.map((n) => countWhen(is('f.rating', n)).as(`r${n}`)),
        ...scale.map((n) => countWhen(is('f.usefulness', n)).as(`u${n}`)),
        countWhen(sql`${sql.ref('f.nps')} >= 9`).as('promoters'),
        countWhen(sql`${sql.ref('f.nps')} between 7 and 8`).as('passives'),
        countWhen(sql`${sql.ref('f.nps')} <= 6`).as('detractors'),
        countWhen(is('f.will_apply', 1)).as('apply_yes'),
        countWhen(is('f.will_apply', 0)).as('apply_no'),
      ])
      .where('f.session_id', 'in', sessionIds)
      .where('f.status', '=', 'answered')
      .executeTakeFirstOrThrow();
    const n = (key: string) => Number((row as Record<string, unknown>)[key] ?? 0);
    return {
      rating: scale.map((i) => n(`r${i}`)),
      usefulness: scale.map((i) => n(`u${i}`)),
      promoters: n('promoters'),
      passives: n('passives'),
      detractors: n('detractors'),
      apply_yes: n('apply_yes'),
      apply_no: n('apply_no'),
    };
  },

  /** The "Have you applied it?" follow-ups sent about these sessions, and their answers. */
  async appliedCounts(db: Executor, sessionIds: string[]): Promise<AppliedCounts> {
    const row = await db
      .selectFrom('feedback_follow_ups as fu')
      .select([
        (eb) => eb.fn.countAll<number>().as('sent'),
        countWhen(sql`${sql.ref('fu.applied')} is not null`).as('answered'),
        countWhen(is('fu.applied', 'not_yet')).as('not_yet'),
        countWhen(is('fu.applied', 'a_little')).as('a_little'),
        countWhen(is('fu.applied', 'a_lot')).as('a_lot'),
      ])
      .where('fu.session_id', 'in', sessionIds)
      .where('fu.sent_at', 'is not', null)
      .executeTakeFirstOrThrow();
    return {
      sent: Number(row.sent),
      answered: Number(row.answered ?? 0),
      not_yet: Number(row.not_yet ?? 0),
      a_little: Number(row.a_little ?? 0),
      a_lot: Number(row.a_lot ?? 0),
    };
  },

  /**
   * Comments of these sessions, latest session first. Within a session they are ordered by their
   * text, never by row id or time: ids follow the order people were asked in (the roster's order).
   */
  comments(db: Executor, sessionIds: string[], limit: number): Promise<CommentRow[]> {
    return db
      .selectFrom('feedback as f')
      .innerJoin('sessions as s', 's.id', 'f.session_id')
      .leftJoin('people as p', (join) => join.onRef('p.id', '=', 'f.person_id').on('f.signed', '=', 1))
      .select(['f.worked', 'f.improve', 's.starts_at', 'p.id as signer_id', 'p.name as signer_name', 'p.title as signer_title'])
      .where('f.session_id', 'in', sessionIds)
      .where('f.status', '=', 'answered')
      .where((eb) => eb.or([eb('f.worked', 'is not', null), eb('f.improve', 'is not', null)]))
      .orderBy('s.starts_at', 'desc')
      .orderBy(text('f.worked'))
      .orderBy(text('f.improve'))
      .limit(limit)
      .execute();
  },

  /** The answers to the hosts' own questions (JSON text), latest session first. */
  hostAnswers(db: Executor, sessionIds: string[]): Promise<{ starts_at: string; answers: string }[]> {
    return (
      db
        .selectFrom('feedback as f')
        .innerJoin('sessions as s', 's.id', 'f.session_id')
        .select(['s.starts_at', 'f.answers'])
        .where('f.session_id', 'in', sessionIds)
        .where('f.status', '=', 'answered')
        .where('f.answers', '<>', '{}')
        .orderBy('s.starts_at', 'desc')
        // By content within a session, like the comments: never in the order people were asked.
        .orderBy('f.answers')
        .execute()
    );
  },

  /** Per-session average ratings across the organisation, of sessions with enough answers to be shown. */
  async sessionAverages(db: Executor): Promise<number[]> {
    const rows = await db
      .selectFrom('feedback')
      .select([(eb) => eb.fn.sum<number>('rating').as('rating_sum'), (eb) => eb.fn.countAll<number>().as('n')])
      .where('status', '=', 'answered')
      .groupBy('session_id')
      .having((eb) => eb.fn.countAll(), '>=', FEEDBACK_PRIVACY_THRESHOLD)
      .execute();
    return rows.map((r) => Number(r.rating_sum) / Number(r.n));
  },

  /** Every answer of these sessions for an export, in an order that tells nothing about who answered when. */
  exportRows(db: Executor, sessionIds: string[]): Promise<ExportRow[]> {
    return db
      .selectFrom('feedback as f')
      .innerJoin('sessions as s', 's.id', 'f.session_id')
      .select(['s.starts_at', 'f.rating', 'f.usefulness', 'f.will_apply', 'f.apply_how', 'f.nps', 'f.worked', 'f.improve', 'f.answers'])
      .where('f.session_id', 'in', sessionIds)
      .where('f.status', '=', 'answered')
      .orderBy('s.starts_at')
      .orderBy('f.rating', 'desc')
      .orderBy('f.usefulness', 'desc')
      .orderBy(text('f.worked'))
      .orderBy(text('f.improve'))
      .execute();
  },

  workshop(db: Executor, workshopId: string): Promise<{ id: string; title: string } | undefined> {
    return db.selectFrom('workshops').select(['id', 'title']).where('id', '=', workshopId).executeTakeFirst();
  },

  /** Sessions that ended in [from, to] with enough answers to be shown, lowest average rating first. */
  async recentSessionAverages(db: Executor, from: string, to: string): Promise<SessionAverageRow[]> {
    const rows = await db
      .selectFrom('feedback as f')
      .innerJoin('sessions as s', 's.id', 'f.session_id')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select([
        'f.session_id',
        's.workshop_id',
        'w.title',
        's.starts_at',
        (eb) => eb.fn.countAll<number>().as('responses'),
        (eb) => eb.fn.sum<number>('f.rating').as('rating_sum'),
        (eb) => eb.fn.sum<number>('f.usefulness').as('usefulness_sum'),
      ])
      .where('f.status', '=', 'answered')
      .where('s.ends_at', '>=', from)
      .where('s.ends_at', '<=', to)
      .groupBy(['f.session_id', 's.workshop_id', 'w.title', 's.starts_at'])
      .having((eb) => eb.fn.countAll(), '>=', FEEDBACK_PRIVACY_THRESHOLD)
      .orderBy(sql`avg(${sql.ref('f.rating')})`)
      .orderBy('s.starts_at', 'desc')
      .orderBy('f.session_id')
      .execute();
    return rows.map((r) => ({
      ...r,
      responses: Number(r.responses),
      rating_sum: Number(r.rating_sum),
      usefulness_sum: Number(r.usefulness_sum),
    }));
  },

  /** Non-empty "what to improve" comments of these sessions, latest session first, without who wrote them. */
  improveComments(
    db: Executor,
    sessionIds: string[],
    limit: number,
  ): Promise<{ session_id: string; workshop_id: string; title: string; improve: string | null; starts_at: string }[]> {
    return db
      .selectFrom('feedback as f')
      .innerJoin('sessions as s', 's.id', 'f.session_id')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select(['f.session_id', 's.workshop_id', 'w.title', 'f.improve', 's.starts_at'])
      .where('f.session_id', 'in', sessionIds)
      .where('f.status', '=', 'answered')
      .where('f.improve', 'is not', null)
      .where('f.improve', '<>', '')
      .orderBy('s.starts_at', 'desc')
      .orderBy('f.improve')
      .limit(limit)
      .execute();
  },
};
