import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresDialect,
  type QueryResult,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  sql,
} from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Database } from '../db/schema.js';
import { classifyDatabaseError } from './db-errors.js';
import { type ConnectionLog, openPostgresPool } from './postgres-pool.js';
import { cachedStatements } from './prepared.js';

export type { ConnectionLog } from './postgres-pool.js';

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
  /**
   * From now on, how long a query may wait for its answer before it fails as DatabaseUnavailable
   * and its connection is closed (undefined: as long as it takes). PostgreSQL only: an open
   * connection whose packets are dropped (a failover) never errors by itself. `serve` sets it after
   * migrating, as migrations and the CLI's long statements (seed --scale org) must not be cut short.
   */
  setQueryTimeout(ms: number | undefined): void;
  close(): Promise<void>;
}

// timestamptz comes back as the same ISO-8601 UTC string SQLite stores, so rows look alike.
const TIMESTAMPTZ_OID = 1184;
pg.types.setTypeParser(TIMESTAMPTZ_OID, timestamptzToIso);
const UTC_TIMESTAMP = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/;

/**
 * PostgreSQL's text for a timestamptz as the ISO-8601 UTC string SQLite stores ("…T…Z", to the
 * millisecond, truncated as Date does). A UTC session's text ("2026-12-07 09:00:00.123456+00") is
 * rewritten as it is: a feed of 500 sessions has a thousand, and Date's parser costs about a
 * microsecond each. Any other form (another time zone, a year beyond 9999) goes through Date.
 */
export function timestamptzToIso(text: string): string {
  const utc = UTC_TIMESTAMP.exec(text);
  if (!utc) return new Date(text).toISOString();
  return `${utc[1]}T${utc[2]}.${(utc[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

// COUNT(*) is bigint in PostgreSQL; our counts fit easily in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * SQLite transactions begin IMMEDIATE: the write lock is taken at BEGIN, so two processes on one
 * database file can never both read a seat count and then both write (no upgrade deadlock either).
 */
class ImmediateSqliteDriver extends SqliteDriver {
  constructor(
    settings: SqliteDialectConfig,
    private readonly inTransaction: () => boolean,
  ) {
    super(settings);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    return classifyingSqliteConnection(await super.acquireConnection());
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    // After some errors (SQLITE_FULL, SQLITE_IOERR, …) SQLite has already rolled the transaction
    // back; a ROLLBACK would fail and its "no transaction is active" replace the error that matters.
    if (this.inTransaction()) await super.rollbackTransaction(connection);
  }
}

/** SQLite's errors with the ones waiting may cure (a lock held past busy_timeout) marked DatabaseUnavailable. */
function classifyingSqliteConnection(connection: DatabaseConnection): DatabaseConnection {
  return {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      try {
        return await connection.executeQuery<R>(query);
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
    async *streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
      try {
        yield* connection.streamQuery<R>(query, chunkSize);
      } catch (error) {
        throw classifyDatabaseError(error);
      }
    },
  };
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly settings: SqliteDialectConfig,
    private readonly inTransaction: () => boolean,
  ) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings, this.inTransaction);
  }
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of Lyceum's queries.
 * Statements are reusable, and Kysely runs one query at a time per connection, so cache them by SQL.
 */
function withStatementCache(database: SQLite.Database): SqliteDialectConfig['database'] {
  return { close: () => database.close(), prepare: cachedStatements((text) => database.prepare(text)) };
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
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }, () => database.inTransaction),
    });
    return sqliteHandle(db);
  }
  return openPostgres(target.url, target.poolMax, target.preparedStatements ?? true);
}

/** One connection to a local file: no pool to report, no network to go silent (its lock waits are bounded by busy_timeout). */
function sqliteHandle(db: Db): DbHandle {
  return {
    db,
    dialect: 'sqlite',
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    reportConnectionsTo: () => undefined,
    setQueryTimeout: () => undefined,
    close: () => db.destroy(),
  };
}

/**
 * A SQLite file as it is, read-only: none of openDatabase's settings that write (WAL mode,
 * optimize). For looking into a backup, or into a restore's target, without changing a byte.
 */
export function openSqliteReadOnly(path: string): DbHandle {
  const database = new SQLite(path, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  return sqliteHandle(new Kysely<Database>({ dialect: new SqliteDialect({ database }) }));
}

function openPostgres(url: string, poolMax: number | undefined, preparedStatements: boolean): DbHandle {
  const connections = openPostgresPool(url, poolMax, { preparedStatements });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: connections.pool }) });
  return {
    db,
    dialect: 'postgres',
    poolStats: () => connections.stats(),
    reportConnectionsTo: (log) => connections.reportTo(log),
    setQueryTimeout: (ms) => connections.setQueryTimeout(ms),
    close: () => db.destroy(),
  };
}

/**
 * Refreshes SQLite's planner statistics where the data changed enough (bounded by analysis_limit),
 * as SQLite recommends for long-lived connections: once at open is not enough for a server that
 * runs for weeks while its tables grow (an unanalysed org-sized database planned the dashboard's
 * year 10× slower). PostgreSQL's autovacuum does this by itself.
 */
export async function optimizeStatistics(handle: DbHandle): Promise<number> {
  if (handle.dialect !== 'sqlite') return 0;
  await sql`pragma optimize`.execute(handle.db);
  return 1;
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
