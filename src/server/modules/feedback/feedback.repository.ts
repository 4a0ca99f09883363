import type { Insertable, Selectable, Updateable } from 'kysely';
import type { FeedbackFollowUpsTable, FeedbackRoundsTable, FeedbackTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type FeedbackRow = Selectable<FeedbackTable>;
export type RoundRow = Selectable<FeedbackRoundsTable>;
export type FollowUpRow = Selectable<FeedbackFollowUpsTable>;

/** A session as feedback needs it: when it ended, its workshop's title, whether it was cancelled. */
export interface EndedSession {
  id: string;
  workshop_id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  status: 'scheduled' | 'cancelled';
}

/** One row of "my feedback requests". */
export interface MyRequestRow {
  session_id: string;
  workshop_id: string;
  title: string;
  ended_at: string;
  closes_at: string;
  status: FeedbackRow['status'];
}

/** A learner's own feedback: the rows, the rounds they belong to, the people asked. SQL only. */
export const feedbackRepository = {
  async session(db: Executor, sessionId: string): Promise<EndedSession | undefined> {
    return db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .select(['s.id', 's.workshop_id', 'w.title', 's.starts_at', 's.ends_at', 's.time_zone', 's.status'])
      .where('s.id', '=', sessionId)
      .executeTakeFirst();
  },

  /** Scheduled sessions that ended in [from, to) and have no feedback round yet, oldest first. */
  async endedWithoutRound(db: Executor, from: string, to: string, limit: number): Promise<EndedSession[]> {
    return db
      .selectFrom('sessions as s')
      .innerJoin('workshops as w', 'w.id', 's.workshop_id')
      .leftJoin('feedback_rounds as fr', 'fr.session_id', 's.id')
      .select(['s.id', 's.workshop_id', 'w.title', 's.starts_at', 's.ends_at', 's.time_zone', 's.status'])
      .where('s.status', '=', 'scheduled')
      .where('s.ends_at', '>=', from)
      .where('s.ends_at', '<', to)
      .where('fr.session_id', 'is', null)
      .orderBy('s.ends_at')
      .limit(limit)
      .execute();
  },

  round(db: Executor, sessionId: string): Promise<RoundRow | undefined> {
    return db.selectFrom('feedback_rounds').selectAll().where('session_id', '=', sessionId).executeTakeFirst();
  },

  /** false when another instance (or request) opened it first. */
  async insertRound(db: Executor, row: Insertable<FeedbackRoundsTable>): Promise<boolean> {
    const result = await db
      .insertInto('feedback_rounds')
      .values(row)
      .onConflict((oc) => oc.column('session_id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  /** The registrations of a session with their status: who may be asked (see whoIsAsked). */
  registrationsOf(db: Executor, sessionId: string): Promise<{ id: string; person_id: string; status: string }[]> {
    return db
      .selectFrom('registrations')
      .select(['id', 'person_id', 'status'])
      .where('session_id', '=', sessionId)
      .where('status', 'in', ['enrolled', 'attended', 'no_show'])
      .execute();
  },

  /** The person's seat in a session (its latest registration), if any. */
  registrationOf(db: Executor, sessionId: string, personId: string): Promise<{ id: string; status: string } | undefined> {
    return db
      .selectFrom('registrations')
      .select(['id', 'status'])
      .where('session_id', '=', sessionId)
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
  },

  async anyCheckedIn(db: Executor, sessionId: string): Promise<boolean> {
    const row = await db
      .selectFrom('registrations')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('status', '=', 'attended')
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Inserts the asks that do not exist yet; returns the ones inserted. */
  async insertAsks(db: Executor, rows: Insertable<FeedbackTable>[]): Promise<string[]> {
    const inserted: string[] = [];
    for (const row of rows) {
      const result = await db
        .insertInto('feedback')
        .values(row)
        .onConflict((oc) => oc.columns(['session_id', 'person_id']).doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) inserted.push(row.person_id);
    }
    return inserted;
  },

  find(db: Executor, sessionId: string, personId: string): Promise<FeedbackRow | undefined> {
    return db.selectFrom('feedback').selectAll().where('session_id', '=', sessionId).where('person_id', '=', personId).executeTakeFirst();
  },

  async update(db: Executor, id: string, changes: Updateable<FeedbackTable>): Promise<void> {
    await db.updateTable('feedback').set(changes).where('id', '=', id).execute();
  },

  /** The person's requests, latest session first; `after` is the cursor (closes_at, session id). */
  myRequests(
    db: Executor,
    personId: string,
    options: { after?: [string, string]; limit: number; status?: 'open' | 'answered' | 'declined' | 'closed'; now: string },
  ): Promise<MyRequestRow[]> {
    let query = db
      .selectFrom('feedback as f')
      .innerJoin('feedback_rounds as fr', 'fr.session_id', 'f.session_id')
      .innerJoin('workshops as w', 'w.id', 'f.workshop_id')
      .select(['f.session_id', 'f.workshop_id', 'w.title', 'fr.ended_at', 'f.closes_at', 'f.status'])
      .where('f.person_id', '=', personId);
    if (options.status === 'open') query = query.where('f.status', '=', 'open').where('f.closes_at', '>', options.now);
    if (options.status === 'closed') query = query.where('f.status', '=', 'open').where('f.closes_at', '<=', options.now);
    if (options.status === 'answered' || options.status === 'declined') query = query.where('f.status', '=', options.status);
    if (options.after) {
      const [closes, sessionId] = options.after;
      query = query.where((eb) =>
        eb.or([eb('f.closes_at', '<', closes), eb.and([eb('f.closes_at', '=', closes), eb('f.session_id', '<', sessionId)])]),
      );
    }
    return query.orderBy('f.closes_at', 'desc').orderBy('f.session_id', 'desc').limit(options.limit).execute();
  },

  async followUpOf(db: Executor, feedbackId: string): Promise<FollowUpRow | undefined> {
    return db.selectFrom('feedback_follow_ups').selectAll().where('feedback_id', '=', feedbackId).executeTakeFirst();
  },

  async insertFollowUp(db: Executor, row: Insertable<FeedbackFollowUpsTable>): Promise<void> {
    await db
      .insertInto('feedback_follow_ups')
      .values(row)
      .onConflict((oc) => oc.column('feedback_id').doUpdateSet({ due_at: row.due_at }))
      .execute();
  },

  /** A follow-up not sent yet is dropped when the person no longer plans to apply it. */
  async dropUnsentFollowUp(db: Executor, feedbackId: string): Promise<void> {
    await db.deleteFrom('feedback_follow_ups').where('feedback_id', '=', feedbackId).where('sent_at', 'is', null).execute();
  },
};
