import type { Insertable, Selectable } from 'kysely';
import type { FeedbackQuestionsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type QuestionRow = Selectable<FeedbackQuestionsTable>;

/** The up to three questions a workshop's hosts add to its feedback form. */
export const questionsRepository = {
  list(db: Executor, workshopId: string): Promise<QuestionRow[]> {
    return db.selectFrom('feedback_questions').selectAll().where('workshop_id', '=', workshopId).orderBy('position').execute();
  },

  /** Replaces the workshop's questions; answers given to a removed question stay in the answers but are no longer shown. */
  async replace(db: Executor, workshopId: string, rows: Insertable<FeedbackQuestionsTable>[]): Promise<void> {
    await db.deleteFrom('feedback_questions').where('workshop_id', '=', workshopId).execute();
    if (rows.length > 0) await db.insertInto('feedback_questions').values(rows).execute();
  },
};
