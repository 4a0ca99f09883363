import type { Insertable, Selectable, Updateable } from 'kysely';
import type { PeopleTable } from '../../db/schema.js';
import { containsIgnoringCase } from '../../platform/text-search.js';
import type { Executor } from '../../platform/transaction.js';

export type PersonRow = Selectable<PeopleTable>;
export type PersonWithManager = PersonRow & { manager_name: string | null; manager_title: string | null };

function withManager(db: Executor) {
  return db
    .selectFrom('people as p')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .selectAll('p')
    .select(['m.name as manager_name', 'm.title as manager_title']);
}

export const peopleRepository = {
  findById(db: Executor, id: string): Promise<PersonWithManager | undefined> {
    return withManager(db).where('p.id', '=', id).executeTakeFirst();
  },

  findByEmail(db: Executor, email: string): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  },

  /** People ordered by name, keyset-paged on (name, id); q matches name, email, team or title. */
  list(db: Executor, opts: { q?: string; after?: [string, string]; limit: number }): Promise<PersonWithManager[]> {
    let query = withManager(db);
    if (opts.q) {
      const q = opts.q;
      query = query.where((eb) => eb.or(['p.name', 'p.email', 'p.team', 'p.title'].map((column) => containsIgnoringCase(column, q))));
    }
    if (opts.after) {
      const [name, id] = opts.after;
      query = query.where((eb) => eb.or([eb('p.name', '>', name), eb.and([eb('p.name', '=', name), eb('p.id', '>', id)])]));
    }
    return query.orderBy('p.name').orderBy('p.id').limit(opts.limit).execute();
  },

  insert(db: Executor, row: Insertable<PeopleTable>): Promise<unknown> {
    return db.insertInto('people').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<PeopleTable>): Promise<unknown> {
    return db.updateTable('people').set(changes).where('id', '=', id).execute();
  },

  count(db: Executor): Promise<number> {
    return db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
};
