import { scimBadRequest } from './scim.errors.js';
import { ENTERPRISE_SCHEMA } from './scim.schemas.js';

/**
 * What a SCIM User or Group says, read into what Lyceum keeps. Pure: the same reading serves POST,
 * PUT and PATCH (a PATCH is applied to the resource first, then read like a PUT).
 */
export interface UserState {
  userName: string;
  email: string;
  name: string;
  title: string | null;
  team: string | null;
  /** null: none; a person's id (checked by the service; one not provisioned yet is left empty). */
  managerId: string | null;
  active: boolean;
  externalId: string | null;
  timeZone: string | undefined;
}

export interface GroupState {
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** SCIM attribute names are case-insensitive: `Active` and `active` are one attribute. */
function get(obj: Obj | undefined, name: string): unknown {
  if (!obj) return undefined;
  const lower = name.toLowerCase();
  const key = Object.keys(obj).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : obj[key];
}

function optionalText(value: unknown, attribute: string, max = 200): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw scimBadRequest('invalidValue', `${attribute} must be a string.`);
  const text = value.trim();
  if (text.length > max) throw scimBadRequest('invalidValue', `${attribute} is longer than ${max} characters.`);
  return text === '' ? null : text;
}

/** Entra sends booleans as "True" and "False". */
function booleanOf(value: unknown, attribute: string): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw scimBadRequest('invalidValue', `${attribute} must be true or false, not ${JSON.stringify(value)}.`);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validZone(zone: string | null): string | undefined {
  if (!zone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    return undefined;
  }
}

function emailOf(resource: Obj, userName: string): string {
  const emails = get(resource, 'emails');
  if (emails !== undefined && emails !== null && !Array.isArray(emails)) throw scimBadRequest('invalidValue', 'emails must be a list.');
  const list = (Array.isArray(emails) ? emails : []).filter(isObject);
  const chosen =
    list.find((e) => get(e, 'primary') === true || get(e, 'primary') === 'True' || get(e, 'primary') === 'true') ??
    list.find((e) => String(get(e, 'type') ?? '').toLowerCase() === 'work') ??
    list[0];
  const email = (typeof get(chosen, 'value') === 'string' ? (get(chosen, 'value') as string) : userName).trim().toLowerCase();
  if (!EMAIL.test(email)) {
    throw scimBadRequest('invalidValue', 'Lyceum needs an email address: send emails with a work address, or a userName that is one.');
  }
  return email;
}

/** The name a person goes by: what changed against `before` wins; else displayName, formatted, given + family. */
function nameOf(resource: Obj, before: Obj | undefined, email: string): string {
  const name = isObject(get(resource, 'name')) ? (get(resource, 'name') as Obj) : undefined;
  const beforeName = isObject(get(before, 'name')) ? (get(before, 'name') as Obj) : undefined;
  const joined = (n: Obj | undefined) =>
    [get(n, 'givenName'), get(n, 'familyName')]
      .filter((p) => typeof p === 'string' && p.trim())
      .map((p) => (p as string).trim())
      .join(' ');
  const candidates: [unknown, unknown][] = [
    [get(resource, 'displayName'), get(before, 'displayName')],
    [get(name, 'formatted'), get(beforeName, 'formatted')],
    [joined(name), joined(beforeName)],
  ];
  const changed = before ? candidates.find(([now, was]) => typeof now === 'string' && now.trim() && now !== was) : undefined;
  const chosen = (changed ?? candidates.find(([now]) => typeof now === 'string' && now.trim()))?.[0];
  const text = typeof chosen === 'string' ? chosen.trim() : email.split('@')[0] || email;
  if (text.length > 200) throw scimBadRequest('invalidValue', 'The name is longer than 200 characters.');
  return text;
}

function managerOf(extension: Obj | undefined): string | null {
  const manager = get(extension, 'manager');
  if (manager === undefined || manager === null || manager === '') return null;
  if (typeof manager === 'string') return manager;
  if (isObject(manager)) {
    const value = get(manager, 'value');
    if (value === undefined || value === null || value === '') return null;
    if (typeof value === 'string') return value;
  }
  throw scimBadRequest('invalidValue', 'manager must be { "value": "<the manager\'s id>" }.');
}

/** A User resource (POST, PUT, or a patched one) → what Lyceum keeps; `before` is the resource as it was. */
export function readUser(resource: unknown, before?: Obj): UserState {
  if (!isObject(resource)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM User object.');
  const userNameRaw = get(resource, 'userName');
  if (typeof userNameRaw !== 'string' || !userNameRaw.trim()) throw scimBadRequest('invalidValue', 'userName is required.');
  const userName = userNameRaw.trim().toLowerCase();
  if (userName.length > 320) throw scimBadRequest('invalidValue', 'userName is longer than 320 characters.');
  const email = emailOf(resource, userName);
  const extensionRaw = get(resource, ENTERPRISE_SCHEMA);
  const extension = isObject(extensionRaw) ? extensionRaw : undefined;
  const active = get(resource, 'active');
  return {
    userName,
    email,
    name: nameOf(resource, before, email),
    title: optionalText(get(resource, 'title'), 'title'),
    team: optionalText(get(extension, 'department'), 'department'),
    managerId: managerOf(extension),
    active: active === undefined || active === null ? true : booleanOf(active, 'active'),
    externalId: optionalText(get(resource, 'externalId'), 'externalId', 400),
    timeZone: validZone(optionalText(get(resource, 'timezone'), 'timezone')),
  };
}

export function readGroup(resource: unknown): GroupState {
  if (!isObject(resource)) throw scimBadRequest('invalidSyntax', 'The body must be a SCIM Group object.');
  const displayName = optionalText(get(resource, 'displayName'), 'displayName');
  if (!displayName) throw scimBadRequest('invalidValue', 'displayName is required.');
  const members = get(resource, 'members');
  if (members !== undefined && members !== null && !Array.isArray(members)) throw scimBadRequest('invalidValue', 'members must be a list.');
  const memberIds = (Array.isArray(members) ? members : []).map((m) => {
    const value = isObject(m) ? get(m, 'value') : m;
    if (typeof value !== 'string' || !value) throw scimBadRequest('invalidValue', 'Each member needs a "value": the User id.');
    return value;
  });
  return { displayName, externalId: optionalText(get(resource, 'externalId'), 'externalId', 400), memberIds: [...new Set(memberIds)] };
}
