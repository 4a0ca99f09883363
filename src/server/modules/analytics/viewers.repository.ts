import type { Executor } from '../../platform/transaction.js';

/** People the admins shared the dashboard with, read-only (dashboard_viewers). */
export const viewersRepository = {
  async list(db: Executor): Promise<{ id: string; name: string; title: string | null }[]> {
    return db
      .selectFrom('dashboard_viewers as v')
      .innerJoin('people as p', 'p.id', 'v.person_id')
      .select(['p.id', 'p.name', 'p.title'])
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
  },

  /** Which of these ids are people. */
  async existing(db: Executor, personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await db.selectFrom('people').select('id').where('id', 'in', personIds).execute();
    return new Set(rows.map((r) => r.id));
  },

  /** The list becomes exactly `personIds`; those already on it keep when and by whom they were added. */
  async replace(db: Executor, personIds: string[], by: string, at: string): Promise<void> {
    let removed = db.deleteFrom('dashboard_viewers');
    if (personIds.length > 0) removed = removed.where('person_id', 'not in', personIds);
    await removed.execute();
    if (personIds.length === 0) return;
    await db
      .insertInto('dashboard_viewers')
      .values(personIds.map((id) => ({ person_id: id, added_by: by, added_at: at })))
      .onConflict((oc) => oc.column('person_id').doNothing())
      .execute();
  },
};
