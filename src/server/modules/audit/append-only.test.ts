import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { as, testAppWithPeople } from '../../../../test/helpers/app.js';

/**
 * The audit log is append-only: no route changes or removes an entry, and only two places in the
 * code write to an existing one: the retention sweep (AUDIT_RETENTION_DAYS) deletes old entries,
 * and erasure replaces the erased person's name and email by "Former colleague" (the entry and
 * the person's id stay).
 */
const { t, ada } = testAppWithPeople({ ada: { name: 'Ada Admin', role: 'admin' } });

const SERVER = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the audit log is append-only', () => {
  it('has no route that changes or removes entries, for an admin either', async () => {
    const entry = (await as(t.app, ada.token).get('/api/v1/admin/audit?limit=1')).json().items[0];
    const id = entry?.id ?? 'some-entry';
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST'] as const) {
      for (const url of ['/api/v1/admin/audit', `/api/v1/admin/audit/${id}`]) {
        const api = as(t.app, ada.token);
        const res =
          method === 'DELETE'
            ? await api.delete(url)
            : await api[method === 'PUT' ? 'put' : method === 'PATCH' ? 'patch' : 'post'](url, {});
        expect([404, 405], `${method} ${url}`).toContain(res.statusCode);
      }
    }
    const paths = Object.entries((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths as Record<string, object>);
    const auditPaths = paths.filter(([path]) => path.startsWith('/api/v1/admin/audit'));
    expect(auditPaths.length).toBeGreaterThan(0);
    for (const [path, operations] of auditPaths) expect(Object.keys(operations), path).toEqual(['get']);
  });

  it('is changed in the code only by the retention sweep and by erasure', () => {
    const writers = sources(SERVER)
      .filter((file) => /(updateTable|deleteFrom)\(\s*'audit_log'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SERVER, file));
    expect(writers.sort()).toEqual(['modules/audit/audit.repository.ts', 'modules/people/erasure.repository.ts']);
  });
});
