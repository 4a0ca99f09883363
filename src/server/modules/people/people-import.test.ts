import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, buildTestApp } from '../../../../test/helpers/app.js';
import { createTestDatabase } from '../../../../test/helpers/database.js';
import { expectError } from '../../../../test/helpers/errors.js';
import type { ApiToken } from '../../../contracts/index.js';
import { loadConfig } from '../../config.js';
import { type DbHandle, openDatabase } from '../../platform/db.js';
import { createTransactor } from '../../platform/transaction.js';
import { peopleRepository } from './people.repository.js';
import { PeopleImportService } from './people-import.service.js';

const HEADER = 'email,name,title,team,location,time_zone,manager_email,role';

let database: DbHandle;
let importer: PeopleImportService;

beforeAll(async () => {
  database = await createTestDatabase();
  importer = new PeopleImportService(createTransactor(database.db), peopleRepository);
});
afterAll(() => database.close());

const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const person = (email: string) => peopleRepository.findByEmail(database.db, email);

describe('importing people from CSV', () => {
  it('creates people, then updates them by email on a second import', async () => {
    const first = await importer.importCsv(
      csv(
        'ada@corp.example,Ada Lovelace,CTO,Leadership,London,Europe/London,,admin',
        'GRACE@Corp.Example,Grace Hopper,Engineer,Compilers,New York,America/New_York,ada@corp.example,',
      ),
    );
    expect(first).toEqual({ created: 2, updated: 0, rejected: [] });
    const ada = await person('ada@corp.example');
    expect(ada).toMatchObject({ name: 'Ada Lovelace', title: 'CTO', time_zone: 'Europe/London', role: 'admin', manager_id: null });
    expect(await person('grace@corp.example')).toMatchObject({ name: 'Grace Hopper', role: 'member', manager_id: ada?.id });

    const second = await importer.importCsv(
      csv(
        'ada@corp.example,Ada King,Chief Scientist,Leadership,London,Europe/London,,admin',
        'grace@corp.example,Grace Hopper,Rear Admiral,Navy,Arlington,America/New_York,ada@corp.example,member',
        'linus@corp.example,Linus Torvalds,,,,,,',
      ),
    );
    expect(second).toEqual({ created: 1, updated: 2, rejected: [] });
    expect(await person('ada@corp.example')).toMatchObject({ id: ada?.id, name: 'Ada King', title: 'Chief Scientist' });
    expect(await person('grace@corp.example')).toMatchObject({ title: 'Rear Admiral', team: 'Navy', manager_id: ada?.id });
    // Empty optional columns get defaults.
    expect(await person('linus@corp.example')).toMatchObject({ title: null, team: null, time_zone: 'UTC', role: 'member' });
  });

  it('rejects bad rows with their line number and reason, and still imports the good ones', async () => {
    const report = await importer.importCsv(
      csv(
        'good1@corp.example,Good One,,,,Europe/Berlin,,', // line 2
        'not-an-email,Bad Email,,,,,,', // line 3
        'tz@corp.example,Tz Person,,,,Mars/Olympus,,', // line 4
        'boss@corp.example,Big Boss,,,,,,boss', // line 5
        'good1@corp.example,Good Again,,,,,,', // line 6
        'orphan@corp.example,Orphan,,,,,ghost@corp.example,', // line 7
        'narcissus@corp.example,Narcissus,,,,,narcissus@corp.example,', // line 8
        'good2@corp.example,Good Two,,,,,good1@corp.example,member', // line 9
      ),
    );
    expect(report.created).toBe(2);
    expect(report.updated).toBe(0);
    expect(report.rejected.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8]);
    const reasons = report.rejected.map((r) => r.reason);
    expect(reasons[0]).toMatch(/^email:/);
    expect(reasons[1]).toMatch(/^time_zone: unknown time zone/);
    expect(reasons[2]).toMatch(/^role:/);
    expect(reasons[3]).toMatch(/already appears on line 2/);
    expect(reasons[4]).toMatch(/ghost@corp\.example/);
    expect(reasons[5]).toMatch(/own manager/);

    expect(await person('good1@corp.example')).toMatchObject({ name: 'Good One', time_zone: 'Europe/Berlin' });
    expect(await person('good2@corp.example')).toBeTruthy();
    for (const email of ['tz@corp.example', 'boss@corp.example', 'orphan@corp.example', 'narcissus@corp.example']) {
      expect(await person(email)).toBeUndefined();
    }
  });

  it('accepts a manager who appears after their report, and quoted fields with commas', async () => {
    const report = await importer.importCsv(
      csv(
        'report@corp.example,"Doe, Jane","Engineer, Platform",Core,"Amsterdam, NL",Europe/Amsterdam,boss@corp.example,member',
        'boss@corp.example,"Smith, John",Director,Core,Amsterdam,Europe/Amsterdam,,',
      ),
    );
    expect(report).toEqual({ created: 2, updated: 0, rejected: [] });
    const boss = await person('boss@corp.example');
    expect(await person('report@corp.example')).toMatchObject({
      name: 'Doe, Jane',
      title: 'Engineer, Platform',
      location: 'Amsterdam, NL',
      manager_id: boss?.id,
    });
  });

  it('refuses a file without the email and name columns', async () => {
    await expect(importer.importCsv('mail,full_name\nx@corp.example,X')).rejects.toThrow(/missing: email, name/);
  });
});

