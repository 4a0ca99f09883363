import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Database } from '../db/schema.js';

/**
 * Read-only connections to the SQLite file, each in a worker thread, behind a Kysely instance.
 *
 * better-sqlite3 runs a query on the thread that asks it: a dashboard figure that reads a year of
 * sessions would hold the event loop (and every registration waiting behind it) for as long as it
 * takes. Read here, it runs beside the server's own connection (WAL lets readers and the writer
 * go on together), and the figures of one answer run on as many cores as there are readers.
 * Only for reads that may see a snapshot a moment older than the writer's: no transactions.
 */

/** The worker: CommonJS source evaluated in the thread (no file to find from src/ or dist/). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= 200) statements.delete(statements.keys().next().value);
      statements.set(sql, statement);
    }
    const rows = statement.reader ? statement.all(parameters) : (statement.run(parameters), []);
    parentPort.postMessage({ id, rows });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
`;

interface Reply {
  id: number;
  rows?: Record<string, unknown>[];
  error?: { message: string; code?: string };
}

class ReaderConnection implements DatabaseConnection {
  private readonly pending = new Map<number, { resolve: (rows: Record<string, unknown>[]) => void; reject: (e: Error) => void }>();
  private next = 0;
  /** Started on the first query, and again after a crash (not in a loop: a file that will not open fails each query). */
  private worker: Worker | undefined;

  constructor(private readonly path: string) {}

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: this.path, driver } });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else waiting.resolve(reply.rows ?? []);
    });
    // A reader that dies fails what it was asked; the next query starts a new one.
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (code !== 0) this.fail(new Error(`SQLite reader exited (${code})`));
    });
    worker.unref();
    return worker;
  }

  private fail(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const id = this.next++;
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker ??= this.start();
      this.worker.postMessage({ id, sql: compiled.sql, parameters: compiled.parameters });
    });
    return { rows: rows as R[] };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered by the readers
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('SQLite readers do not stream');
  }

  async close(): Promise<void> {
    this.fail(new Error('SQLite readers closed'));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/** Hands each query to an idle reader, or queues it until one is free. */
class ReaderPool implements Driver {
  private readonly all: ReaderConnection[] = [];
  private readonly idle: ReaderConnection[] = [];
  private readonly waiting: ((connection: ReaderConnection) => void)[] = [];

  constructor(
    private readonly path: string,
    private readonly size: number,
  ) {}

  async init(): Promise<void> {
    for (let i = 0; i < this.size; i++) {
      const connection = new ReaderConnection(this.path);
      this.all.push(connection);
      this.idle.push(connection);
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = this.idle.pop();
    if (connection) return connection;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const next = this.waiting.shift();
    if (next) next(connection as ReaderConnection);
    else this.idle.push(connection as ReaderConnection);
  }

  async beginTransaction(): Promise<void> {
    throw new Error('SQLite readers are read-only: no transactions');
  }

  async commitTransaction(): Promise<void> {
    throw new Error('SQLite readers are read-only: no transactions');
  }

  async rollbackTransaction(): Promise<void> {
    throw new Error('SQLite readers are read-only: no transactions');
  }

  async destroy(): Promise<void> {
    await Promise.all(this.all.map((c) => c.close()));
  }
}

class ReadersDialect implements Dialect {
  constructor(
    private readonly path: string,
    private readonly size: number,
  ) {}
  createAdapter() {
    return new SqliteAdapter();
  }
  createDriver() {
    return new ReaderPool(this.path, this.size);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}

/** `size` read-only worker connections to the SQLite file at `path`; `destroy()` stops them. */
export function openSqliteReaders(path: string, size: number): Kysely<Database> {
  return new Kysely<Database>({ dialect: new ReadersDialect(path, size) });
}
