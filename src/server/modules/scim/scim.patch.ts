import { type Filter, filter as matcher, parse } from 'scim2-parse-filter';
import { scimBadRequest } from './scim.errors.js';
import { ENTERPRISE_SCHEMA, GROUP_SCHEMA, USER_SCHEMA } from './scim.schemas.js';

/**
 * SCIM PATCH (RFC 7644 §3.5.2) applied to a resource as the provider sees it, which the service
 * then reads back like a PUT. It takes the shapes Okta and Microsoft Entra ID really send:
 * `replace` with a value object and no path (Okta), `Replace` with capitalised ops and string
 * booleans (Entra), `emails[type eq "work"].value`, extension attributes named by their schema
 * URN, and `members` added or removed by value or by `members[value eq "…"]`.
 */
export type Resource = Record<string, unknown>;
export interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path?: string;
  value?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readPatchBody(body: unknown): PatchOperation[] {
  const operations = isObject(body) ? (body.Operations ?? body.operations) : undefined;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw scimBadRequest('invalidSyntax', 'A PATCH needs "Operations": a list of { op, path, value }.');
  }
  return operations.map((raw, i) => {
    if (!isObject(raw)) throw scimBadRequest('invalidSyntax', `Operation ${i + 1} is not an object.`);
    const op = String(raw.op ?? '').toLowerCase();
    if (op !== 'add' && op !== 'replace' && op !== 'remove') {
      throw scimBadRequest('invalidSyntax', `Operation ${i + 1}: op must be add, replace or remove (not ${JSON.stringify(raw.op)}).`);
    }
    if (raw.path !== undefined && typeof raw.path !== 'string')
      throw scimBadRequest('invalidPath', `Operation ${i + 1}: path must be a string.`);
    if (op === 'remove' && !raw.path) throw scimBadRequest('noTarget', `Operation ${i + 1}: remove needs a path.`);
    if (op !== 'remove' && raw.value === undefined) throw scimBadRequest('invalidValue', `Operation ${i + 1}: ${op} needs a value.`);
    return { op, path: raw.path || undefined, value: raw.value } as PatchOperation;
  });
}

export function applyPatch(resource: Resource, operations: PatchOperation[]): Resource {
  const result = structuredClone(resource);
  for (const operation of operations) apply(result, operation);
  return result;
}

/** The key already in `obj` that matches `name` ignoring case (SCIM attribute names are case-insensitive). */
function keyIn(obj: Record<string, unknown>, name: string): string {
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower) ?? name;
}

interface Target {
  container: Record<string, unknown>;
  attribute: string;
  filter?: Filter;
  sub?: string;
}

function target(resource: Resource, path: string): Target {
  let rest = path;
  let container: Record<string, unknown> = resource;
  for (const urn of [ENTERPRISE_SCHEMA, USER_SCHEMA, GROUP_SCHEMA]) {
    if (rest.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      rest = rest.slice(urn.length + 1);
      if (urn === ENTERPRISE_SCHEMA) {
        const key = keyIn(resource, urn);
        if (!isObject(resource[key])) resource[key] = {};
        container = resource[key] as Record<string, unknown>;
      }
      break;
    }
  }
  const match = /^([A-Za-z$][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z$][\w$-]*))?$/.exec(rest);
  if (!match?.[1]) throw scimBadRequest('invalidPath', `The path ${JSON.stringify(path)} is not one Lyceum can follow.`);
  let filter: Filter | undefined;
  if (match[2]) {
    try {
      filter = parse(match[2]);
    } catch {
      throw scimBadRequest('invalidPath', `The filter in the path ${JSON.stringify(path)} could not be read.`);
    }
  }
  return { container, attribute: keyIn(container, match[1]), filter, sub: match[3] };
}

const sameValue = (a: unknown, b: unknown) =>
  isObject(a) && isObject(b) && 'value' in a && 'value' in b ? a.value === b.value : JSON.stringify(a) === JSON.stringify(b);

/** `[type eq "work"]` → { type: "work" }: what a new element of a filtered path starts from. */
function seedOf(filter: Filter): Record<string, unknown> {
  if (filter.op === 'eq') return { [filter.attrPath]: filter.compValue };
  if (filter.op === 'and') return Object.assign({}, ...filter.filters.map(seedOf));
  return {};
}

function apply(resource: Resource, { op, path, value }: PatchOperation): void {
  if (!path) {
    if (!isObject(value)) throw scimBadRequest('invalidValue', `${op} without a path needs an object of attributes as its value.`);
    for (const [key, v] of Object.entries(value)) {
      const isExtension = key.toLowerCase() === ENTERPRISE_SCHEMA.toLowerCase();
      if (isExtension && isObject(v)) {
        for (const [sub, w] of Object.entries(v)) apply(resource, { op, path: `${ENTERPRISE_SCHEMA}:${sub}`, value: w });
      } else if (key.toLowerCase() === 'schemas') {
        // The resource's schemas are Lyceum's to say.
      } else {
        apply(resource, { op, path: key, value: v });
      }
    }
    return;
  }
  const t = target(resource, path);
  const current = t.container[t.attribute];

  if (t.filter) {
    const list = Array.isArray(current) ? current : [];
    const test = matcher(t.filter);
    const matching = list.filter((item) => isObject(item) && test(item));
    if (op === 'remove') {
      if (t.sub) for (const item of matching) delete (item as Record<string, unknown>)[keyIn(item as Record<string, unknown>, t.sub)];
      else t.container[t.attribute] = list.filter((item) => !matching.includes(item));
      return;
    }
    if (matching.length === 0) {
      const added = t.sub ? { ...seedOf(t.filter), [t.sub]: value } : { ...seedOf(t.filter), ...(isObject(value) ? value : { value }) };
      t.container[t.attribute] = [...list, added];
      return;
    }
    for (const item of matching as Record<string, unknown>[]) {
      if (t.sub) item[keyIn(item, t.sub)] = value;
      else if (isObject(value)) Object.assign(item, value);
    }
    return;
  }

  if (t.sub) {
    const parent = isObject(current) ? current : {};
    t.container[t.attribute] = parent;
    if (op === 'remove') delete parent[keyIn(parent, t.sub)];
    else parent[keyIn(parent, t.sub)] = value;
    return;
  }

  if (op === 'remove') {
    // Entra removes members by listing them as the value of a remove on "members".
    if (Array.isArray(current) && Array.isArray(value)) {
      t.container[t.attribute] = current.filter((item) => !value.some((v) => sameValue(item, v)));
    } else {
      delete t.container[t.attribute];
    }
    return;
  }
  if (op === 'add' && Array.isArray(current)) {
    const incoming = Array.isArray(value) ? value : [value];
    t.container[t.attribute] = [...current, ...incoming.filter((v) => !current.some((c) => sameValue(c, v)))];
    return;
  }
  if (isObject(current) && isObject(value)) {
    // A complex attribute: the sub-attributes given replace theirs, the others stay (RFC 7644 §3.5.2.3).
    Object.assign(current, value);
    return;
  }
  t.container[t.attribute] = value;
}
