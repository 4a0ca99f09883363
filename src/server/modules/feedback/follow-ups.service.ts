import type { FollowUp } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidState, notFound } from '../../platform/errors.js';
import { nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import type { followUpsRepository, MyFollowUpRow } from './follow-ups.repository.js';

type Applied = NonNullable<FollowUp['applied']>;

/**
 * The learner's side of the follow-up: the ones sent to them and their answer ("Have you applied
 * it?"). A follow-up is its person's alone: for anyone else it does not exist (404).
 */
export class FollowUpsService {
  constructor(
    private readonly tx: Transactor,
    private readonly followUps: typeof followUpsRepository,
  ) {}

  async mine(actor: Actor, query: { cursor?: string; limit: number }) {
    const after = decodeCursor(query.cursor, ['time', 'text']);
    const rows = await this.followUps.mine(this.tx.executor, actor.id, {
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.sent_at as string, r.id]);
    return { items: page.items.map(presentFollowUp), nextCursor: page.nextCursor };
  }

  /** Answering again replaces the answer; a follow-up not sent yet cannot be answered (409). */
  async answer(actor: Actor, id: string, body: { applied: Applied; example?: string }): Promise<FollowUp> {
    return this.tx.transaction(async (trx) => {
      const row = await this.followUps.find(trx, id);
      if (!row || row.person_id !== actor.id) throw notFound('Follow-up');
      if (row.sent_at === null) throw invalidState('This follow-up is not due yet: it comes some weeks after the session.');
      const changes = { applied: body.applied, example: body.example?.trim() ? body.example.trim() : null, answered_at: nowIso() };
      await this.followUps.update(trx, id, changes);
      return presentFollowUp({ ...row, ...changes });
    });
  }
}

function presentFollowUp(row: MyFollowUpRow): FollowUp {
  return {
    id: row.id,
    sessionId: row.session_id,
    workshopId: row.workshop_id,
    title: row.title,
    endedAt: row.ended_at,
    sentAt: row.sent_at as string,
    applied: row.applied,
    example: row.example,
    answeredAt: row.answered_at,
  };
}
