import { timingSafeEqual } from 'node:crypto';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { type CredentialChanges, noCredentialChanges } from '../../platform/credential-changes.js';
import { roleFromDirectoryGroups } from '../../platform/directory-roles.js';
import { hashSecret, newId, nowIso } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { ScimLeavers } from './ports.js';
import { scimBadRequest, scimConflict, scimNotFound } from './scim.errors.js';
import { GROUP_FIELDS, parseFilter, USER_FIELDS } from './scim.filter.js';
import { applyPatch, readPatchBody } from './scim.patch.js';
import { type GroupState, readGroup, readUser, type UserState } from './scim.policy.js';
import { listResponse, presentGroup, presentUser } from './scim.presenter.js';
import type { ScimUserRow, scimRepository } from './scim.repository.js';
import { MAX_PAGE } from './scim.schemas.js';
import { createScimToken, revokeScimToken } from './scim.tokens.js';

const SCIM = 'SCIM';
const person = (id: string) => ({ type: 'person', id });
const group = (id: string) => ({ type: 'scim_group', id });

export interface ListQuery {
  filter?: string;
  startIndex?: string;
  count?: string;
  excludedAttributes?: string;
}

function page(query: ListQuery): { startIndex: number; count: number } {
  const startIndex = query.startIndex === undefined ? 1 : Number(query.startIndex);
  const count = query.count === undefined ? 100 : Number(query.count);
  if (!Number.isInteger(startIndex)) throw scimBadRequest('invalidValue', 'startIndex must be a whole number.');
  if (!Number.isInteger(count)) throw scimBadRequest('invalidValue', 'count must be a whole number.');
  // RFC 7644 §3.4.2.4: below 1 is read as 1, a negative count as 0; Lyceum caps the page.
  return { startIndex: Math.max(1, startIndex), count: Math.min(Math.max(0, count), MAX_PAGE) };
}

/**
 * SCIM 2.0 provisioning: the company's identity provider creates, updates, deactivates and groups
 * the people of the directory. A protocol layer over Lyceum's own rules: deactivation is the
 * people module's (seats passed on, credentials stopped), admin groups follow single sign-on's rule.
 */
export class ScimService {
  constructor(
    private readonly tx: Transactor,
    private readonly scim: typeof scimRepository,
    private readonly leavers: ScimLeavers,
    private readonly settings: { tokenHash: string | undefined; adminGroups: string[]; baseUrl: string },
    /** Told after a person's name or role changed here, so no instance answers their old credentials. */
    private readonly credentials: CredentialChanges = noCredentialChanges,
  ) {}

