import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { WorkshopRequestsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type RequestRow = Selectable<WorkshopRequestsTable> & {
  author_name: string;
  author_title: string | null;
  claimer_name: string | null;
  claimer_title: string | null;
  workshop_title: string | null;
};

function withNames(db: Executor) {
  return db
    .selectFrom('workshop_requests as r')
    .innerJoin('people as a', 'a.id', 'r.author_id')
    .leftJoin('people as c', 'c.id', 'r.claimed_by')
    .leftJoin('workshops as w', 'w.id', 'r.workshop_id')
    .selectAll('r')
    .select([
      'a.name as author_name',
      'a.title as author_title',
      'c.name as claimer_name',
      'c.title as claimer_title',
      'w.title as workshop_title',
    ]);
}

/** "I'd like a workshop on …": requests, their votes, who claimed them and what answered them. */
export const requestsRepository = {
  findById(db: Executor, id: string): Promise<RequestRow | undefined> {
    return withNames(db).where('r.id', '=', id).executeTakeFirst() as Promise<RequestRow | undefined>;
  },

  /** Most votes first, keyset-paged on (votes desc, id). */
  list(db: Executor, f: { status?: WorkshopRequestsTable['status']; after?: [number, string]; limit: number }): Promise<RequestRow[]> {
    let query = withNames(db).orderBy('r.votes', 'desc').orderBy('r.id').limit(f.limit);
    if (f.status) query = query.where('r.status', '=', f.status);
    if (f.after) {
      const [votes, id] = f.after;
      query = query.where((eb) => eb.or([eb('r.votes', '<', votes), eb.and([eb('r.votes', '=', votes), eb('r.id', '>', id)])]));
    }
    return query.execute() as Promise<RequestRow[]>;
  },

  insert(db: Executor, row: Insertable<WorkshopRequestsTable>) {
    return db.insertInto('workshop_requests').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<WorkshopRequestsTable>) {
    return db.updateTable('workshop_requests').set(changes).where('id', '=', id).execute();
  },

  /** Adds or removes a vote; the counter moves only when the vote row did, in the same transaction. */
  async vote(db: Executor, requestId: string, personId: string, on: boolean, at: string): Promise<void> {
    if (on) {
      const inserted = await db
        .insertInto('request_votes')
        .values({ request_id: requestId, person_id: personId, created_at: at })
        .onConflict((oc) => oc.columns(['request_id', 'person_id']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
        await db.updateTable('workshop_requests').set({ votes: sql`votes + 1` }).where('id', '=', requestId).execute();
      }
    } else {
      const deleted = await db
        .deleteFrom('request_votes')
        .where('request_id', '=', requestId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      if (Number(deleted.numDeletedRows) > 0) {
        await db.updateTable('workshop_requests').set({ votes: sql`votes - 1` }).where('id', '=', requestId).execute();
      }
    }
  },

  async votedBy(db: Executor, personId: string, requestIds: string[]): Promise<Set<string>> {
    if (requestIds.length === 0) return new Set();
    const rows = await db
      .selectFrom('request_votes')
      .select('request_id')
      .where('person_id', '=', personId)
      .where('request_id', 'in', requestIds)
      .execute();
    return new Set(rows.map((r) => r.request_id));
  },
};
