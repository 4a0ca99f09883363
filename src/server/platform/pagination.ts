import { AppError } from './errors.js';

/** Opaque keyset cursors: the sort values of the last item, base64url-encoded JSON. */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What each position of a cursor holds: a timestamp is checked, so a forged one never reaches SQL. */
export type CursorPart = 'time' | 'text';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function decodeCursor(cursor: string | undefined, parts: CursorPart[]): string[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === parts.length &&
      values.every(
        (v, i) =>
          typeof v === 'string' && !v.includes('\u0000') && (parts[i] !== 'time' || (ISO_UTC.test(v) && !Number.isNaN(Date.parse(v)))),
      )
    ) {
      return values as string[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'The cursor is not valid: use the nextCursor of a previous page.', [
    { field: 'cursor', message: 'Invalid cursor.' },
  ]);
}

/** Fetch limit + 1 rows, then split into the page and the cursor for the next one. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(cursorOf(last)) : null };
}
