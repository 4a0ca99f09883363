import type { WorkshopRequest } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { canAnswer } from './requests.policy.js';
import type { RequestRow, requestsRepository } from './requests.repository.js';

function present(row: RequestRow, voted: boolean): WorkshopRequest {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    author: { id: row.author_id, name: row.author_name, title: row.author_title },
    status: row.status,
    votes: Number(row.votes),
    voted,
    claimedBy: row.claimed_by ? { id: row.claimed_by, name: row.claimer_name ?? '', title: row.claimer_title } : null,
    workshop: row.workshop_id ? { id: row.workshop_id, title: row.workshop_title ?? '' } : null,
    createdAt: row.created_at,
  };
}

/** Anyone asks for a workshop, others upvote, a host claims it and links the workshop that answers it. */
export class RequestsService {
  constructor(
    private readonly tx: Transactor,
    private readonly requests: typeof requestsRepository,
    private readonly access: AccessChecker,
  ) {}

  private async one(db: Executor, actor: Actor, id: string): Promise<WorkshopRequest> {
    const row = await this.requests.findById(db, id);
    if (!row) throw notFound('Request');
    return present(row, (await this.requests.votedBy(db, actor.id, [id])).has(id));
  }

  async list(actor: Actor, query: { status?: RequestRow['status']; cursor?: string; limit: number }) {
    const db = this.tx.executor;
    const after = decodeCursor(query.cursor, ['text', 'text']);
    const rows = await this.requests.list(db, {
      status: query.status,
      after: after ? [Number(after[0]), after[1] as string] : undefined,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [String(r.votes), r.id]);
    const voted = await this.requests.votedBy(
      db,
      actor.id,
      page.items.map((r) => r.id),
    );
    return { items: page.items.map((r) => present(r, voted.has(r.id))), nextCursor: page.nextCursor };
  }

  /** The author's own vote comes with the request. */
  async create(actor: Actor, input: { title: string; description: string }): Promise<WorkshopRequest> {
    const id = newId();
    await this.tx.transaction(async (trx) => {
      const now = nowIso();
      await this.requests.insert(trx, {
        id,
        title: input.title,
        description: input.description,
        author_id: actor.id,
        status: 'open',
        claimed_by: null,
        workshop_id: null,
        created_at: now,
        updated_at: now,
      });
      await this.requests.vote(trx, id, actor.id, true, now);
    });
    return this.one(this.tx.executor, actor, id);
  }

  async vote(actor: Actor, id: string, on: boolean): Promise<WorkshopRequest> {
    await this.tx.transaction(async (trx) => {
      if (!(await this.requests.findById(trx, id))) throw notFound('Request');
      await this.requests.vote(trx, id, actor.id, on, nowIso());
    });
    return this.one(this.tx.executor, actor, id);
  }

  /** A future host says "I'll do it"; someone else's claim stands until it is answered. */
  async claim(actor: Actor, id: string): Promise<WorkshopRequest> {
    await this.tx.transaction(async (trx) => {
      const row = await this.requests.findById(trx, id);
      if (!row) throw notFound('Request');
      if (row.status === 'answered') throw new AppError('invalid_state', 'This request is answered already.');
      if (row.claimed_by && row.claimed_by !== actor.id) throw new AppError('invalid_state', `${row.claimer_name} is already on it.`);
      await this.requests.update(trx, id, { status: 'claimed', claimed_by: actor.id, updated_at: nowIso() });
    });
    return this.one(this.tx.executor, actor, id);
  }

  /** Links the workshop that answers the request: its claimer (or an admin), hosting that workshop. */
  async answer(actor: Actor, id: string, workshopId: string): Promise<WorkshopRequest> {
    await this.tx.transaction(async (trx) => {
      const row = await this.requests.findById(trx, id);
      if (!row) throw notFound('Request');
      if (!canAnswer(actor, { claimedBy: row.claimed_by })) throw forbidden('Claim the request first, then link your workshop.');
      await this.access.workshop(trx, actor, 'workshop.edit', workshopId, 'Only the hosts of this workshop (and admins) can change it.');
      await this.requests.update(trx, id, {
        status: 'answered',
        workshop_id: workshopId,
        claimed_by: row.claimed_by ?? actor.id,
        updated_at: nowIso(),
      });
    });
    return this.one(this.tx.executor, actor, id);
  }
}
