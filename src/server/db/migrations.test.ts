import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * A migration is history: what it does must not change when application code changes later. So
 * a migration file imports only kysely, Node's built-ins and sibling helpers in migrations/
 * (column-types.ts, migration-ids.ts), never another migration, modules/, platform/ or the seeds;
 * data it inserts is written into the migration itself.
 */
const dir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
const isMigration = (file: string) => /^\d{8}T\d{4}_.+\.ts$/.test(file);
const helpers = new Set(files.filter((f) => !isMigration(f)).map((f) => `./${f.replace(/\.ts$/, '.js')}`));

function allowed(specifier: string): boolean {
  if (specifier === 'kysely') return true;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return true;
  return helpers.has(specifier);
}

describe('migrations', () => {
  it('are found', () => {
    expect(files.filter(isMigration).length).toBeGreaterThan(10);
  });

  it.each(files)('%s imports only kysely, node built-ins and sibling migration helpers', (file) => {
    const source = readFileSync(join(dir, file), 'utf8');
    // Static imports, `export … from`, dynamic import() and require(), type-only ones included.
    const imported = ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
    expect(imported.filter((specifier) => !allowed(specifier))).toEqual([]);
  });
});
