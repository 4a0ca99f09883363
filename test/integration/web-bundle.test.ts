import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { routesOnly } from '../../scripts/vite-contract-routes.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function budgetCheck(args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-bundle-budget.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

/** A built web app in miniature: index.html → entry → a.js → b.js statically, lazy.js only dynamically. */
function fakeBuild(): { dir: string; firstPageGzip: number } {
  const dir = mkdtempSync(join(tmpdir(), 'lyceum-budget-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  // Random bytes do not compress: the sizes are known within a few bytes.
  const files: Record<string, Buffer> = {
    'assets/index-1.js': randomBytes(30_000),
    'assets/a-1.js': randomBytes(20_000),
    'assets/b-1.js': randomBytes(10_000),
    'assets/lazy-1.js': randomBytes(400_000),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(
    join(dir, '.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/index-1.js', src: 'index.html', isEntry: true, imports: ['_a.js'], dynamicImports: ['lazy.tsx'] },
      '_a.js': { file: 'assets/a-1.js', imports: ['_b.js'] },
      '_b.js': { file: 'assets/b-1.js' },
      'lazy.tsx': { file: 'assets/lazy-1.js', isDynamicEntry: true, imports: ['_a.js'] },
    }),
  );
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" crossorigin src="/assets/index-1.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/a-1.js"><link rel="modulepreload" crossorigin href="/assets/b-1.js"></head></html>',
  );
  const firstPageGzip = ['assets/index-1.js', 'assets/a-1.js', 'assets/b-1.js'].reduce(
    (sum, f) => sum + gzipSync(files[f] as Buffer, { level: 9 }).length,
    0,
  );
  return { dir, firstPageGzip };
}

describe('the first page JavaScript budget (scripts/check-bundle-budget.ts)', () => {
  it('counts the entry and everything it imports statically, not what loads later, and passes within the budget', () => {
    const { dir, firstPageGzip } = fakeBuild();
    const { status, out } = budgetCheck(['--dir', dir, '--budget-kb', '200']);
    expect(status, out).toBe(0);
    expect(out).toContain('assets/index-1.js');
    expect(out).toContain('assets/b-1.js');
    expect(out).not.toContain('lazy-1.js');
    expect(out).toContain(`total ${(firstPageGzip / 1000).toFixed(1)} KB gzipped in 3 files: within the budget of 200.0 KB`);
  });

  it('fails when the first page is over the budget', () => {
    const { dir } = fakeBuild();
    const { status, out } = budgetCheck(['--dir', dir, '--budget-kb', '50']);
    expect(status, out).toBe(1);
    expect(out).toContain('OVER the budget of 50.0 KB');
  });

  it('fails, rather than passing with nothing measured, when there is no build', () => {
    const { status, out } = budgetCheck(['--dir', mkdtempSync(join(tmpdir(), 'lyceum-budget-empty-'))]);
    expect(status, out).toBe(1);
    expect(out).toMatch(/manifest\.json is missing/);
  });

  it.runIf(existsSync(join(ROOT, 'dist/web/.vite/manifest.json')))('measures the real build, and fails it on a too small budget', () => {
    const real = budgetCheck(['--budget-kb', '20']);
    expect(real.status, real.out).toBe(1);
    const total = Number(/total ([\d.]+) KB gzipped/.exec(real.out)?.[1]);
    // React alone is more than 50 KB gzipped: a figure below that measured the wrong thing.
    expect(total).toBeGreaterThan(50);
  });
});

describe('the web build keeps only method and path of each endpoint (scripts/vite-contract-routes.ts)', () => {
  const contracts = join(ROOT, 'src/contracts');
  const files = readdirSync(contracts).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

  it('rewrites every endpoint of every contract file to its method and path', async () => {
    let endpoints = 0;
    for (const file of files) {
      const source = readFileSync(join(contracts, file), 'utf8');
      const out = routesOnly(source, file);
      const calls = [...out.matchAll(/endpoint\(\{ (method: '[A-Z]+', path: '[^']+') \}\)/g)];
      endpoints += calls.length;
      expect(out.split('endpoint({').length - 1, `${file}: every endpoint rewritten`).toBe(calls.length);
    }
    // Each of them, as the server registers it, is in the rewritten text.
    const api = await import('../../src/contracts/index.js');
    const declared = Object.values(api as Record<string, unknown>)
      .filter((v): v is Record<string, { method: string; path: string }> => typeof v === 'object' && v !== null && !Array.isArray(v))
      .flatMap((group) => Object.values(group).filter((e) => e && typeof e === 'object' && 'operationId' in e && 'path' in e));
    expect(declared.length).toBeGreaterThan(50);
    expect(endpoints).toBeGreaterThanOrEqual(declared.length);
    const rewritten = files.map((f) => routesOnly(readFileSync(join(contracts, f), 'utf8'), f)).join('\n');
    for (const e of declared) expect(rewritten, e.path).toContain(`endpoint({ method: '${e.method}', path: '${e.path}' })`);
  });

  it('marks top-level values as free of side effects, so unused schemas drop out', () => {
    const out = routesOnly("import { z } from 'zod';\nexport const a = z.string().max(3);\nexport const b = 'x';\n", 'x.ts');
    expect(out).toContain('export const a = /*#__PURE__*/ (() => (z.string().max(3)))();');
    expect(out).toContain("export const b = 'x';");
  });
});
