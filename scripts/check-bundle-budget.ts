// The JavaScript budget of the first page (the catalog): every script a first visit loads before
// the app can draw, i.e. the entry of index.html and every chunk it imports statically (which
// index.html preloads), gzipped as the server sends them. Reads the build's manifest
// (build.manifest in vite.config.ts) and index.html; prints each file and the total; exits 1 when
// the total is over the budget, or when there is nothing to measure.
//
//   node --import tsx scripts/check-bundle-budget.ts [--budget-kb 200] [--dir dist/web]
//   npm run check:bundle   (builds the web app first)
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { constants, gzipSync } from 'node:zlib';

/** 200 KB, counted as 1 KB = 1,000 bytes. */
export const BUDGET_BYTES = 200_000;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The scripts a first visit of the app loads: index.html's entry and its static imports, each once. */
export function firstPageScripts(dir: string): string[] {
  const manifestPath = join(dir, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build the web app first (build.manifest in vite.config.ts).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, ManifestChunk>;
  const entries = Object.entries(manifest).filter(([, chunk]) => chunk.isEntry);
  if (entries.length === 0) throw new Error(`${manifestPath} names no entry.`);
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${manifestPath}: "${key}" is imported but not listed.`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key] of entries) visit(key);
  // Whatever index.html itself loads counts too (it should be the same files).
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  for (const [, src] of html.matchAll(/<script[^>]*\ssrc="\/?([^"]+)"/g)) files.add(src as string);
  for (const [, href] of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+)"/g)) files.add(href as string);
  return [...files].filter((f) => f.endsWith('.js'));
}

export function measure(dir: string): { scripts: ScriptSize[]; gzipBytes: number } {
  const scripts = firstPageScripts(dir).map((file) => {
    const content = readFileSync(join(dir, file));
    // As precompress-web.ts writes the .gz copies the server sends.
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: constants.Z_BEST_COMPRESSION }).length };
  });
  return { scripts, gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0) };
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const budget = arg('--budget-kb') !== undefined ? Number(arg('--budget-kb')) * 1000 : BUDGET_BYTES;
  const dir = resolve(arg('--dir') ?? 'dist/web');
  if (!Number.isFinite(budget) || budget <= 0) {
    console.error('--budget-kb takes a positive number.');
    return 2;
  }
  let result: ReturnType<typeof measure>;
  try {
    result = measure(dir);
  } catch (err) {
    console.error(`Bundle budget: ${(err as Error).message}`);
    return 1;
  }
  if (result.scripts.length === 0 || result.gzipBytes === 0) {
    console.error('Bundle budget: the first page loads no script, which cannot be right.');
    return 1;
  }
  console.log('First page (catalog) JavaScript, gzipped:');
  for (const s of result.scripts)
    console.log(`  ${s.file.padEnd(44)} ${kb(s.bytes).padStart(10)} raw ${kb(s.gzipBytes).padStart(10)} gzip`);
  const verdict = result.gzipBytes <= budget ? 'within' : 'OVER';
  console.log(`  total ${kb(result.gzipBytes)} gzipped in ${result.scripts.length} files: ${verdict} the budget of ${kb(budget)}`);
  return result.gzipBytes <= budget ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
