import type { Selectable, Updateable } from 'kysely';
import type { FeedbackFollowUpsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type FollowUpRow = Selectable<FeedbackFollowUpsTable>;

/** A follow-up with the session it is about, as its person sees it. */
export interface MyFollowUpRow extends FollowUpRow {
  workshop_id: string;
  title: string;
  ended_at: string;
}

const withSession = (db: Executor) =>
  db
    .selectFrom('feedback_follow_ups as fu')
    .innerJoin('sessions as s', 's.id', 'fu.session_id')
    .innerJoin('workshops as w', 'w.id', 's.workshop_id')
    .selectAll('fu')
    .select(['s.workshop_id', 'w.title', 's.ends_at as ended_at']);

/** "Have you applied it?": the follow-ups sent to a person, and their answers. SQL only. */
export const followUpsRepository = {
  /** The person's follow-ups already sent, latest first; `after` is the cursor (sent_at, id). */
  mine(db: Executor, personId: string, options: { after?: [string, string]; limit: number }): Promise<MyFollowUpRow[]> {
    let query = withSession(db).where('fu.person_id', '=', personId).where('fu.sent_at', 'is not', null);
    if (options.after) {
      const [sentAt, id] = options.after;
      query = query.where((eb) => eb.or([eb('fu.sent_at', '<', sentAt), eb.and([eb('fu.sent_at', '=', sentAt), eb('fu.id', '<', id)])]));
    }
    return query.orderBy('fu.sent_at', 'desc').orderBy('fu.id', 'desc').limit(options.limit).execute();
  },

  find(db: Executor, id: string): Promise<MyFollowUpRow | undefined> {
    return withSession(db).where('fu.id', '=', id).executeTakeFirst();
  },

  async update(db: Executor, id: string, changes: Updateable<FeedbackFollowUpsTable>): Promise<void> {
    await db.updateTable('feedback_follow_ups').set(changes).where('id', '=', id).execute();
  },
};
