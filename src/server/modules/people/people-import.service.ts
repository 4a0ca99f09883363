import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isTimeZone } from '../../../contracts/index.js';
import { AppError } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { peopleRepository } from './people.repository.js';

export const IMPORT_COLUMNS = ['email', 'name', 'title', 'team', 'location', 'time_zone', 'manager_email', 'role'] as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v));

const rowSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email('not a valid email address')),
  name: z.string().trim().min(1, 'name is empty').max(200),
  title: optionalText(200),
  team: optionalText(200),
  location: optionalText(200),
  time_zone: z
    .string()
    .trim()
    .transform((v) => v || 'UTC')
    .refine(isTimeZone, 'unknown time zone (use an IANA name such as Europe/Amsterdam)'),
  manager_email: z.string().trim().toLowerCase(),
  role: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => v || 'member')
    .pipe(z.enum(['member', 'admin'], 'role must be member or admin')),
});

export interface ImportReport {
  created: number;
  updated: number;
  rejected: { line: number; reason: string }[];
}

type ValidRow = z.output<typeof rowSchema> & { line: number };

/**
 * `lyceum people import`: upserts people by email. A bad row is reported and skipped, never
 * aborting the file; managers may appear after their reports.
 */
export class PeopleImportService {
  constructor(
    private readonly tx: Transactor,
    private readonly people: typeof peopleRepository,
  ) {}

  async importCsv(text: string): Promise<ImportReport> {
    const records = this.parse(text);
    const rejected: ImportReport['rejected'] = [];
    const valid = new Map<string, ValidRow>();
    for (const { record, line } of records) {
      const parsed = rowSchema.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        rejected.push({ line, reason: `${String(issue?.path[0] ?? 'row')}: ${issue?.message ?? 'invalid'}` });
      } else if (valid.has(parsed.data.email)) {
        rejected.push({ line, reason: `email: ${parsed.data.email} already appears on line ${valid.get(parsed.data.email)?.line}` });
      } else {
        valid.set(parsed.data.email, { ...parsed.data, line });
      }
    }

    let created = 0;
    let updated = 0;
    await this.tx.transaction(async (trx) => {
      await this.rejectUnknownManagers(trx, valid, rejected);
      // Pass 1: everyone without managers, so a manager listed later in the file exists for pass 2.
      const idByEmail = new Map<string, string>();
      const now = nowIso();
      for (const row of valid.values()) {
        const fields = {
          name: row.name,
          title: row.title,
          team: row.team,
          location: row.location,
          time_zone: row.time_zone,
          role: row.role,
        };
        const existing = await this.people.findByEmail(trx, row.email);
        if (existing) {
          await this.people.update(trx, existing.id, { ...fields, updated_at: now });
          idByEmail.set(row.email, existing.id);
          updated++;
        } else {
          const id = newId();
          await this.people.insert(trx, { id, email: row.email, ...fields, manager_id: null, created_at: now, updated_at: now });
          idByEmail.set(row.email, id);
          created++;
        }
      }
      // Pass 2: managers, from this file or already in the directory.
      for (const row of valid.values()) {
        const managerId = row.manager_email
          ? (idByEmail.get(row.manager_email) ?? (await this.people.findByEmail(trx, row.manager_email))?.id ?? null)
          : null;
        await this.people.update(trx, idByEmail.get(row.email) as string, { manager_id: managerId });
      }
    });
    rejected.sort((a, b) => a.line - b.line);
    return { created, updated, rejected };
  }

  /** A row whose manager is neither in the file nor in the directory is rejected; repeat, as that may orphan others. */
  private async rejectUnknownManagers(db: Executor, valid: Map<string, ValidRow>, rejected: ImportReport['rejected']) {
    const known = new Map<string, boolean>();
    const exists = async (email: string) => {
      if (!known.has(email)) known.set(email, (await this.people.findByEmail(db, email)) !== undefined);
      return known.get(email) as boolean;
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const row of [...valid.values()]) {
        const manager = row.manager_email;
        let reason: string | undefined;
        if (manager === row.email) reason = 'manager_email: a person cannot be their own manager';
        else if (manager && !valid.has(manager) && !(await exists(manager))) {
          reason = `manager_email: ${manager} is neither in this file nor in the directory`;
        }
        if (reason) {
          rejected.push({ line: row.line, reason });
          valid.delete(row.email);
          changed = true;
        }
      }
    }
  }

  private parse(text: string): { record: Record<string, string>; line: number }[] {
    let rows: { record: Record<string, string>; info: { lines: number } }[];
    try {
      rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, info: true, relax_column_count: true, trim: true });
    } catch (error) {
      throw new AppError('bad_request', `The file is not valid CSV: ${(error as Error).message}`);
    }
    const header = Object.keys(rows[0]?.record ?? {});
    const missing = IMPORT_COLUMNS.filter((c) => c === 'email' || c === 'name').filter((c) => rows.length > 0 && !header.includes(c));
    if (missing.length > 0) {
      throw new AppError('bad_request', `The header must be ${IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}.`);
    }
    const blank = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, '']));
    return rows.map(({ record, info }) => ({ record: { ...blank, ...record }, line: info.lines }));
  }
}
