import { type RawBuilder, sql, type Updateable } from 'kysely';
import type { PeopleTable } from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';
import type { Condition } from './scim.filter.js';

/** A person as SCIM sees them (never an erased one or one the provider deleted). */
export interface ScimUserRow {
  id: string;
  email: string;
  name: string;
  title: string | null;
  team: string | null;
  manager_id: string | null;
  manager_name: string | null;
  active: number;
  external_id: string | null;
  scim_user_name: string | null;
  time_zone: string;
  role: 'member' | 'admin';
  role_source: 'manual' | 'directory';
  created_at: string;
  updated_at: string;
}

export interface ScimGroupRow {
  id: string;
  display_name: string;
  external_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface MemberRow {
  group_id: string;
  person_id: string;
  name: string;
}

const USER_COLUMNS: Record<string, string> = {
  id: 'p.id',
  email: 'p.email',
  externalId: 'p.external_id',
  name: 'p.name',
  title: 'p.title',
  team: 'p.team',
  managerId: 'p.manager_id',
  active: 'p.active',
  created: 'p.created_at',
  updated: 'p.updated_at',
};

const GROUP_COLUMNS: Record<string, string> = {
  id: 'g.id',
  displayName: 'g.display_name',
  externalId: 'g.external_id',
  created: 'g.created_at',
  updated: 'g.updated_at',
};

const likeEscaped = (value: string) => value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

function comparison(column: RawBuilder<unknown>, c: Extract<Condition, { kind: 'compare' }>): RawBuilder<boolean> {
  if (c.op === 'pr') {
    return c.type === 'string' ? sql<boolean>`(${column} is not null and ${column} <> '')` : sql<boolean>`${column} is not null`;
  }
  if (c.type === 'boolean') {
    const value = c.value ? 1 : 0;
    return c.op === 'eq' ? sql<boolean>`${column} = ${value}` : sql<boolean>`${column} <> ${value}`;
  }
  if (c.type === 'date') {
    const at = new Date(String(c.value)).toISOString();
    const ops = { eq: '=', ne: '<>', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;
    const op = ops[c.op as keyof typeof ops];
    if (!op) return sql<boolean>`1 = 0`;
    return sql<boolean>`${column} ${sql.raw(op)} ${at}`;
  }
  // Strings: SCIM's attributes here are not case-exact, so compare lower-cased.
  const value = String(c.value).toLowerCase();
  const lower = sql`lower(${column})`;
  switch (c.op) {
    case 'eq':
      return sql<boolean>`${lower} = ${value}`;
    case 'ne':
      return sql<boolean>`(${column} is null or ${lower} <> ${value})`;
    case 'co':
      return sql<boolean>`${lower} like ${`%${likeEscaped(value)}%`} escape '\\'`;
    case 'sw':
      return sql<boolean>`${lower} like ${`${likeEscaped(value)}%`} escape '\\'`;
    case 'ew':
      return sql<boolean>`${lower} like ${`%${likeEscaped(value)}`} escape '\\'`;
    case 'gt':
      return sql<boolean>`${lower} > ${value}`;
    case 'ge':
      return sql<boolean>`${lower} >= ${value}`;
    case 'lt':
      return sql<boolean>`${lower} < ${value}`;
    case 'le':
      return sql<boolean>`${lower} <= ${value}`;
  }
}

function compile(c: Condition, leaf: (c: Extract<Condition, { kind: 'compare' }>) => RawBuilder<boolean>): RawBuilder<boolean> {
  switch (c.kind) {
    case 'always':
      return c.value ? sql<boolean>`1 = 1` : sql<boolean>`1 = 0`;
    case 'not':
      return sql<boolean>`not (${compile(c.item, leaf)})`;
    case 'and':
    case 'or':
      return sql<boolean>`(${sql.join(
        c.items.map((i) => compile(i, leaf)),
        sql.raw(` ${c.kind} `),
      )})`;
    case 'compare':
      return leaf(c);
  }
}

function userLeaf(c: Extract<Condition, { kind: 'compare' }>): RawBuilder<boolean> {
  if (c.field === 'userName' && c.op === 'eq') {
    // The lookup every provider makes before creating someone: kept on the two indexes.
    const value = String(c.value).toLowerCase();
    return sql<boolean>`(p.scim_user_name = ${value} or (p.scim_user_name is null and p.email = ${value}))`;
  }
  if (c.field === 'email' && c.op === 'eq') return sql<boolean>`p.email = ${String(c.value).toLowerCase()}`;
  if (c.field === 'id' && c.op === 'eq') return sql<boolean>`p.id = ${String(c.value)}`;
  const column = c.field === 'userName' ? sql`coalesce(p.scim_user_name, p.email)` : sql.raw(USER_COLUMNS[c.field] ?? 'null');
  return comparison(column, c);
}

function groupLeaf(c: Extract<Condition, { kind: 'compare' }>): RawBuilder<boolean> {
  if (c.field === 'member') {
    const inner = comparison(sql.raw('m.person_id'), { ...c, type: 'string' });
    return sql<boolean>`exists (select 1 from scim_group_members m where m.group_id = g.id and ${inner})`;
  }
  return comparison(sql.raw(GROUP_COLUMNS[c.field] ?? 'null'), c);
}

const VISIBLE = sql<boolean>`p.scim_deleted_at is null and p.erased_at is null`;

function usersQuery(db: Executor) {
  return db
    .selectFrom('people as p')
    .leftJoin('people as m', 'm.id', 'p.manager_id')
    .select([
      'p.id',
      'p.email',
      'p.name',
      'p.title',
      'p.team',
      'p.manager_id',
      'm.name as manager_name',
      'p.external_id',
      'p.scim_user_name',
      'p.time_zone',
      'p.role',
      'p.created_at',
      'p.updated_at',
      sql<number>`p.active`.as('active'),
      sql<'manual' | 'directory'>`p.role_source`.as('role_source'),
    ]);
}

export const scimRepository = {
  async listUsers(db: Executor, filter: Condition | undefined, offset: number, limit: number) {
    const where = filter ? sql<boolean>`${VISIBLE} and ${compile(filter, userLeaf)}` : VISIBLE;
    const total = await db
      .selectFrom('people as p')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    const rows =
      limit === 0 ? [] : await usersQuery(db).where(where).orderBy('p.created_at').orderBy('p.id').offset(offset).limit(limit).execute();
    return { total: Number(total.n), rows: rows as ScimUserRow[] };
  },

  async findUser(db: Executor, id: string): Promise<ScimUserRow | undefined> {
    return (await usersQuery(db).where('p.id', '=', id).where(VISIBLE).executeTakeFirst()) as ScimUserRow | undefined;
  },

  /** Anyone (provider-deleted too, never erased) whose userName or email is one of these. */
  findClaimants(db: Executor, names: string[], exceptId?: string) {
    const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
    let query = db
      .selectFrom('people as p')
      .select(['p.id', 'p.email', 'p.scim_user_name', 'p.scim_deleted_at'])
      .where('p.erased_at', 'is', null)
      .where((eb) => eb.or([eb('p.email', 'in', lowered), eb('p.scim_user_name', 'in', lowered)]));
    if (exceptId) query = query.where('p.id', '<>', exceptId);
    return query.execute();
  },

  /** Which of these ids are people SCIM may point at (a manager, a member). */
  async visiblePeople(db: Executor, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.selectFrom('people as p').select(['p.id', 'p.name']).where('p.id', 'in', ids).where(VISIBLE).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  },

  insertPerson(
    db: Executor,
    row: {
      id: string;
      email: string;
      name: string;
      title: string | null;
      team: string | null;
      manager_id: string | null;
      time_zone: string;
      external_id: string | null;
      scim_user_name: string | null;
      at: string;
    },
  ) {
    const { at, ...rest } = row;
    return db
      .insertInto('people')
      .values({ ...rest, location: null, role: 'member', role_source: 'directory', created_at: at, updated_at: at })
      .execute();
  },

  updatePerson(db: Executor, id: string, changes: Omit<Updateable<PeopleTable>, 'id' | 'updated_at'>, at: string) {
    return db
      .updateTable('people')
      .set({ ...changes, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  groupsOf(db: Executor, personId: string) {
    return db
      .selectFrom('scim_group_members as m')
      .innerJoin('scim_groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.display_name'])
      .where('m.person_id', '=', personId)
      .orderBy('g.display_name')
      .execute();
  },

  async listGroups(db: Executor, filter: Condition | undefined, offset: number, limit: number) {
    const where = filter ? compile(filter, groupLeaf) : sql<boolean>`1 = 1`;
    const total = await db
      .selectFrom('scim_groups as g')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow();
    const rows =
      limit === 0
        ? []
        : await db
            .selectFrom('scim_groups as g')
            .selectAll('g')
            .where(where)
            .orderBy('g.created_at')
            .orderBy('g.id')
            .offset(offset)
            .limit(limit)
            .execute();
    return { total: Number(total.n), rows: rows as ScimGroupRow[] };
  },

  findGroup(db: Executor, id: string) {
    return db.selectFrom('scim_groups').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ScimGroupRow | undefined>;
  },

  async membersOf(db: Executor, groupIds: string[]): Promise<MemberRow[]> {
    if (groupIds.length === 0) return [];
    return (
      db
        .selectFrom('scim_group_members as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select(['m.group_id', 'm.person_id', 'p.name'])
        .where('m.group_id', 'in', groupIds)
        // Someone the provider deleted, or an admin erased, is no member SCIM can see.
        .where(VISIBLE)
        .orderBy('p.name')
        .execute()
    );
  },

  insertGroup(db: Executor, row: ScimGroupRow) {
    return db.insertInto('scim_groups').values(row).execute();
  },

  updateGroup(db: Executor, id: string, changes: { display_name: string; external_id: string | null }, at: string) {
    return db
      .updateTable('scim_groups')
      .set({ ...changes, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  deleteGroup(db: Executor, id: string) {
    return db.deleteFrom('scim_groups').where('id', '=', id).execute();
  },

  addMembers(db: Executor, groupId: string, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve();
    return db
      .insertInto('scim_group_members')
      .values(personIds.map((person_id) => ({ group_id: groupId, person_id })))
      .onConflict((oc) => oc.columns(['group_id', 'person_id']).doNothing())
      .execute();
  },

  removeMembers(db: Executor, groupId: string, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve();
    return db.deleteFrom('scim_group_members').where('group_id', '=', groupId).where('person_id', 'in', personIds).execute();
  },

  /** The groups a person is in (to leave them when the provider deletes the person). */
  async groupIdsOf(db: Executor, personId: string): Promise<string[]> {
    const rows = await db.selectFrom('scim_group_members').select('group_id').where('person_id', '=', personId).execute();
    return rows.map((r) => r.group_id);
  },

  removeFromAllGroups(db: Executor, personId: string) {
    return db.deleteFrom('scim_group_members').where('person_id', '=', personId).execute();
  },

  /** Of these people, those in a group named one of `groupNames`. */
  async inGroupsNamed(db: Executor, personIds: string[], groupNames: string[]): Promise<Set<string>> {
    if (personIds.length === 0 || groupNames.length === 0) return new Set();
    const rows = await db
      .selectFrom('scim_group_members as m')
      .innerJoin('scim_groups as g', 'g.id', 'm.group_id')
      .select('m.person_id')
      .distinct()
      .where('m.person_id', 'in', personIds)
      .where('g.display_name', 'in', groupNames)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  },

  rolesOf(db: Executor, personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('people')
      .select(['id', 'name', 'role', sql<'manual' | 'directory'>`role_source`.as('role_source')])
      .where('id', 'in', personIds)
      .execute();
  },

  activeTokenByHash(db: Executor, hash: string) {
    return db.selectFrom('scim_tokens').select('id').where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
  },

  insertToken(db: Executor, row: { id: string; token_hash: string; hint: string; created_at: string }) {
    return db
      .insertInto('scim_tokens')
      .values({ ...row, revoked_at: null })
      .execute();
  },

  listTokens(db: Executor) {
    return db.selectFrom('scim_tokens').select(['id', 'hint', 'created_at', 'revoked_at']).orderBy('created_at').execute();
  },

  revokeToken(db: Executor, id: string, at: string) {
    return db.updateTable('scim_tokens').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  },
};
