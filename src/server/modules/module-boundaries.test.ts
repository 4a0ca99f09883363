import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = import.meta.dirname;

/** Every source file of every module, as [module, file, text]. */
function sources(): [string, string, string][] {
  return readdirSync(MODULES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(MODULES, d.name), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
        .map((f): [string, string, string] => [d.name, f, readFileSync(join(MODULES, d.name, f), 'utf8')]),
    );
}

describe('module boundaries (DESIGN.md)', () => {
  it("share pure rules through src/contracts, never by importing another module's policy", () => {
    const crossings = sources().flatMap(([module, file, text]) =>
      [...text.matchAll(/from '(\.\.\/([\w-]+)\/[\w.-]+\.policy\.js)'/g)]
        .filter(([, , owner]) => owner !== module)
        .map(([, path]) => `${module}/${file} imports ${path}`),
    );
    expect(crossings).toEqual([]);
  });
});
