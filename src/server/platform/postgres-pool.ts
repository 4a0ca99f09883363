import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import pg from 'pg';
import { classifyDatabaseError, connectionFailureReason, DatabaseUnavailable } from './db-errors.js';
import { statementNameOf } from './prepared.js';

export interface ConnectionLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/** Connections per instance when DB_POOL_MAX is not set. */
export const DEFAULT_POOL_MAX = 10;
// Opening one connection: a database that does not answer within this is unreachable (503).
const CONNECT_TIMEOUT_MS = 5_000;
// Waiting for a free connection while all are busy: a burst queues, far longer than a connect may
// take; only a pool stuck for this long is answered 503 instead of waiting on.
const ACQUIRE_TIMEOUT_MS = 30_000;
// Probes idle connections, so one a firewall or failover silently dropped is noticed and replaced.
const KEEPALIVE_DELAY_MS = 10_000;

/**
 * Says once that connections are failing (not once per request, pooled connection or job tick),
 * and once that a new one worked again.
 */
class ConnectionWatch {
  private log: ConnectionLog | undefined;
  private failing = false;

  reportTo(log: ConnectionLog): void {
    this.log = log;
  }

  failed(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    const reason = connectionFailureReason(error) ?? (error instanceof Error ? error.message : String(error));
    this.log?.warn({ reason }, 'database connection lost; requests answer 503 database_unavailable until a new one opens');
  }

  connected(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log?.info({}, 'database connection restored');
  }
}

class QuickToConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

export interface WatchedPool {
  /** What Kysely's PostgresDialect draws its connections from. */
  pool: PostgresPool;
  stats(): { total: number; idle: number; waiting: number };
  reportTo(log: ConnectionLog): void;
  /** How long each query from now on may wait for its answer (pg's query_timeout); undefined: no bound. */
  setQueryTimeout(ms: number | undefined): void;
}

/**
 * A pg.Pool that survives lost connections and reports them once; its errors reach Kysely already
 * classified, so only a failure of the database itself becomes a DatabaseUnavailable.
 */
export function openPostgresPool(url: string, max = DEFAULT_POOL_MAX, options: { preparedStatements?: boolean } = {}): WatchedPool {
  const pool = new pg.Pool({
    connectionString: url,
    // Shows in pg_stat_activity; an application_name in DATABASE_URL takes precedence.
    application_name: 'lyceum',
    // DB_POOL_MAX: the most connections this instance holds; N instances hold N times this.
    max,
    // pg-pool bounds both the queue and a new connection with connectionTimeoutMillis; the
    // connection gets its own, shorter bound from the client.
    connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
    Client: QuickToConnectClient,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  });
  const watch = new ConnectionWatch();
  const settings: QuerySettings = { timeoutMs: undefined, named: options.preparedStatements ?? true };
  // Without these listeners one connection closed by the server (a restart, a failover,
  // pg_terminate_backend, idle_session_timeout) is an unhandled 'error' event that ends the process.
  // The pool drops a broken connection (idle, or when its holder releases it) and opens a new one
  // when one is next needed.
  pool.on('error', (error) => watch.failed(error));
  pool.on('connect', (client) => {
    watch.connected();
    // While a request holds it, a connection's errors are emitted on the client, not the pool;
    // the request's own query fails with the same error and is answered 503.
    client.on('error', (error) => watch.failed(error));
  });
  return {
    pool: {
      connect: async () => {
        try {
          return classifying(await pool.connect(), watch, settings);
        } catch (error) {
          watch.failed(error);
          throw classifyDatabaseError(error);
        }
      },
      end: () => pool.end(),
    },
    stats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    reportTo: (log) => watch.reportTo(log),
    setQueryTimeout: (ms) => {
      settings.timeoutMs = ms;
    },
  };
}

/** SQLSTATE feature_not_supported: what PostgreSQL answers a kept statement whose tables changed shape. */
const STALE_PLAN = '0A000';

interface QuerySettings {
  timeoutMs: number | undefined;
  /** Whether `prepared` queries go as named statements (platform/prepared.ts statementNameOf). */
  named: boolean;
}

/**
 * One pooled connection as Kysely uses it (for one query or one transaction): its connection-class
 * errors become DatabaseUnavailable; once it has failed so, later queries on it fail at once (a
 * transaction's rollback does not wait on a dead socket) and it is released as broken, so the pool
 * closes it instead of lending it to the next request. A query that timed out leaves its connection
 * waiting for an answer that may never come: it is closed the same way.
 */
function classifying(client: pg.PoolClient, watch: ConnectionWatch, settings: QuerySettings): PostgresPoolClient {
  let broken: DatabaseUnavailable | undefined;
  const query = async <R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> => {
    if (broken) throw broken;
    try {
      // query_timeout per query (node-postgres reads it there too), so a change reaches connections already open.
      // A query `prepared` made goes by name: each connection parses and plans it once, and after
      // five runs PostgreSQL may keep one generic plan (planning the workshop page cost 0.4 ms of
      // its 0.5). Any other query is parsed and planned each time, as its text may never recur.
      const name = settings.named ? statementNameOf(sql) : undefined;
      const config = { name, text: sql, values: [...parameters], query_timeout: settings.timeoutMs } as pg.QueryConfig;
      const result = (await client.query(config)) as unknown as PostgresQueryResult<R>;
      // Connections that were open all along may be the first to answer again after an outage.
      watch.connected();
      return result;
    } catch (error) {
      if (settings.named && (error as { code?: string }).code === STALE_PLAN && statementNameOf(sql)) {
        // A migration changed a table under a statement this connection kept ("cached plan must
        // not change result type", as in a rolling upgrade): this request is answered 503 (try
        // again) and the connection is replaced; a new one prepares the statement afresh.
        broken = new DatabaseUnavailable('a kept statement predates a schema change; the connection is replaced', 'connection', {
          cause: error,
        });
        throw broken;
      }
      const classified = classifyDatabaseError(error);
      if (classified instanceof DatabaseUnavailable) {
        broken = classified;
        watch.failed(error);
      }
      throw classified;
    }
  };
  return {
    // Kysely passes a cursor only for streaming, which Lyceum's dialect is not configured for.
    query: query as PostgresPoolClient['query'],
    release: (destroy) => client.release(broken ?? destroy),
  };
}
