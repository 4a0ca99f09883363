/**
 * Telling "the database cannot be reached" apart from every other database error: the first is
 * answered 503 database_unavailable and retried by background work, the second is a bug (500).
 */

/** What a request hears while the database is away. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database cannot be reached right now. Try again in a moment.';

// Socket errors (Node's codes), on connecting or on a connection that was open.
const socketReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
};

// PostgreSQL's own SQLSTATEs for a server that is going, gone or not yet there (class 08 below).
const serverReasons: Record<string, string> = {
  '57P01': 'the database server closed the connection (administrator command or shutdown)',
  '57P02': 'the database server crashed',
  '57P03': 'the database server is starting up or shutting down',
  // No connection can be had either: to the client it is the same outage.
  '53300': 'the database server has too many connections',
};

// node-postgres and pg-pool report lost and timed-out connections in plain messages, without a code.
const driverReasons: [RegExp, string][] = [
  [/^Connection terminated due to connection timeout/, 'connection timed out'],
  [/^timeout expired$/, 'connection timed out'],
  [/^Connection terminated/, 'connection closed'],
  [/^timeout exceeded when trying to connect/, 'timed out waiting for a database connection'],
  [/has encountered a connection error and is not queryable/, 'connection closed'],
];

/** A short reason for a person ("connection refused") when `error` means the database is unreachable; otherwise undefined. */
export function unreachableReason(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    const known = socketReasons[code] ?? serverReasons[code];
    if (known) return known;
    if (/^08[0-9A-Z]{3}$/.test(code)) return `connection failure: ${error.message}`;
  }
  for (const [pattern, reason] of driverReasons) if (pattern.test(error.message)) return reason;
  // Connecting to a name with several addresses (localhost: ::1 and 127.0.0.1) fails with all of them.
  if (error instanceof AggregateError) {
    for (const inner of error.errors) {
      const reason = unreachableReason(inner);
      if (reason) return reason;
    }
  }
  // Causes are not followed: an HTTP client's "fetch failed" caused by ECONNREFUSED is not the database.
  return undefined;
}
