import { Readable } from 'node:stream';
import type { AuditEntryView } from '../../../contracts/audit.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvCell, csvFilename, toCsv } from '../../platform/csv.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Transactor } from '../../platform/transaction.js';
import { AUDIT_REFUSAL, periodBounds, retentionCutoff } from './audit.policy.js';
import type { AuditRow, AuditSearch, auditRepository } from './audit.repository.js';

export interface AuditFilters {
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Rows per query while the CSV is written: memory stays at one page whatever the log holds. */
export const AUDIT_CSV_PAGE_ROWS = 2000;
/** Rows deleted per transaction by the retention sweep: no long lock on a big log. */
const PURGE_SLICE = 1000;

const COLUMNS = ['At', 'Actor', 'Actor id', 'Action', 'Target type', 'Target id', 'Summary', 'IP address', 'Request id', 'Details'];

function parseDetails(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { text };
  }
}

function present(r: AuditRow): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    actor: { id: r.actor_id, label: r.actor_label },
    action: r.action,
    target: r.target_type !== null && r.target_id !== null ? { type: r.target_type, id: r.target_id } : null,
    summary: r.summary,
    details: parseDetails(r.details),
    ip: r.ip,
    requestId: r.request_id,
  };
}

const cells = (r: AuditRow): CsvCell[] => [
  r.at,
  r.actor_label,
  r.actor_id,
  r.action,
  r.target_type,
  r.target_id,
  r.summary,
  r.ip,
  r.request_id,
  r.details,
];

const searchOf = (filters: AuditFilters): AuditSearch => ({
  actorId: filters.actor,
  action: filters.action,
  ...periodBounds(filters.from, filters.to),
});

/**
 * Reading and keeping the audit log. Entries are written by the services that make the changes
 * (platform/audit.ts, in their own transactions); this service only reads them and forgets the
 * old ones.
 */
export class AuditService {
  constructor(
    private readonly tx: Transactor,
    private readonly audit: typeof auditRepository,
    private readonly access: AccessChecker,
    private readonly csvPageRows = AUDIT_CSV_PAGE_ROWS,
  ) {}

  async page(actor: Actor, query: AuditFilters & { cursor?: string | undefined; limit: number }) {
    this.access.admin(actor, AUDIT_REFUSAL);
    const before = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const rows = await this.audit.page(this.tx.executor, searchOf(query), before, query.limit + 1);
    const page = toPage(rows, query.limit, (r) => [r.at, r.id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  }

  /**
   * The entries the filters select as one CSV file, newest first, written a keyset page at a
   * time through the one CSV writer (header and byte-order mark from the first page only).
   */
  csv(actor: Actor, filters: AuditFilters, now = new Date()): { filename: string; stream: Readable } {
    this.access.admin(actor, AUDIT_REFUSAL);
    const db = this.tx.executor;
    const repository = this.audit;
    const pageRows = this.csvPageRows;
    const search = searchOf(filters);
    const header = toCsv(COLUMNS, []);
    async function* chunks() {
      yield header;
      let before: [string, string] | undefined;
      for (;;) {
        const rows = await repository.page(db, search, before, pageRows);
        if (rows.length > 0) yield toCsv(COLUMNS, rows.map(cells)).slice(header.length);
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageRows) return;
        before = [last.at, last.id];
      }
    }
    const day = now.toISOString().slice(0, 10);
    return { filename: csvFilename('audit-log', filters.from ?? '', filters.to ?? day), stream: Readable.from(chunks()) };
  }

  /** The retention sweep: entries older than `days` are deleted, in slices. */
  async purgeOlderThan(days: number, now = new Date()): Promise<number> {
    const before = retentionCutoff(days, now);
    let purged = 0;
    for (;;) {
      const n = await this.tx.transaction((trx) => this.audit.purge(trx, before, PURGE_SLICE));
      purged += n;
      if (n < PURGE_SLICE) return purged;
    }
  }
}
