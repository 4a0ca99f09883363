import type { FeedbackQuestion } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Transactor } from '../../platform/transaction.js';
import type { QuestionRow, questionsRepository } from './questions.repository.js';

export interface QuestionInput {
  id?: string;
  kind: FeedbackQuestion['kind'];
  prompt: string;
}

const present = (rows: QuestionRow[]) => ({ items: rows.map((q): FeedbackQuestion => ({ id: q.id, kind: q.kind, prompt: q.prompt })) });

/** The up to three questions a workshop's hosts add to its feedback form. */
export class FeedbackQuestionsService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly questions: typeof questionsRepository,
  ) {}

  /** Whoever sees the workshop sees its questions (they are on the form). */
  async list(actor: Actor, workshopId: string): Promise<{ items: FeedbackQuestion[] }> {
    const db = this.tx.executor;
    await this.access.workshop(db, actor, 'workshop.view', workshopId);
    return present(await this.questions.list(db, workshopId));
  }

  /**
   * Replaces the questions, in the order given. A question given with its id keeps it, so its
   * earlier answers stay with it in the summary; one without an id is new. An id that is not one of
   * this workshop's questions is refused (400, naming the field) rather than silently made new.
   */
  async replace(actor: Actor, workshopId: string, input: QuestionInput[]): Promise<{ items: FeedbackQuestion[] }> {
    await this.access.workshop(this.tx.executor, actor, 'workshop.edit', workshopId);
    return this.tx.transaction(async (trx) => {
      const existing = new Map((await this.questions.list(trx, workshopId)).map((q) => [q.id, q]));
      const seen = new Set<string>();
      const now = nowIso();
      const rows = input.map((q, position): QuestionRow => {
        if (q.id !== undefined) {
          const field = `questions.${position}.id`;
          if (!existing.has(q.id)) throw invalidField(field, "This is not one of the workshop's questions (any more); reload them.");
          if (seen.has(q.id)) throw invalidField(field, 'The same question is given twice.');
          seen.add(q.id);
        }
        const kept = q.id === undefined ? undefined : existing.get(q.id);
        return {
          id: kept?.id ?? newId(),
          workshop_id: workshopId,
          position,
          kind: q.kind,
          prompt: q.prompt,
          created_at: kept?.created_at ?? now,
          updated_at: now,
        };
      });
      await this.questions.replace(trx, workshopId, rows);
      return present(rows);
    });
  }
}
