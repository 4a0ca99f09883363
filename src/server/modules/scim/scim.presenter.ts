import type { MemberRow, ScimGroupRow, ScimUserRow } from './scim.repository.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, LIST_SCHEMA, USER_SCHEMA } from './scim.schemas.js';

/** Lyceum keeps one name; a provider's given and family names are its first word and the rest. */
export function splitName(name: string): { givenName: string; familyName: string } {
  const [givenName = '', ...rest] = name.trim().split(/\s+/);
  return { givenName, familyName: rest.join(' ') };
}

const iso = (at: string) => new Date(at).toISOString();

export function presentUser(base: string, row: ScimUserRow, groups: { id: string; display_name: string }[] = []) {
  return {
    schemas: [USER_SCHEMA, ENTERPRISE_SCHEMA],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    userName: row.scim_user_name ?? row.email,
    name: { formatted: row.name, ...splitName(row.name) },
    displayName: row.name,
    ...(row.title ? { title: row.title } : {}),
    timezone: row.time_zone,
    active: row.active === 1,
    emails: [{ value: row.email, type: 'work', primary: true }],
    groups: groups.map((g) => ({ value: g.id, display: g.display_name, $ref: `${base}/Groups/${g.id}` })),
    [ENTERPRISE_SCHEMA]: {
      ...(row.team ? { department: row.team } : {}),
      ...(row.manager_id
        ? { manager: { value: row.manager_id, $ref: `${base}/Users/${row.manager_id}`, displayName: row.manager_name ?? undefined } }
        : {}),
    },
    meta: {
      resourceType: 'User',
      created: iso(row.created_at),
      lastModified: iso(row.updated_at),
      location: `${base}/Users/${row.id}`,
    },
  };
}

export function presentGroup(base: string, row: ScimGroupRow, members: MemberRow[] | undefined) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    displayName: row.display_name,
    ...(members
      ? { members: members.map((m) => ({ value: m.person_id, display: m.name, $ref: `${base}/Users/${m.person_id}`, type: 'User' })) }
      : {}),
    meta: {
      resourceType: 'Group',
      created: iso(row.created_at),
      lastModified: iso(row.updated_at),
      location: `${base}/Groups/${row.id}`,
    },
  };
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return { schemas: [LIST_SCHEMA], totalResults: total, startIndex, itemsPerPage: resources.length, Resources: resources };
}