  /** True for SCIM_TOKEN (compared in constant time) or a live token made with the CLI. */
  async tokenIsValid(authorization: string | undefined): Promise<boolean> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return false;
    const hash = Buffer.from(hashSecret(token), 'hex');
    if (this.settings.tokenHash && timingSafeEqual(hash, Buffer.from(this.settings.tokenHash, 'hex'))) return true;
    // Looked up by its SHA-256: the comparison never touches the token itself.
    return (await this.scim.activeTokenByHash(this.tx.executor, hash.toString('hex'))) !== undefined;
  }

  // Users

  async listUsers(query: ListQuery) {
    const { startIndex, count } = page(query);
    const filter = query.filter ? parseFilter(query.filter, USER_FIELDS) : undefined;
    const { total, rows } = await this.scim.listUsers(this.tx.executor, filter, startIndex - 1, count);
    return listResponse(
      rows.map((r) => presentUser(this.settings.baseUrl, r)),
      total,
      startIndex,
    );
  }

  async getUser(id: string) {
    return this.present(this.tx.executor, await this.foundUser(this.tx.executor, id));
  }

  async createUser(body: unknown, origin: AuditOrigin) {
    const state = readUser(body);
    const { id, wasActive } = await this.tx.transaction(async (trx) => {
      const claimants = await this.scim.findClaimants(trx, [state.userName, state.email]);
      const live = claimants.filter((c) => !c.scim_deleted_at);
      if (live.length > 0) throw scimConflict(`userName ${state.userName} is already in use.`);
      const at = nowIso();
      const managerId = await this.checkedManager(trx, state.managerId, undefined);
      const revived = claimants[0];
      if (revived) {
        // The provider deleted this person once and now brings them back (a rehire): same person, same history.
        await this.scim.updatePerson(trx, revived.id, { ...columns(state, managerId), scim_deleted_at: null }, at);
        await recordAudit(trx, {
          actor: null,
          actorLabel: SCIM,
          action: 'scim.user.created',
          target: person(revived.id),
          summary: `SCIM brought back ${state.name}`,
          details: { userName: state.userName, revived: true },
          origin,
        });
        return { id: revived.id, wasActive: await this.isActive(trx, revived.id) };
      }
      const newPersonId = newId();
      await this.scim.insertPerson(trx, {
        id: newPersonId,
        ...columns(state, managerId),
        time_zone: state.timeZone ?? 'UTC',
        at,
      });
      await recordAudit(trx, {
        actor: null,
        actorLabel: SCIM,
        action: 'scim.user.created',
        target: person(newPersonId),
        summary: `SCIM added ${state.name}`,
        details: { userName: state.userName, email: state.email },
        origin,
      });
      return { id: newPersonId, wasActive: true };
    });
    await this.settleActive(id, state.name, wasActive, state.active, origin);
    return this.present(this.tx.executor, await this.foundUser(this.tx.executor, id));
  }

  /** PUT replaces what it sends; a PUT without `active` does not reactivate someone who left. */
  async replaceUser(id: string, body: unknown, origin: AuditOrigin) {
    return this.updateUser(id, origin, (before) => {
      const state = readUser(body);
      const saysActive = typeof body === 'object' && body !== null && Object.keys(body).some((k) => k.toLowerCase() === 'active');
      return saysActive ? state : { ...state, active: before.active === true };
    });
  }

  async patchUser(id: string, body: unknown, origin: AuditOrigin) {
    const operations = readPatchBody(body);
    return this.updateUser(id, origin, (before) => readUser(applyPatch(before, operations), before));
  }

  /** The provider deleted the person: deactivated (history stays for the figures) and gone from SCIM. */
  async deleteUser(id: string, origin: AuditOrigin): Promise<void> {
    const roleChanged = await this.tx.transaction(async (trx) => {
      const row = await this.foundUser(trx, id);
      await this.scim.updatePerson(trx, id, { scim_deleted_at: nowIso() }, nowIso());
      // Out of the provider's groups too (and so out of an admin role the directory gave).
      const groups = await this.scim.groupIdsOf(trx, id);
      await this.scim.removeFromAllGroups(trx, id);
      await recordAudit(trx, {
        actor: null,
        actorLabel: SCIM,
        action: 'scim.user.deleted',
        target: person(id),
        summary: `SCIM deleted ${row.name} (deactivated; their history stays)`,
        details: groups.length > 0 ? { leftGroups: groups.length } : undefined,
        origin,
      });
      return this.settleRoles(trx, [id], origin);
    });
    await this.credentials.changed(roleChanged);
    await this.leavers.deactivateFromDirectory(id, SCIM, origin);
  }

  private async updateUser(id: string, origin: AuditOrigin, read: (before: Record<string, unknown>) => UserState) {
    const { state, wasActive, changed } = await this.tx.transaction(async (trx) => {
      const row = await this.foundUser(trx, id);
      const state = read(presentUser(this.settings.baseUrl, row) as unknown as Record<string, unknown>);
      const others = await this.scim.findClaimants(trx, [state.userName, state.email], id);
      if (others.length > 0) throw scimConflict(`userName ${state.userName} is already in use by someone else.`);
      const managerId = await this.checkedManager(trx, state.managerId, id);
      const next = { ...columns(state, managerId), ...(state.timeZone ? { time_zone: state.timeZone } : {}) };
      const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== rowValue(row, k));
      if (changed.length > 0) {
        await this.scim.updatePerson(trx, id, next, nowIso());
        await recordAudit(trx, {
          actor: null,
          actorLabel: SCIM,
          action: 'scim.user.updated',
          target: person(id),
          summary: `SCIM updated ${state.name}`,
          details: { changed },
          origin,
        });
      }
      return { state, wasActive: row.active === 1, changed: changed.length > 0 };
    });
    if (changed) await this.credentials.changed([id]);
    await this.settleActive(id, state.name, wasActive, state.active, origin);
    return this.present(this.tx.executor, await this.foundUser(this.tx.executor, id));
  }

  /**
   * active:false is the people module's deactivation (its own transaction, idempotent, audited as
   * person.deactivated by SCIM with what it did); scim.user.deactivated beside it keeps the
   * provider's request in the log's SCIM family ("scim." in the audit filter).
   */
  private async settleActive(id: string, name: string, wasActive: boolean, active: boolean, origin: AuditOrigin) {
    let action: 'scim.user.deactivated' | 'scim.user.reactivated' | undefined;
    if (wasActive && !active && (await this.leavers.deactivateFromDirectory(id, SCIM, origin))) action = 'scim.user.deactivated';
    if (!wasActive && active && (await this.leavers.reactivateFromDirectory(id, SCIM, origin))) action = 'scim.user.reactivated';
    if (!action) return;
    await recordAudit(this.tx.executor, {
      actor: null,
      actorLabel: SCIM,
      action,
      target: person(id),
      summary: `SCIM ${action === 'scim.user.deactivated' ? 'deactivated' : 'reactivated'} ${name} (active: ${active})`,
      origin,
    });
  }

  private async isActive(db: Executor, id: string) {
    const row = await this.scim.findUser(db, id);
    return row?.active === 1;
  }

  /** A manager the directory does not know (yet) is left empty: the provider sends it again on a later update. */
  private async checkedManager(db: Executor, managerId: string | null, selfId: string | undefined) {
    if (!managerId || managerId === selfId) return null;
    return (await this.scim.visiblePeople(db, [managerId])).has(managerId) ? managerId : null;
  }

  private async foundUser(db: Executor, id: string): Promise<ScimUserRow> {
    const row = await this.scim.findUser(db, id);
    if (!row) throw scimNotFound('User', id);
    return row;
  }

  private async present(db: Executor, row: ScimUserRow) {
    return presentUser(this.settings.baseUrl, row, await this.scim.groupsOf(db, row.id));
  }

  // Groups

  async listGroups(query: ListQuery) {
    const { startIndex, count } = page(query);
    const filter = query.filter ? parseFilter(query.filter, GROUP_FIELDS) : undefined;
    const { total, rows } = await this.scim.listGroups(this.tx.executor, filter, startIndex - 1, count);
    const withMembers = !excludesMembers(query.excludedAttributes);
    const members = withMembers
      ? await this.scim.membersOf(
          this.tx.executor,
          rows.map((r) => r.id),
        )
      : [];
    return listResponse(
      rows.map((r) => presentGroup(this.settings.baseUrl, r, withMembers ? members.filter((m) => m.group_id === r.id) : undefined)),
      total,
      startIndex,
    );
  }

  async getGroup(id: string, excludedAttributes?: string) {
    const row = await this.scim.findGroup(this.tx.executor, id);
    if (!row) throw scimNotFound('Group', id);
    const members = excludesMembers(excludedAttributes) ? undefined : await this.scim.membersOf(this.tx.executor, [id]);
    return presentGroup(this.settings.baseUrl, row, members);
  }

  async createGroup(body: unknown, origin: AuditOrigin) {
    const state = readGroup(body);
    const id = newId();
    const roleChanged = await this.tx.transaction(async (trx) => {
      await this.refuseDuplicateName(trx, state.displayName, undefined);
      await this.checkMembers(trx, state.memberIds);
      const at = nowIso();
      await this.scim.insertGroup(trx, {
        id,
        display_name: state.displayName,
        external_id: state.externalId,
        created_at: at,
        updated_at: at,
      });
      await this.scim.addMembers(trx, id, state.memberIds);
      await recordAudit(trx, {
        actor: null,
        actorLabel: SCIM,
        action: 'scim.group.created',
        target: group(id),
        summary: `SCIM added the group ${state.displayName}`,
        details: { members: state.memberIds.length },
        origin,
      });
      return this.settleRoles(trx, state.memberIds, origin);
    });
    await this.credentials.changed(roleChanged);
    return this.getGroup(id);
  }

  async replaceGroup(id: string, body: unknown, origin: AuditOrigin) {
    return this.updateGroup(id, origin, () => readGroup(body));
  }

  async patchGroup(id: string, body: unknown, origin: AuditOrigin) {
    const operations = readPatchBody(body);
    return this.updateGroup(id, origin, (before) => readGroup(applyPatch(before, operations)));
  }

  async deleteGroup(id: string, origin: AuditOrigin): Promise<void> {
    const roleChanged = await this.tx.transaction(async (trx) => {
      const row = await this.scim.findGroup(trx, id);
      if (!row) throw scimNotFound('Group', id);
      const members = (await this.scim.membersOf(trx, [id])).map((m) => m.person_id);
      await this.scim.deleteGroup(trx, id);
      await recordAudit(trx, {
        actor: null,
        actorLabel: SCIM,
        action: 'scim.group.deleted',
        target: group(id),
        summary: `SCIM deleted the group ${row.display_name}`,
        origin,
      });
      return this.settleRoles(trx, members, origin);
    });
    await this.credentials.changed(roleChanged);
  }

  private async updateGroup(id: string, origin: AuditOrigin, read: (before: Record<string, unknown>) => GroupState) {
    const roleChanged = await this.tx.transaction(async (trx) => {
      const row = await this.scim.findGroup(trx, id);
      if (!row) throw scimNotFound('Group', id);
      const before = await this.scim.membersOf(trx, [id]);
      const state = read(presentGroup(this.settings.baseUrl, row, before) as unknown as Record<string, unknown>);
      const old = new Set(before.map((m) => m.person_id));
      const added = state.memberIds.filter((m) => !old.has(m));
      const removed = [...old].filter((m) => !state.memberIds.includes(m));
      await this.checkMembers(trx, added);
      const renamed = state.displayName !== row.display_name;
      if (renamed) await this.refuseDuplicateName(trx, state.displayName, id);
      if (renamed || state.externalId !== row.external_id) {
        await this.scim.updateGroup(trx, id, { display_name: state.displayName, external_id: state.externalId }, nowIso());
      }
      await this.scim.addMembers(trx, id, added);
      await this.scim.removeMembers(trx, id, removed);
      if (renamed || added.length > 0 || removed.length > 0 || state.externalId !== row.external_id) {
        await recordAudit(trx, {
          actor: null,
          actorLabel: SCIM,
          action: 'scim.group.updated',
          target: group(id),
          summary: `SCIM updated the group ${state.displayName}`,
          details: { added: added.length, removed: removed.length, ...(renamed ? { renamedFrom: row.display_name } : {}) },
          origin,
        });
      }
      // A rename can make or unmake an admin group: everyone in it is looked at again.
      return this.settleRoles(trx, renamed ? [...new Set([...state.memberIds, ...removed])] : [...added, ...removed], origin);
    });
    await this.credentials.changed(roleChanged);
    return this.getGroup(id);
  }

  private async refuseDuplicateName(db: Executor, displayName: string, exceptId: string | undefined) {
    const { rows } = await this.scim.listGroups(
      db,
      { kind: 'compare', field: 'displayName', op: 'eq', value: displayName, type: 'string' },
      0,
      2,
    );
    if (rows.some((r) => r.id !== exceptId)) throw scimConflict(`A group named ${displayName} already exists.`);
  }

  private async checkMembers(db: Executor, ids: string[]) {
    const known = await this.scim.visiblePeople(db, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw scimBadRequest('invalidValue', `No User with the id ${unknown.slice(0, 3).join(', ')}.`);
  }

  /**
   * Admin groups decide the admin role of these people (single sign-on's rule, platform/directory-roles.ts).
   * Answers whose role changed, to be told after commit.
   */
  private async settleRoles(trx: Executor, personIds: string[], origin: AuditOrigin): Promise<string[]> {
    if (this.settings.adminGroups.length === 0 || personIds.length === 0) return [];
    const changed: string[] = [];
    const admins = await this.scim.inGroupsNamed(trx, personIds, this.settings.adminGroups);
    for (const p of await this.scim.rolesOf(trx, personIds)) {
      const change = roleFromDirectoryGroups(p, admins.has(p.id));
      if (!change) continue;
      await this.scim.updatePerson(trx, p.id, change, nowIso());
      changed.push(p.id);
      await recordAudit(trx, {
        actor: null,
        actorLabel: SCIM,
        action: 'person.role_changed',
        target: person(p.id),
        summary: `${p.name} became ${change.role === 'admin' ? 'an admin' : 'a member'} (directory groups)`,
        details: { from: p.role, to: change.role, source: 'scim' },
        origin,
      });
    }
    return changed;
  }

  // Tokens made with the CLI (scim.tokens.ts), here for the tests and any admin route to come.

  createToken() {
    return createScimToken(this.tx.executor);
  }

  revokeToken(id: string) {
    return revokeScimToken(this.tx.executor, id);
  }
}

function excludesMembers(excluded: string | undefined) {
  return (excluded ?? '')
    .split(',')
    .map((a) => a.trim().toLowerCase())
    .includes('members');
}

function columns(state: UserState, managerId: string | null) {
  return {
    email: state.email,
    scim_user_name: state.userName === state.email ? null : state.userName,
    name: state.name,
    title: state.title,
    team: state.team,
    manager_id: managerId,
    external_id: state.externalId,
  };
}

function rowValue(row: ScimUserRow, key: string): unknown {
  return (row as unknown as Record<string, unknown>)[key];
}
