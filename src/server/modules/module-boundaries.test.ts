import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODULES = import.meta.dirname;
const PLATFORM = join(MODULES, '..', 'platform');

/** Every source file below `root`, as [folder, file, text] (folder: the first folder below root). */
function sources(root: string): [string, string, string][] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f): [string, string, string] => [f.split('/')[0] ?? '', f, readFileSync(join(root, f), 'utf8')]);
}

/** The relative imports of a module file that land in another module: [other module, file imported]. */
function crossModuleImports(module: string, file: string, text: string, { values = false } = {}): [string, string][] {
  const depth = file.split('/').length - 1;
  const up = '../'.repeat(depth);
  return (
    [...text.matchAll(/^import (type )?([^;]*?) from '([^']+)'/gms)]
      // A type-only import leaves nothing at run time (`import type`, or every name marked `type`).
      .filter(([, typeOnly, names = '']) => !values || (!typeOnly && !/^\{(\s*type [^,}]+,?)+\s*\}$/.test(names)))
      .map(([, , , path]) => path as string)
      .filter((path) => path.startsWith(up) && !path.startsWith(`${up}../`))
      .map((path): [string, string] => {
        const [other = '', ...rest] = path.slice(up.length).split('/');
        return [other, rest.join('/')];
      })
      .filter(([other]) => other !== module && other !== '')
  );
}

const moduleSources = sources(MODULES).filter(([module]) => module.endsWith('.ts') === false);

describe('module boundaries (docs/ARCHITECTURE.md)', () => {
  it("share pure rules through src/contracts, never by importing another module's policy", () => {
    const crossings = moduleSources.flatMap(([module, file, text]) =>
      crossModuleImports(module, file, text)
        .filter(([, imported]) => imported.endsWith('.policy.js'))
        .map(([other, imported]) => `${file} imports ${other}/${imported}`),
    );
    expect(crossings).toEqual([]);
  });

  // Repositories (SQL) and presenters (pure shaping) may be shared; behaviour is reached through
  // a port the container fills, so no module depends on how another one works.
  it('reach another module only through its repositories and presenters: never its services, routes or plugin', () => {
    const crossings = moduleSources.flatMap(([module, file, text]) =>
      crossModuleImports(module, file, text)
        .filter(([, imported]) => !/\.(repository|presenter)\.js$/.test(imported))
        .map(([other, imported]) => `${file} imports ${other}/${imported}`),
    );
    expect(crossings).toEqual([]);
  });

  // Types are erased when the code runs; the imports that load code must not go round in a circle.
  it('have no circular imports between modules', () => {
    const edges = new Map<string, Set<string>>();
    for (const [module, file, text] of moduleSources) {
      for (const [other] of crossModuleImports(module, file, text, { values: true })) {
        if (!edges.has(module)) edges.set(module, new Set());
        edges.get(module)?.add(other);
      }
    }
    const cycles: string[] = [];
    const visit = (module: string, path: string[]) => {
      for (const next of edges.get(module) ?? []) {
        if (next === path[0]) cycles.push([...path, next].join(' → '));
        else if (!path.includes(next) && next > (path[0] ?? '')) visit(next, [...path, next]);
      }
    };
    for (const module of edges.keys()) visit(module, [module]);
    expect(cycles).toEqual([]);
  });

  it('keep the platform free of modules: it knows no domain', () => {
    const crossings = sources(PLATFORM).flatMap(([, file, text]) =>
      [...text.matchAll(/from '([^']*\/modules\/[^']+)'/g)].map(([, path]) => `platform/${file} imports ${path}`),
    );
    expect(crossings).toEqual([]);
  });
});
