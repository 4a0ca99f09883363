import { sql } from 'kysely';
import type { Executor } from '../../platform/transaction.js';

const updated = (result: { numUpdatedRows: bigint }) => Number(result.numUpdatedRows) > 0;

/** One person's answer as the hosts' summary counts it (no person, no name). */
export interface RoundAnswerRow {
  status: 'open' | 'answered' | 'declined';
  rating: number | null;
  usefulness: number | null;
  will_apply: number | null;
  worked: string | null;
  improve: string | null;
}

/**
 * What the feedback job sweeps, a batch at a time: asks to remind, rounds to close, follow-ups due.
 * Each unit is claimed with a conditional UPDATE, so instances running the job at once never both
 * send it: only the one whose UPDATE changed the row tells anyone.
 */
export const roundsRepository = {
  /** Open asks made at or before `askedBy`, never reminded, whose window is still open at `now`; oldest first. */
  remindersDue(db: Executor, askedBy: string, now: string, limit: number) {
    return (
      db
        .selectFrom('feedback')
        .select(['id', 'session_id', 'person_id', 'closes_at'])
        // A literal, so the partial index of open, unreminded asks by closing time applies
        // (migration 20261204T0600): the asks still open are few next to all ever made.
        .where('status', '=', sql.lit('open'))
        .where('reminded_at', 'is', null)
        .where('asked_at', '<=', askedBy)
        .where('closes_at', '>', now)
        .orderBy('asked_at')
        .limit(limit)
        .execute()
    );
  },

  /** false when the ask was reminded (by another instance) or answered since it was read. */
  async claimReminder(db: Executor, feedbackId: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('feedback')
      .set({ reminded_at: now })
      .where('id', '=', feedbackId)
      .where('status', '=', 'open')
      .where('reminded_at', 'is', null)
      .executeTakeFirst();
    return updated(result);
  },

  /** Rounds whose window closed by `now` and whose hosts have not had the summary; oldest first. */
  roundsToClose(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('feedback_rounds')
      .select(['session_id', 'workshop_id', 'closes_at'])
      .where('summary_sent_at', 'is', null)
      .where('closes_at', '<=', now)
      .orderBy('closes_at')
      .limit(limit)
      .execute();
  },

  /** false when another instance closed it first. */
  async claimSummary(db: Executor, sessionId: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('feedback_rounds')
      .set({ summary_sent_at: now })
      .where('session_id', '=', sessionId)
      .where('summary_sent_at', 'is', null)
      .executeTakeFirst();
    return updated(result);
  },

  /** Every ask of the session with its answer; who gave it is not read. */
  answersOf(db: Executor, sessionId: string): Promise<RoundAnswerRow[]> {
    return db
      .selectFrom('feedback')
      .select(['status', 'rating', 'usefulness', 'will_apply', 'worked', 'improve'])
      .where('session_id', '=', sessionId)
      .orderBy('answered_at')
      .orderBy('id')
      .execute();
  },

  /** The workshop's owner and co-hosts. */
  async hostsOf(db: Executor, workshopId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('workshop_hosts')
      .select('person_id')
      .where('workshop_id', '=', workshopId)
      .orderBy('added_at')
      .execute();
    return rows.map((r) => r.person_id);
  },

  /**
   * Follow-ups due by `now`, not sent, whose feedback still says "I plan to apply it" (an
   * answer changed since is not followed up); oldest first.
   */
  followUpsDue(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('feedback_follow_ups as fu')
      .innerJoin('feedback as f', 'f.id', 'fu.feedback_id')
      .select(['fu.id', 'fu.session_id', 'fu.person_id'])
      .where('fu.sent_at', 'is', null)
      .where('fu.due_at', '<=', now)
      .where('f.status', '=', 'answered')
      .where('f.will_apply', '=', 1)
      .orderBy('fu.due_at')
      .limit(limit)
      .execute();
  },

  /** false when another instance sent it first. */
  async claimFollowUp(db: Executor, followUpId: string, now: string): Promise<boolean> {
    const result = await db
      .updateTable('feedback_follow_ups')
      .set({ sent_at: now })
      .where('id', '=', followUpId)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    return updated(result);
  },
};
