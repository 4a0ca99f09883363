import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { analyticsAttendanceRow } from '../../../contracts/analytics.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvCell, csvFilename, toCsv } from '../../platform/csv.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { AttendanceRecord, attendanceRepository } from './attendance.repository.js';
import { type AnalyticsScope, boundsOf, withOrganisation } from './tables.scope.js';

export type AttendanceRow = z.infer<typeof analyticsAttendanceRow>;

/** Rows per query while the CSV is written: memory stays at one page whatever the period. */
export const CSV_PAGE_ROWS = 5000;

const COLUMNS = ['Registration', 'Person', 'Name', 'Email', 'Team', 'Session', 'Workshop', 'Title', 'Starts at', 'Status', 'Hours'];
const REFUSAL = 'The attendance export names people: only admins (the education team) can take it.';

const round = (hours: number) => Math.round(hours * 100) / 100;

function present(r: AttendanceRecord): AttendanceRow {
  return {
    registrationId: r.registration_id,
    person: { id: r.person_id, name: r.name, email: r.email },
    team: r.team,
    sessionId: r.session_id,
    workshopId: r.workshop_id,
    title: r.title,
    startsAt: r.starts_at,
    status: r.status,
    hours: round(r.hours),
  };
}

const cells = (r: AttendanceRecord): CsvCell[] => [
  r.registration_id,
  r.person_id,
  r.name,
  r.email,
  r.team,
  r.session_id,
  r.workshop_id,
  r.title,
  r.starts_at,
  r.status,
  round(r.hours),
];

/**
 * The org-wide attendance export for HR and L&D systems: every registration of the period's
 * sessions with the person, their team, the session, its status and the hours it counts for
 * (the session's length when attended, else 0). Names and emails: admins only, shared viewers too are refused.
 */
export class AttendanceService {
  constructor(
    tx: Transactor,
    private readonly attendance: typeof attendanceRepository,
    private readonly access: AccessChecker,
    /** Rows per query while a CSV file is written. */
    private readonly csvPageRows = CSV_PAGE_ROWS,
    /** Where the pages are read: the database, or SQLite's reader threads (platform/sqlite-readers.ts). */
    private readonly reader: Executor = tx.executor,
  ) {}

  async page(
    actor: Actor,
    query: AnalyticsScope & { cursor?: string; limit: number },
    now = new Date(),
  ): Promise<{ items: AttendanceRow[]; nextCursor: string | null }> {
    this.access.admin(actor, REFUSAL);
    const after = decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined;
    const scope = await withOrganisation(this.reader, query);
    const rows = await this.attendance.page(this.reader, scope, boundsOf(query, now), after, query.limit + 1);
    const page = toPage(rows, query.limit, (r) => [r.starts_at, r.registration_id]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  }

  /**
   * The whole period as one CSV file, streamed: platform/csv.ts writes whole files only, so the
   * file is written a keyset page (CSV_PAGE_ROWS) at a time through it, the header (and byte-order
   * mark) kept from the first page only. A year at org scale (about a million rows) never sits in
   * memory. Pages are separate reads, not one snapshot: a change made while the file is being
   * written may or may not be in it.
   */
  async csv(actor: Actor, scope: AnalyticsScope, now = new Date()): Promise<{ filename: string; stream: Readable }> {
    this.access.admin(actor, REFUSAL);
    const bounds = boundsOf(scope, now);
    const db = this.reader;
    const resolved = await withOrganisation(db, scope);
    const repository = this.attendance;
    const pageRows = this.csvPageRows;
    const header = toCsv(COLUMNS, []);
    async function* chunks() {
      yield header;
      let after: [string, string] | undefined;
      for (;;) {
        const rows = await repository.page(db, resolved, bounds, after, pageRows);
        if (rows.length > 0) yield toCsv(COLUMNS, rows.map(cells)).slice(header.length);
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageRows) return;
        after = [last.starts_at, last.registration_id];
      }
    }
    return { filename: csvFilename('attendance', scope.from, scope.to), stream: Readable.from(chunks()) };
  }
}
