import type { Insertable, Selectable, Updateable } from 'kysely';
import type { SessionsTable } from '../../db/schema.js';
import { prepared } from '../../platform/prepared.js';
import type { Executor } from '../../platform/transaction.js';

export type SessionRow = Selectable<SessionsTable>;

const sessionById = prepared((db, id: string) => db.selectFrom('sessions').selectAll().where('id', '=', id));

export const sessionsRepository = {
  findById(db: Executor, id: string): Promise<SessionRow | undefined> {
    return sessionById(db, id).then(([row]) => row);
  },

  insertMany(db: Executor, rows: Insertable<SessionsTable>[]) {
    return db.insertInto('sessions').values(rows).execute();
  },

  update(db: Executor, id: string, changes: Updateable<SessionsTable>) {
    return db.updateTable('sessions').set(changes).where('id', '=', id).execute();
  },

  delete(db: Executor, id: string) {
    return db.deleteFrom('sessions').where('id', '=', id).execute();
  },

  /** A workshop's sessions in start order (upcoming: not yet ended; past: ended), keyset-paged. */
  listForWorkshop(
    db: Executor,
    opts: { workshopId: string; when: 'upcoming' | 'past' | 'all'; now: string; after?: [string, string]; limit: number },
  ): Promise<SessionRow[]> {
    let query = db.selectFrom('sessions').selectAll().where('workshop_id', '=', opts.workshopId);
    if (opts.when === 'upcoming') query = query.where('ends_at', '>', opts.now);
    if (opts.when === 'past') query = query.where('ends_at', '<=', opts.now);
    const descending = opts.when === 'past';
    if (opts.after) {
      const [startsAt, id] = opts.after;
      const op = descending ? '<' : '>';
      query = query.where((eb) => eb.or([eb('starts_at', op, startsAt), eb.and([eb('starts_at', '=', startsAt), eb('id', op, id)])]));
    }
    const dir = descending ? 'desc' : 'asc';
    return query.orderBy('starts_at', dir).orderBy('id', dir).limit(opts.limit).execute();
  },
};
