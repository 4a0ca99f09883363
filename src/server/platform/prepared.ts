import { createHash } from 'node:crypto';
import type { Compilable, CompiledQuery } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Executor } from './transaction.js';

type Arg = string | number | null;

interface Compiled {
  query: CompiledQuery;
  /** For each parameter of the compiled query: the argument it comes from, or -1 for a constant. */
  slots: number[];
}

/**
 * A query that Kysely builds and compiles once per dialect instead of on every call. Building and
 * compiling costs more than running the short queries on the hottest paths (authenticating every
 * request, registering), so those are written as usual and wrapped here. On PostgreSQL the
 * query also goes as a named statement (postgres-pool.ts, unless DB_PREPARED_STATEMENTS=false),
 * so each connection parses and plans it once rather than on every call.
 *
 * The builder is run once with marker values in place of the arguments; where a marker shows up
 * among the compiled parameters, later calls put their own argument. So the builder must pass its
 * arguments to Kysely unchanged and must not branch on them — checked when it is first compiled.
 */
export function prepared<A extends Arg[], R>(build: (db: Executor, ...args: A) => Compilable<R>) {
  const byDialect = new Map<unknown, Compiled>();

  function compile(db: Executor, arity: number): Compiled {
    // Mixed case and outer spaces: lower-casing, upper-casing or trimming an argument changes its marker.
    const markers = Array.from({ length: arity }, (_, i) => ` \u0000Prepared Argument ${i}\u0000 `);
    const query = build(db, ...(markers as A)).compile();
    const slots = query.parameters.map((p) => (typeof p === 'string' ? markers.indexOf(p) : -1));
    for (let i = 0; i < arity; i++) {
      if (!slots.includes(i)) throw new Error(`prepared query: argument ${i} is not passed through as a parameter`);
    }
    if (markers.some((m) => query.sql.includes(m))) throw new Error('prepared query: an argument ended up inside the SQL text');
    nameStatement(query.sql);
    return { query, slots };
  }

  return async function run(db: Executor, ...args: A): Promise<R[]> {
    const dialect = db.getExecutor().adapter.constructor;
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      compiled = compile(db, args.length);
      byDialect.set(dialect, compiled);
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((constant, i) => {
      const slot = slots[i] as number;
      return slot < 0 ? constant : args[slot];
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

/** Statement names by SQL text, for the queries `prepared` compiled (a bounded set: one per query and dialect). */
const statementNames = new Map<string, string>();

function nameStatement(sql: string): void {
  if (!statementNames.has(sql)) statementNames.set(sql, `lyceum_${createHash('sha256').update(sql).digest('hex').slice(0, 20)}`);
}

/**
 * The name under which PostgreSQL may keep this SQL parsed and planned on a connection: only
 * the queries `prepared` made, never ad-hoc ones (whose texts are unbounded: lists of ids).
 */
export function statementNameOf(sql: string): string | undefined {
  return statementNames.get(sql);
}

/**
 * A query over a list of ids, prepared for the most common list: a single id (one workshop's
 * page). Longer lists are built as usual. An empty list runs nothing.
 */
export function preparedByIds<A extends Arg[], R>(build: (db: Executor, ids: string[], ...args: A) => Compilable<R>) {
  const forOne = prepared((db: Executor, id: string, ...args: A) => build(db, [id], ...args));
  return async (db: Executor, ids: string[], ...args: A): Promise<R[]> => {
    if (ids.length === 0) return [];
    if (ids.length === 1) return forOne(db, ids[0] as string, ...args);
    return (await db.executeQuery<R>(build(db, ids, ...args).compile())).rows;
  };
}

/**
 * Statements by SQL text, prepared once: preparing costs more than running most of Lyceum's
 * queries. Keeps the `max` most recently used; a new one replaces the least recently used (a
 * statement dropped is prepared again when next needed).
 */
export function cachedStatements<S extends object>(prepare: (sql: string) => S, max = 2000): (sql: string) => S {
  const cache = new LRUCache<string, S>({ max });
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
