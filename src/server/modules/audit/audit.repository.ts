import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type AuditRow = Selectable<AuditLogTable>;

/** What an admin looks for, as instants: [start, end). */
export interface AuditSearch {
  actorId?: string | undefined;
  /** An exact action, or a prefix ending in a dot. */
  action?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
}

export const auditRepository = {
  /** Newest first by (at, id), after the keyset `before` (the last entry of the previous page). */
  page(db: Executor, search: AuditSearch, before: [string, string] | undefined, limit: number): Promise<AuditRow[]> {
    let query = db.selectFrom('audit_log').selectAll();
    if (search.actorId !== undefined) query = query.where('actor_id', '=', search.actorId);
    const action = search.action;
    if (action?.endsWith('.')) {
      // substr rather than LIKE: `_` in action names would be a LIKE wildcard.
      query = query.where((eb) => eb(eb.fn<string>('substr', ['action', eb.lit(1), eb.lit(action.length)]), '=', action));
    } else if (action !== undefined) query = query.where('action', '=', action);
    if (search.start !== undefined) query = query.where('at', '>=', search.start);
    if (search.end !== undefined) query = query.where('at', '<', search.end);
    if (before) {
      const [at, id] = before;
      query = query.where('at', '<=', at).where((eb) => eb.or([eb('at', '<', at), eb('id', '<', id)]));
    }
    return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  /** Entries older than `before`, at most `limit` of them (the retention sweep works in slices). */
  async purge(db: Executor, before: string, limit: number): Promise<number> {
    const old = db.selectFrom('audit_log').select('id').where('at', '<', before).limit(limit);
    const result = await db.deleteFrom('audit_log').where('id', 'in', old).executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};
