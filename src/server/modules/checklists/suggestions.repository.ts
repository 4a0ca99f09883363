import type { Insertable, Selectable, Updateable } from 'kysely';
import type { ChecklistSuggestionsTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type SuggestionRow = Selectable<ChecklistSuggestionsTable> & { author_name: string; template_name: string };

function withNames(db: Executor) {
  return db
    .selectFrom('checklist_suggestions as s')
    .innerJoin('people as p', 'p.id', 's.author_id')
    .innerJoin('checklist_templates as t', 't.id', 's.template_id')
    .selectAll('s')
    .select(['p.name as author_name', 't.name as template_name']);
}

export const suggestionsRepository = {
  findById(db: Executor, id: string): Promise<SuggestionRow | undefined> {
    return withNames(db).where('s.id', '=', id).executeTakeFirst();
  },

  /** Newest first, keyset-paged on (created_at, id). */
  list(
    db: Executor,
    f: { authorId?: string; status?: string; templateId?: string; after?: [string, string]; limit: number },
  ): Promise<SuggestionRow[]> {
    let query = withNames(db).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(f.limit);
    if (f.authorId) query = query.where('s.author_id', '=', f.authorId);
    if (f.status) query = query.where('s.status', '=', f.status as SuggestionRow['status']);
    if (f.templateId) query = query.where('s.template_id', '=', f.templateId);
    if (f.after) {
      const [at, id] = f.after;
      query = query.where((eb) => eb.or([eb('s.created_at', '<', at), eb.and([eb('s.created_at', '=', at), eb('s.id', '<', id)])]));
    }
    return query.execute();
  },

  insert(db: Executor, row: Insertable<ChecklistSuggestionsTable>) {
    return db.insertInto('checklist_suggestions').values(row).execute();
  },

  update(db: Executor, id: string, changes: Updateable<ChecklistSuggestionsTable>) {
    return db.updateTable('checklist_suggestions').set(changes).where('id', '=', id).execute();
  },
};
