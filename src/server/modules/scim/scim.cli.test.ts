import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/helpers/app.js';
import { scimClient } from '../../../../test/helpers/scim.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../platform/db.js';

/** `lyceum scim-token create | list | revoke`, run as a person would, against an embedded database file. */
const root = fileURLToPath(new URL('../../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'lyceum-scim-cli-'));
const file = join(dir, 'lyceum.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lyceum = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, SEED_DEMO: 'false', LOG_LEVEL: 'silent' },
  });

// The command works the same on PostgreSQL; run once, on the embedded database.
describe.runIf(process.env.LYCEUM_TEST_DB !== 'postgres')('lyceum scim-token', () => {
  it('prints a token once, keeps only its hash, lists it by its last characters, and revokes it', async () => {
    const created = await lyceum('scim-token', 'create');
    const token = created.stdout.trim();
    expect(token).toMatch(/^lyscim_[\w-]{40,}$/);
    const id = /revoke it with: lyceum scim-token revoke (\S+)/.exec(created.stderr)?.[1] ?? '';
    expect(id).not.toBe('');

    const listed = (await lyceum('scim-token', 'list')).stdout;
    expect(listed).toContain(id);
    expect(listed).toContain(`…${token.slice(-4)}`);
    expect(listed).not.toContain(token);

    const database = openDatabase({ dialect: 'sqlite', path: file });
    const app = await buildTestApp({ config: loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }), database });
    await app.ready();
    try {
      const stored = await database.db.selectFrom('scim_tokens').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);
      expect((await scimClient(app, token).get('/Users?count=1')).statusCode).toBe(200);
      expect((await lyceum('scim-token', 'revoke', id)).stdout).toContain(`revoked ${id}`);
      expect((await scimClient(app, token).get('/Users?count=1')).statusCode).toBe(401);
      await expect(lyceum('scim-token', 'revoke', id)).rejects.toMatchObject({ stderr: expect.stringContaining('no active SCIM token') });
    } finally {
      await app.close();
      await database.close();
    }
  }, 60_000);
});
