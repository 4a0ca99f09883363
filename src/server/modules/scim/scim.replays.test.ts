import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testAppWithPeople } from '../../../../test/helpers/app.js';
import { SCIM_ENV, scimClient } from '../../../../test/helpers/scim.js';

/**
 * The request sequences Okta and Microsoft Entra ID send when they provision an app, replayed
 * as recorded in test/fixtures/scim (see its README): each answer is checked as the provider reads it.
 */
interface Step {
  name: string;
  request: { method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; path: string; body?: unknown };
  response: { status: number; body?: unknown };
  capture?: Record<string, string>;
}

const fixtures = join(import.meta.dirname, '../../../../test/fixtures/scim');
const sequences = readdirSync(fixtures).filter((f) => f.endsWith('.json'));

const { t } = testAppWithPeople({}, { env: SCIM_ENV });

function fill<T>(value: T, captured: Record<string, string>): T {
  return JSON.parse(JSON.stringify(value).replace(/\$\{(\w+)\}/g, (_, name: string) => captured[name] ?? `\${${name}}`)) as T;
}

describe('replaying what identity providers send', () => {
  it('has the Okta and Entra sequences', () => {
    expect(sequences.sort()).toEqual(['entra-groups.json', 'entra-users.json', 'okta-groups.json', 'okta-users.json']);
  });

  for (const file of sequences) {
    it(file.replace('.json', ''), async () => {
      const steps = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as Step[];
      const captured: Record<string, string> = {};
      const scim = scimClient(t.app);
      for (const step of steps) {
        const { method, path, body } = fill(step.request, captured);
        const res =
          method === 'GET'
            ? await scim.get(path)
            : method === 'DELETE'
              ? await scim.delete(path)
              : await scim[method === 'POST' ? 'post' : method === 'PUT' ? 'put' : 'patch'](path, body);
        expect(res.statusCode, `${step.name}: ${res.body}`).toBe(step.response.status);
        if (res.statusCode !== 204) expect(res.headers['content-type'], step.name).toMatch(/^application\/scim\+json/);
        if (step.response.body !== undefined) expect(res.json(), step.name).toMatchObject(fill(step.response.body as object, captured));
        for (const [name, attribute] of Object.entries(step.capture ?? {})) captured[name] = res.json()[attribute];
      }
    });
  }
});
