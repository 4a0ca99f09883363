/**
 * Telling "the database cannot be used right now" apart from every other error. Errors are
 * classified where they arise, in the database driver (db.ts): those that mean the database is
 * unreachable, its connection lost, or (SQLite) its file locked for too long become a
 * DatabaseUnavailable, answered 503 database_unavailable and retried by background work. Nothing
 * else is: an ECONNRESET from a client or an outbound call is not a database outage (500, logged).
 */

/** What a request hears while the database is away. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database cannot be reached right now. Try again in a moment.';
/** What a request hears when SQLite stayed locked by another writer for longer than busy_timeout. */
export const DATABASE_BUSY_MESSAGE = 'The database is busy right now. Try again in a moment.';

export class DatabaseUnavailable extends Error {
  constructor(
    /** For a person: "connection refused". */
    readonly reason: string,
    /** `connection`: reported once per outage by the pool; `busy`: SQLite's lock, nothing else reports it. */
    readonly kind: 'connection' | 'busy',
    options?: { cause?: unknown },
  ) {
    super(`database unavailable: ${reason}`, options);
    this.name = 'DatabaseUnavailable';
  }
}

/** Why the database cannot be used, when `error` is a DatabaseUnavailable; otherwise undefined. */
export function unavailableReason(error: unknown): string | undefined {
  return error instanceof DatabaseUnavailable ? error.reason : undefined;
}

/** A driver's error as it travels on: a DatabaseUnavailable when it means the database cannot be used now, else unchanged. */
export function classifyDatabaseError(error: unknown): unknown {
  if (error instanceof DatabaseUnavailable) return error;
  const reason = connectionFailureReason(error);
  if (reason) return new DatabaseUnavailable(reason, 'connection', { cause: error });
  // better-sqlite3 gives SQLite's (extended) result code; BUSY comes after busy_timeout ran out.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_BUSY'))
    return new DatabaseUnavailable('the database file stayed locked by another writer', 'busy', { cause: error });
  // SQLITE_IOERR, SQLITE_FULL and the like are not cured by waiting: they stay errors (500, logged).
  return error;
}

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
  // The client's query_timeout: an open connection that went silent (packets dropped by a failover).
  [/^Query read timeout$/, 'no answer within DB_QUERY_TIMEOUT_S'],
];

/**
 * A short reason ("connection refused") when an error of the PostgreSQL driver means the database
 * is unreachable or the connection lost; otherwise undefined. Only for errors known to come from
 * the driver: the same socket codes from anything else mean something else.
 */
export function connectionFailureReason(error: unknown): string | undefined {
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
      const reason = connectionFailureReason(inner);
      if (reason) return reason;
    }
  }
  return undefined;
}
