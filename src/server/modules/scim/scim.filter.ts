import { type Filter, parse } from 'scim2-parse-filter';
import { scimBadRequest } from './scim.errors.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './scim.schemas.js';

/**
 * A SCIM filter (`userName eq "ada@example.com" and active eq true`), parsed by scim2-parse-filter
 * and checked against what Lyceum can filter on, as a small condition tree the repository turns
 * into SQL: the directory is never loaded into memory to be filtered.
 */
export type Comparison = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';

export type Condition =
  | { kind: 'and' | 'or'; items: Condition[] }
  | { kind: 'not'; item: Condition }
  | { kind: 'always'; value: boolean }
  | { kind: 'compare'; field: string; op: Comparison; value: string | number | boolean | null; type: 'string' | 'boolean' | 'date' };

interface Field {
  field: string;
  type: 'string' | 'boolean' | 'date';
}

/** Lower-cased SCIM attribute paths (schema URN prefixes removed) → the repository's fields. */
export const USER_FIELDS: Record<string, Field | 'always'> = {
  id: { field: 'id', type: 'string' },
  username: { field: 'userName', type: 'string' },
  externalid: { field: 'externalId', type: 'string' },
  displayname: { field: 'name', type: 'string' },
  'name.formatted': { field: 'name', type: 'string' },
  emails: { field: 'email', type: 'string' },
  'emails.value': { field: 'email', type: 'string' },
  // Lyceum keeps one email, the work one, which is primary.
  'emails.type': 'always',
  'emails.primary': 'always',
  title: { field: 'title', type: 'string' },
  active: { field: 'active', type: 'boolean' },
  department: { field: 'team', type: 'string' },
  manager: { field: 'managerId', type: 'string' },
  'manager.value': { field: 'managerId', type: 'string' },
  'meta.created': { field: 'created', type: 'date' },
  'meta.lastmodified': { field: 'updated', type: 'date' },
};

export const GROUP_FIELDS: Record<string, Field | 'always'> = {
  id: { field: 'id', type: 'string' },
  displayname: { field: 'displayName', type: 'string' },
  externalid: { field: 'externalId', type: 'string' },
  members: { field: 'member', type: 'string' },
  'members.value': { field: 'member', type: 'string' },
  'meta.created': { field: 'created', type: 'date' },
  'meta.lastmodified': { field: 'updated', type: 'date' },
};

/** `urn:…:enterprise:2.0:User:department` → `department`; `urn:…:core:2.0:User:userName` → `username`. */
export function attributeKey(path: string): string {
  for (const urn of [ENTERPRISE_SCHEMA, USER_SCHEMA, GROUP_SCHEMA]) {
    if (path.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) return path.slice(urn.length + 1).toLowerCase();
  }
  return path.toLowerCase();
}

export function parseFilter(text: string, fields: Record<string, Field | 'always'>): Condition {
  let ast: Filter;
  try {
    ast = parse(text);
  } catch (error) {
    throw scimBadRequest('invalidFilter', `The filter could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  return toCondition(ast, fields, '');
}

function toCondition(node: Filter, fields: Record<string, Field | 'always'>, prefix: string): Condition {
  switch (node.op) {
    case 'and':
    case 'or':
      return { kind: node.op, items: node.filters.map((f) => toCondition(f, fields, prefix)) };
    case 'not':
      return { kind: 'not', item: toCondition(node.filter, fields, prefix) };
    case '[]':
      // emails[type eq "work"]: the condition applies to the attribute's own sub-attributes.
      return toCondition(node.valFilter, fields, `${attributeKey(node.attrPath)}.`);
    default: {
      const key = prefix + attributeKey(node.attrPath);
      const found = fields[key];
      if (!found) {
        const known = Object.keys(fields).join(', ');
        throw scimBadRequest('invalidFilter', `Lyceum cannot filter on "${node.attrPath}" (it can on ${known}).`);
      }
      if (found === 'always') return { kind: 'always', value: true };
      if (node.op === 'pr') return { kind: 'compare', field: found.field, op: 'pr', value: null, type: found.type };
      const value = node.compValue;
      if (found.type === 'boolean' && typeof value !== 'boolean') {
        throw scimBadRequest('invalidFilter', `"${node.attrPath}" is true or false, not ${JSON.stringify(value)}.`);
      }
      if (found.type === 'boolean' && node.op !== 'eq' && node.op !== 'ne') {
        throw scimBadRequest('invalidFilter', `"${node.attrPath}" can only be compared with eq or ne.`);
      }
      if (found.type !== 'boolean' && typeof value !== 'string') {
        throw scimBadRequest('invalidFilter', `"${node.attrPath}" is compared with a string, not ${JSON.stringify(value)}.`);
      }
      if (found.type === 'date' && Number.isNaN(Date.parse(value as string))) {
        throw scimBadRequest('invalidFilter', `"${node.attrPath}" is compared with a date such as 2026-01-31T00:00:00Z.`);
      }
      return { kind: 'compare', field: found.field, op: node.op, value, type: found.type };
    }
  }
}
