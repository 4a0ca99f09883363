import type { Selectable } from 'kysely';
import type { PeopleTable } from '../../db/schema.js';
import { containsIgnoringCase } from '../../platform/text-search.js';
import type { Executor } from '../../platform/transaction.js';

/** What an erased person is called everywhere they still appear (rosters of the past, figures). */
export const ERASED_NAME = 'Former colleague';

export type AdminPersonRow = Selectable<PeopleTable> & { deactivated_by_name: string | null; deactivated_by_title: string | null };

function withDeactivator(db: Executor) {
  return db
    .selectFrom('people as p')
    .leftJoin('people as d', 'd.id', 'p.deactivated_by')
    .selectAll('p')
    .select(['d.name as deactivated_by_name', 'd.title as deactivated_by_title']);
}

/** A workshop the leaver hosts that still has sessions to come, and who else hosts it. */
export interface HostedWorkshop {
  workshopId: string;
  title: string;
  /** The next session to come: messages about the workshop are written about it. */
  nextSessionId: string;
  /** Other hosts who are still active. */
  coHostIds: string[];
}

/**
 * What leaving touches outside the people table: credentials (browser sessions, API tokens, the
 * calendar feed) and the workshops the leaver hosts.
 */
export const leaversRepository = {
  findById(db: Executor, id: string): Promise<AdminPersonRow | undefined> {
    return withDeactivator(db).where('p.id', '=', id).executeTakeFirst();
  },

  /** Everyone, active or not, by name; q matches name or email. Keyset-paged on (name, id). */
  list(db: Executor, opts: { q?: string; after?: [string, string]; limit: number }): Promise<AdminPersonRow[]> {
    let query = withDeactivator(db);
    if (opts.q) {
      const q = opts.q;
      query = query.where((eb) => eb.or(['p.name', 'p.email'].map((column) => containsIgnoringCase(column, q))));
    }
    if (opts.after) {
      const [name, id] = opts.after;
      query = query.where((eb) => eb.or([eb('p.name', '>', name), eb.and([eb('p.name', '=', name), eb('p.id', '>', id)])]));
    }
    return query.orderBy('p.name').orderBy('p.id').limit(opts.limit).execute();
  },

  /** Marks the person inactive; false when they already were (another admin, or SCIM, got there first). */
  async markInactive(db: Executor, id: string, by: string | null, at: string): Promise<boolean> {
    const result = await db
      .updateTable('people')
      .set({ active: 0, deactivated_at: at, deactivated_by: by, updated_at: at })
      .where('id', '=', id)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Active again; when and by whom they were deactivated is cleared (the audit log keeps it). */
  async markActive(db: Executor, id: string, at: string): Promise<boolean> {
    const result = await db
      .updateTable('people')
      .set({ active: 1, deactivated_at: null, deactivated_by: null, updated_at: at })
      .where('id', '=', id)
      .where('active', '=', 0)
      .where('erased_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  setRole(db: Executor, id: string, role: 'member' | 'admin', at: string) {
    return db.updateTable('people').set({ role, role_source: 'manual', updated_at: at }).where('id', '=', id).execute();
  },

  /** Name, email and profile replaced; the email by an address that cannot receive mail and stays unique. */
  erase(db: Executor, id: string, at: string) {
    return db
      .updateTable('people')
      .set({
        name: ERASED_NAME,
        email: `erased-${id}@invalid`,
        title: null,
        team: null,
        location: null,
        manager_id: null,
        // The identity provider's names for the person are personal data too.
        scim_user_name: null,
        external_id: null,
        erased_at: at,
        updated_at: at,
      })
      .where('id', '=', id)
      .execute();
  },

  /** Signs the person out of every browser at once. */
  endLoginSessions(db: Executor, personId: string) {
    return db.deleteFrom('login_sessions').where('person_id', '=', personId).execute();
  },

  /** Revoked, not deleted: the token list keeps its history until erasure. */
  revokeApiTokens(db: Executor, personId: string, at: string) {
    return db.updateTable('api_tokens').set({ revoked_at: at }).where('person_id', '=', personId).where('revoked_at', 'is', null).execute();
  },

  deleteApiTokens(db: Executor, personId: string) {
    return db.deleteFrom('api_tokens').where('person_id', '=', personId).execute();
  },

  /** The feed address stops answering; a reactivated person makes a new one. */
  deleteCalendarFeed(db: Executor, personId: string) {
    return db.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
  },

  /** Workshops the person hosts with a scheduled session still to come, with their other active hosts. */
  async hostedWithSessionsAhead(db: Executor, personId: string, now: string): Promise<HostedWorkshop[]> {
    const rows = await db
      .selectFrom('workshop_hosts as h')
      .innerJoin('workshops as w', 'w.id', 'h.workshop_id')
      .innerJoin('sessions as s', 's.workshop_id', 'h.workshop_id')
      .select(['w.id as workshop_id', 'w.title', 's.id as session_id', 's.starts_at'])
      .where('h.person_id', '=', personId)
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>', now)
      .orderBy('w.id')
      .orderBy('s.starts_at')
      .execute();
    const next = new Map<string, { title: string; sessionId: string }>();
    for (const row of rows) if (!next.has(row.workshop_id)) next.set(row.workshop_id, { title: row.title, sessionId: row.session_id });
    if (next.size === 0) return [];
    const others = await db
      .selectFrom('workshop_hosts as h')
      .innerJoin('people as p', 'p.id', 'h.person_id')
      .select(['h.workshop_id', 'h.person_id'])
      .where('h.workshop_id', 'in', [...next.keys()])
      .where('h.person_id', '<>', personId)
      .where('p.active', '=', 1)
      .execute();
    return [...next].map(([workshopId, { title, sessionId }]) => ({
      workshopId,
      title,
      nextSessionId: sessionId,
      coHostIds: others.filter((o) => o.workshop_id === workshopId).map((o) => o.person_id),
    }));
  },

  /**
   * For people who left: the workshops they host with a scheduled session to come and no other
   * active host, by person. The People admin page flags them until someone takes them over.
   */
  async withoutHost(db: Executor, personIds: string[], now: string): Promise<Map<string, { id: string; title: string }[]>> {
    const out = new Map<string, { id: string; title: string }[]>();
    if (personIds.length === 0) return out;
    const rows = await db
      .selectFrom('workshop_hosts as h')
      .innerJoin('workshops as w', 'w.id', 'h.workshop_id')
      .select(['h.person_id', 'w.id', 'w.title'])
      .where('h.person_id', 'in', personIds)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('sessions as s')
            .select('s.id')
            .whereRef('s.workshop_id', '=', 'w.id')
            .where('s.status', '=', 'scheduled')
            .where('s.starts_at', '>', now),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('workshop_hosts as o')
              .innerJoin('people as p', 'p.id', 'o.person_id')
              .select('o.person_id')
              .whereRef('o.workshop_id', '=', 'w.id')
              .where('p.active', '=', 1),
          ),
        ),
      )
      .orderBy('w.title')
      .orderBy('w.id')
      .execute();
    for (const r of rows) out.set(r.person_id, [...(out.get(r.person_id) ?? []), { id: r.id, title: r.title }]);
    return out;
  },

  /** Active admins, to tell about a workshop left without a host. */
  async activeAdminIds(db: Executor, exceptId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .where('id', '<>', exceptId)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },
};