describe('the lyceum command', () => {
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lyceum-cli-'));
    file = join(dir, 'lyceum.sqlite');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const lyceum = (...args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' },
    });

  it('imports a CSV file and prints the counts and each rejected line', async () => {
    const csvFile = join(dir, 'people.csv');
    writeFileSync(
      csvFile,
      csv(
        'a@corp.example,Alex A,,,,Europe/Amsterdam,,',
        'b@corp.example,Bea B,,,,Mars/Olympus,,',
        'c@corp.example,Cas C,,,,UTC,a@corp.example,boss',
        'd@corp.example,Dee D,,,,UTC,a@corp.example,member',
      ),
    );
    const { stdout } = await lyceum('people', 'import', csvFile);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toBe('created: 2, updated: 0, rejected: 2');
    expect(lines.slice(1)).toEqual([expect.stringMatching(/^line 3: time_zone: /), expect.stringMatching(/^line 4: role: /)]);
  });

  it('creates API tokens, one line per email in order, that sign those people in', async () => {
    const { stdout } = await lyceum('token', 'create', 'd@corp.example', 'a@corp.example');
    const tokens = stdout.trim().split('\n');
    expect(tokens).toHaveLength(2);

    const db = openDatabase({ dialect: 'sqlite', path: file });
    const app = await buildTestApp({
      config: loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }),
      database: db,
    });
    try {
      const who = await Promise.all(tokens.map(async (token) => (await as(app, token).get('/api/v1/me')).json().email));
      expect(who).toEqual(['d@corp.example', 'a@corp.example']);
    } finally {
      await app.close();
      await db.close();
    }
  });

  it('creates tokens of the chosen scope and lifetime (write, 90 days unless told otherwise)', { timeout: 120_000 }, async () => {
    const made = async (...options: string[]) => (await lyceum('token', 'create', ...options, 'd@corp.example')).stdout.trim();
    const standard = await made();
    // Each run starts a process of its own: once the file is migrated (above), they run side by side.
    const [read, forever] = await Promise.all([
      made('--scope', 'read', '--expires-in-days', '30'),
      made('--no-expiry'),
      expect(made('--expires-in-days', '7')).rejects.toThrow(/Allowed choices are 30, 90, 365/),
      expect(made('--scope', 'admin')).rejects.toThrow(/Allowed choices are read, write/),
    ]);
    const tokens = { standard, read: read as string, forever: forever as string };

    const db = openDatabase({ dialect: 'sqlite', path: file });
    const app = await buildTestApp({
      config: loadConfig({ DATABASE_URL: `sqlite:${file}`, LOG_LEVEL: 'silent' }),
      database: db,
    });
    try {
      const listed = (await as(app, tokens.standard).get('/api/v1/me/tokens')).json().items as ApiToken[];
      const find = (token: string) => listed.find((i) => i.hint === token.slice(-4));
      const days = (t: ApiToken | undefined) => (Date.parse(t?.expiresAt ?? '') - Date.now()) / 86_400_000;
      expect(find(tokens.standard)?.scope).toBe('write');
      expect(days(find(tokens.standard))).toBeCloseTo(90, 1);
      expect(find(tokens.read)?.scope).toBe('read');
      expect(days(find(tokens.read))).toBeCloseTo(30, 1);
      expect(find(tokens.forever)).toMatchObject({ scope: 'write', expiresAt: null });
      expect((await as(app, tokens.read).get('/api/v1/me')).statusCode).toBe(200);
      expectError(await as(app, tokens.read).put('/api/v1/me/notification-preferences', { channels: {} }), 403, 'forbidden');
    } finally {
      await app.close();
      await db.close();
    }
  });
});
