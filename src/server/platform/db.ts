import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Database } from '../db/schema.js';
import { unreachableReason } from './db-errors.js';

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  dialect: DatabaseTarget['dialect'];
  /** Pool figures for /metrics (PostgreSQL); SQLite has a single connection. */
  poolStats(): { total: number; idle: number; waiting: number };
  /**
   * Where lost and regained connections are reported (the app's logger, once there is one); until
   * then they are only survived, and start-up speaks for itself.
   */
  reportConnectionsTo(log: ConnectionLog): void;
  close(): Promise<void>;
}

export interface ConnectionLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

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
    const reason = unreachableReason(error) ?? (error instanceof Error ? error.message : String(error));
    this.log?.warn({ reason }, 'database connection lost; requests answer 503 database_unavailable until a new one opens');
  }

  connected(): void {
    if (!this.failing) return;
    this.failing = false;
    this.log?.info({}, 'database connection restored');
  }
}

// timestamptz comes back as the same ISO-8601 UTC string SQLite stores, so rows look alike.
const TIMESTAMPTZ_OID = 1184;
pg.types.setTypeParser(TIMESTAMPTZ_OID, (v) => new Date(v).toISOString());
// COUNT(*) is bigint in PostgreSQL; our counts fit easily in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, so two processes on one
 * database file can never both read a seat count and then both write (no upgrade deadlock either).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of Lyceum's queries.
 * Statements are reusable, and Kysely runs one query at a time per connection, so cache them by SQL.
 */
function withStatementCache(database: SQLite.Database): SqliteDialectConfig['database'] {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = cache.get(text);
      if (!statement) {
        statement = database.prepare(text);
        if (cache.size >= 2000) cache.clear();
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

export function openDatabase(target: DatabaseTarget): DbHandle {
  if (target.dialect === 'sqlite') {
    if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
    const database = new SQLite(target.path);
    database.pragma('journal_mode = WAL');
    // In WAL mode NORMAL keeps every committed transaction through a crash or kill -9 of the
    // process (the WAL is written before COMMIT returns); only an OS crash or power loss may
    // lose the last few. FULL would fsync on every commit and cap writes at the disk's fsync rate.
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Planner statistics, as SQLite recommends for long-lived connections: without them the
    // catalog's "next session" subquery walks every session instead of the upcoming range
    // (measured 16.7 → 12.5 ms on the org-sized data). Bounded by analysis_limit, so it stays fast.
    database.pragma('analysis_limit = 400');
    database.pragma('optimize = 0x10002');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
    return {
      db,
      dialect: 'sqlite',
      poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
      reportConnectionsTo: () => undefined,
      close: () => db.destroy(),
    };
  }
  return openPostgres(target.url);
}

class QuickToConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

function openPostgres(url: string): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    // Shows in pg_stat_activity; an application_name in DATABASE_URL takes precedence.
    application_name: 'lyceum',
    max: 10,
    // pg-pool bounds both the queue and a new connection with connectionTimeoutMillis; the
    // connection gets its own, shorter bound from the client.
    connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
    Client: QuickToConnectClient,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_DELAY_MS,
  });
  const watch = new ConnectionWatch();
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
  const watchedPool = {
    connect: () =>
      pool.connect().catch((error: unknown) => {
        watch.failed(error);
        throw error;
      }),
    end: () => pool.end(),
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: watchedPool }) });
  return {
    db,
    dialect: 'postgres',
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    reportConnectionsTo: (log) => watch.reportTo(log),
    close: () => db.destroy(),
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
