import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { documentedRoutes } from '../../src/server/platform/openapi.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

// What generated clients, validators and linters read in /api/openapi.json: each fact below was
// wrong once and broke a real client (a required filter, a null answer refused, a missing id).

type Schema = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: unknown;
}

const PUBLIC_URL = 'https://learn.lyceum.test/lyceum';

let t: TestApp;
let doc: Document;
let operations: { method: string; path: string; op: Operation }[];

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL });
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  doc = res.json();
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ method, path, op })));
});
afterAll(() => t.close());

const operation = (method: string, path: string): Operation => {
  const op = doc.paths[path]?.[method];
  if (!op) throw new Error(`${method.toUpperCase()} ${path} is not documented`);
  return op;
};
const jsonBody = (op: Operation, status: string) => op.responses[status]?.content?.['application/json']?.schema;

/** Every schema in a subtree, with where it is. */
function* schemasIn(node: unknown, at = '#'): Generator<[string, Schema]> {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemasIn(item, `${at}/${i}`);
  } else if (node && typeof node === 'object') {
    yield [at, node as Schema];
    for (const [key, value] of Object.entries(node)) yield* schemasIn(value, `${at}/${key}`);
  }
}

describe('the OpenAPI document', () => {
  it('documents every route the app serves, once, under a unique camelCase operationId', () => {
    const routes = documentedRoutes(t.app).map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual([...new Set(routes)].sort());

    const ids = operations.map((o) => o.op.operationId);
    expect(ids.filter((id) => !id).length).toBe(0);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]+$/);
    expect(operation('get', '/api/v1/workshops').operationId).toBe('listWorkshops');
    expect(operation('get', '/api/v1/workshops/{id}').operationId).toBe('getWorkshop');
    expect(operation('post', '/api/v1/sessions/{id}/registrations').operationId).toBe('registerForSession');
  });

  it('describes every operation in a sentence, beside its summary', () => {
    const undescribed = operations.filter((o) => !o.op.description || !/[.!?)]$/.test(o.op.description.trim()) || !o.op.summary);
    expect(undescribed.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('lets a client search with `q` alone: every filter is optional', () => {
    const params = operation('get', '/api/v1/search').parameters ?? [];
    for (const name of ['q', 'tag', 'channel', 'mode', 'format', 'location', 'host', 'limit']) {
      expect(
        params.find((p) => p.name === name),
        name,
      ).toMatchObject({ in: 'query', required: false });
    }
    // The dashboard's figures are always of a period: its `from` and `to` are the only required query parameters.
    const period = (o: (typeof operations)[number], name: string) =>
      o.path.startsWith('/api/v1/analytics/') && ['from', 'to'].includes(name);
    const requiredQuery = operations.flatMap((o) =>
      (o.op.parameters ?? []).filter((p) => p.in === 'query' && p.required && !period(o, p.name)).map((p) => `${o.path} ${p.name}`),
    );
    expect(requiredQuery).toEqual([]);
  });

  it('marks required exactly the parameters and body fields the server cannot do without', () => {
    /** The fields a zod object refuses to leave out, as the server validates requests. */
    const required = (schema: unknown) => {
      const shape = (schema as { shape?: Record<string, ZodType> } | undefined)?.shape ?? {};
      return Object.keys(shape)
        .filter((key) => !shape[key]?.safeParse(undefined).success)
        .sort();
    };
    const wrong: string[] = [];
    for (const route of documentedRoutes(t.app)) {
      const where = `${route.method} ${route.url}`;
      const op = operation(route.method.toLowerCase(), route.url.replace(/:(\w+)/g, '{$1}'));
      for (const [place, schema] of [
        ['query', route.schema.querystring],
        ['path', route.schema.params],
      ] as const) {
        const documented = (op.parameters ?? []).filter((p) => p.in === place && p.required).map((p) => p.name);
        if (JSON.stringify(documented.sort()) !== JSON.stringify(required(schema))) wrong.push(`${where} ${place}: ${documented}`);
      }
      if (route.schema.body) {
        const body = op.requestBody?.content['application/json']?.schema as { required?: string[] } | undefined;
        const documented = [...(body?.required ?? [])].sort();
        if (JSON.stringify(documented) !== JSON.stringify(required(route.schema.body))) wrong.push(`${where} body: ${documented}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('accepts null wherever a nullable enum is allowed, such as a checklist item answer', () => {
    const run = jsonBody(operation('get', '/api/v1/workshops/{id}/checklist'), '200') as {
      properties: { items: { items: { properties: { answer: Schema } } } };
    };
    expect(run.properties.items.items.properties.answer).toMatchObject({ nullable: true, enum: ['yes', 'no', 'na', null] });
    const answerBody = operation('patch', '/api/v1/workshops/{id}/checklist/items/{itemId}').requestBody?.content['application/json']
      ?.schema as {
      properties: { answer: Schema };
    };
    expect(answerBody.properties.answer.enum).toContain(null);

    const refusingNull = [...schemasIn(doc)].filter(
      ([, s]) => s.nullable === true && Array.isArray(s.enum) && !(s.enum as unknown[]).includes(null),
    );
    expect(refusingNull.map(([at]) => at)).toEqual([]);
  });

  it('names the properties of records keyed by an enum (OpenAPI 3.0 has no propertyNames)', () => {
    const run = jsonBody(operation('get', '/api/v1/workshops/{id}/checklist'), '200') as {
      properties: { progress: { properties: { phases: Schema } } };
    };
    const phases = run.properties.progress.properties.phases as { properties: Schema; required: string[] };
    expect(Object.keys(phases.properties).sort()).toEqual([...phases.required].sort());
    const undefinedRequired = [...schemasIn(doc)].filter(
      ([, s]) => Array.isArray(s.required) && (s.required as string[]).some((k) => !(k in ((s.properties as Schema) ?? {}))),
    );
    expect(undefinedRequired.map(([at]) => at)).toEqual([]);
  });

  it('names PUBLIC_URL as the server', () => {
    expect(doc.servers?.[0]?.url).toBe(PUBLIC_URL);
    // Paths stay the routes' own even when PUBLIC_URL has a path.
    expect(doc.paths['/api/v1/workshops']).toBeDefined();
  });

  it('declares public routes as needing no credentials, and no other', () => {
    const open = operations.filter((o) => Array.isArray(o.op.security) && o.op.security.length === 0).map((o) => `${o.method} ${o.path}`);
    expect(open.sort()).toEqual(
      [
        'get /healthz',
        'get /readyz',
        'get /api/v1/auth/config',
        'get /api/v1/auth/saml/metadata',
        'get /api/v1/auth/dev/accounts',
        'post /api/v1/auth/dev/sign-in',
        'post /api/v1/auth/sign-out',
        'get /calendar/{file}',
      ].sort(),
    );
    for (const o of operations) {
      if (!open.includes(`${o.method} ${o.path}`)) {
        expect(o.op.security, `${o.method} ${o.path}`).toBeUndefined();
        expect(o.op.responses['401'], `${o.method} ${o.path}`).toBeDefined();
      }
    }
  });

  it('documents the CSRF 403 on every change, public ones included (a browser may send its cookie to sign-out)', () => {
    const changes = operations.filter((o) => ['post', 'put', 'patch', 'delete'].includes(o.method));
    expect(changes.filter((o) => !o.op.responses['403']).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(operation('post', '/api/v1/auth/sign-out').responses['403']).toBeDefined();
  });

  it('declares the media types of CSV and iCalendar files, and JSON for their errors', () => {
    const files = {
      'get /api/v1/sessions/{id}/roster.csv': 'text/csv',
      'get /api/v1/checklist-adoption.csv': 'text/csv',
      'get /api/v1/sessions/{id}/calendar.ics': 'text/calendar',
      'get /calendar/{file}': 'text/calendar',
    };
    for (const [route, type] of Object.entries(files)) {
      const [method = '', path = ''] = route.split(' ');
      const op = operation(method, path);
      expect(Object.keys(op.responses['200']?.content ?? {}), route).toEqual([type]);
      expect(Object.keys(op.responses['404']?.content ?? {}), route).toEqual(['application/json']);
    }
  });

  it('documents the client errors each route can answer', () => {
    for (const { method, path, op } of operations) {
      const where = `${method} ${path}`;
      if (op.parameters?.length) expect(op.responses['400'], where).toBeDefined();
      if (path.includes('{')) expect(op.responses['404'], where).toBeDefined();
      if (method !== 'get') {
        for (const status of ['400', '413', '415']) expect(op.responses[status], `${where} ${status}`).toBeDefined();
      }
      expect(op.responses['503'], where).toBeDefined();
      for (const [status, response] of Object.entries(op.responses)) {
        if (status.startsWith('4'))
          expect(response.content?.['application/json']?.schema, `${where} ${status}`).toMatchObject({ type: 'object' });
      }
    }
    // Signing in is rate limited per address.
    expect(operation('post', '/api/v1/auth/dev/sign-in').responses['429']).toBeDefined();
    expect(operation('post', '/api/v1/me/tokens').responses['429']).toBeDefined();
    // 204 means no body at all.
    expect(operation('delete', '/api/v1/sessions/{id}').responses['204']?.content).toBeUndefined();
  });
});
