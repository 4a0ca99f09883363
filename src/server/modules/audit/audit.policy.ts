/**
 * The audit log's pure rules: who may read it, which instants a period of UTC days covers, and
 * which entries the retention sweep forgets.
 */

const DAY = 86_400_000;

export const AUDIT_REFUSAL = 'Only admins can read the audit log.';

/** A period of UTC days, both ends included, as instants [start, end); either end may be open. */
export function periodBounds(from: string | undefined, to: string | undefined): { start?: string; end?: string } {
  return {
    ...(from !== undefined ? { start: `${from}T00:00:00.000Z` } : {}),
    ...(to !== undefined ? { end: new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY).toISOString() } : {}),
  };
}

/** Entries before this instant are older than AUDIT_RETENTION_DAYS and go. */
export const retentionCutoff = (days: number, now: Date): string => new Date(now.getTime() - days * DAY).toISOString();
