import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.js';
import type { Db } from './db.js';

/** The one PostgreSQL channel every instance listens on; payloads say which topic they are for. */
export const SIGNAL_CHANNEL = 'lyceum_changes';

// A lost listening connection is retried after 0.5 s, doubling up to 15 s.
const FIRST_RETRY_MS = 500;
const LAST_RETRY_MS = 15_000;
const CONNECT_TIMEOUT_MS = 5_000;
// How long the listening connection waits to hear its own first NOTIFY, sent through the pool.
const PROBE_TIMEOUT_MS = 3_000;
const PROBE_TOPIC = 'lyceum.signals.probe';

export interface SignalLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

/**
 * "Something changed" between instances of one Lyceum: caches kept per instance (tokens, the
 * search index) drop what a signal names. On SQLite there is one instance, so signals stay in the
 * process. On PostgreSQL, each instance LISTENs on one connection of its own and a signal is a
 * NOTIFY, which PostgreSQL delivers to every listener after the sending transaction commits; a
 * trigger may send one too (`pg_notify('lyceum_changes', json_build_object('topic', 'search',
 * 'schema', current_schema(), 'payload', …)::text)`), so
 * changes made by plain SQL reach the caches as well. No new service, and nothing is kept: a
 * notification sent while an instance was not listening is lost, so after the connection comes
 * back `onResync` listeners are told to forget everything they hold. Caches still bound their
 * entries' lifetime for the moment between a lost connection and noticing it.
 */
export interface ChangeSignals {
  /** Tells this instance at once and every other one within milliseconds. Call it after commit. */
  publish(topic: string, payload?: string): Promise<void>;
  subscribe(topic: string, listener: (payload: string) => void): () => void;
  /** Called when signals may have been missed (the listening connection came back). */
  onResync(listener: () => void): () => void;
  /** Resolves once signals from other instances are heard (at once on SQLite). */
  ready(): Promise<void>;
  /** Whether other instances' signals are heard now, and through which server process (PostgreSQL). */
  status(): { listening: boolean; pid?: number };
  /** Where a lost and regained listening connection is reported (the app's logger). */
  reportTo(log: SignalLog): void;
  close(): Promise<void>;
}

class DeafListener extends Error {
  constructor() {
    super('the listening connection hears nothing');
  }
}

interface Message {
  topic: string;
  payload?: string;
  /** The sending instance (absent when a trigger sent it): its own echo is not delivered twice. */
  from?: string;
  /**
   * The sender's schema (`current_schema()` in a trigger): NOTIFY channels are per database, and
   * two Lyceums (or two test files) may share one database in different schemas.
   */
  schema?: string;
}

class Listeners {
  private readonly byTopic = new Map<string, Set<(payload: string) => void>>();
  readonly resync = new Set<() => void>();

  add(topic: string, listener: (payload: string) => void): () => void {
    const set = this.byTopic.get(topic) ?? new Set();
    this.byTopic.set(topic, set);
    set.add(listener);
    return () => set.delete(listener);
  }

  deliver(topic: string, payload: string): void {
    for (const listener of this.byTopic.get(topic) ?? []) listener(payload);
  }

  resynced(): void {
    for (const listener of this.resync) listener();
  }
}

/** One process, one instance: a signal goes straight to its listeners. */
export function inProcessSignals(): ChangeSignals {
  const listeners = new Listeners();
  return {
    publish: async (topic, payload = '') => listeners.deliver(topic, payload),
    subscribe: (topic, listener) => listeners.add(topic, listener),
    onResync: (listener) => {
      listeners.resync.add(listener);
      return () => listeners.resync.delete(listener);
    },
    ready: async () => undefined,
    status: () => ({ listening: true }),
    reportTo: () => undefined,
    close: async () => undefined,
  };
}

/**
 * Signals through PostgreSQL's LISTEN/NOTIFY. `url` must reach PostgreSQL itself: LISTEN does not
 * work through a pooler in transaction mode (PgBouncer), so that one connection goes direct.
 */
export function postgresSignals(url: string, db: Db): ChangeSignals {
  let log: SignalLog | undefined;
  const self = randomUUID();
  const listeners = new Listeners();
  let client: pg.Client | undefined;
  let closed = false;
  let everConnected = false;
  let retryMs = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | undefined;
  let schema: string | undefined;
  let listeningPid: number | undefined;
  let warnedDeaf = false;
  let markReady: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const onNotification = (message: pg.Notification) => {
    let parsed: Message;
    try {
      parsed = JSON.parse(message.payload ?? '') as Message;
    } catch {
      return;
    }
    if (typeof parsed.topic !== 'string' || parsed.from === self) return;
    if (parsed.schema !== undefined && parsed.schema !== schema) return;
    listeners.deliver(parsed.topic, parsed.payload ?? '');
  };

  const lost = (error: unknown) => {
    if (closed || !client) return;
    const gone = client;
    client = undefined;
    listeningPid = undefined;
    gone.removeAllListeners();
    gone.on('error', () => undefined);
    void gone.end().catch(() => undefined);
    // A deaf listener was reported once when it was found; its retries are not news.
    if (!(error instanceof DeafListener))
      log?.warn({ reason: error instanceof Error ? error.message : String(error) }, 'change signals: listening connection lost; retrying');
    schedule();
  };

  const schedule = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, retryMs);
    retry.unref();
    retryMs = Math.min(LAST_RETRY_MS, retryMs * 2);
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
    next.on('error', (error) => lost(error));
    next.on('end', () => lost(new Error('connection ended')));
    next.on('notification', onNotification);
    client = next;
    try {
      await next.connect();
      await next.query(`listen ${SIGNAL_CHANNEL}`);
      const me = await next.query<{ schema: string; pid: number }>('select current_schema() as schema, pg_backend_pid() as pid');
      schema = me.rows[0]?.schema;
      if (!(await hearsThePool(next))) {
        // Through PgBouncer in transaction mode (or to another database), LISTEN succeeds and then
        // hears nothing: caches would trust a silence. Not listening, so they read the database.
        if (!warnedDeaf)
          log?.warn(
            { listenUrl: redacted(url) },
            'change signals: the listening connection does not hear NOTIFY sent through the pool; is DATABASE_LISTEN_URL going through a pooler in transaction mode or to another database? Per-instance caches read the database until it does',
          );
        warnedDeaf = true;
        throw new DeafListener();
      }
      listeningPid = me.rows[0]?.pid;
    } catch (error) {
      if (client === next) lost(error);
      else void next.end().catch(() => undefined);
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    retryMs = FIRST_RETRY_MS;
    if (warnedDeaf) log?.info({}, 'change signals: the listening connection hears NOTIFY now');
    warnedDeaf = false;
    if (everConnected) {
      log?.info({}, 'change signals: listening again; per-instance caches start afresh');
      listeners.resynced();
    }
    everConnected = true;
    markReady();
  };

  /** Sends a NOTIFY through the pool (as the app's changes are) and waits to hear it on `listener`. */
  const hearsThePool = async (listener: pg.Client): Promise<boolean> => {
    const nonce = randomUUID();
    let timer: NodeJS.Timeout | undefined;
    let onProbe: ((message: pg.Notification) => void) | undefined;
    const heard = new Promise<boolean>((resolve) => {
      onProbe = (message) => {
        if (message.payload?.includes(nonce)) resolve(true);
      };
      listener.on('notification', onProbe);
      timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
    });
    try {
      const body = JSON.stringify({ topic: PROBE_TOPIC, payload: nonce, from: self, schema } satisfies Message);
      await sql`select pg_notify(${SIGNAL_CHANNEL}, ${body})`.execute(db);
      return await heard;
    } finally {
      clearTimeout(timer);
      if (onProbe) listener.off('notification', onProbe);
    }
  };

  void connect();

  return {
    async publish(topic, payload = '') {
      listeners.deliver(topic, payload);
      // Before the first connection the schema is not known yet: others then take it as theirs,
      // which at worst drops a cache entry for nothing.
      const body = JSON.stringify({ topic, payload, from: self, schema } satisfies Message);
      // The listening connection sends when it is up (no pool connection taken for it); when it is
      // down, the pool does, so the other instances still hear of this change.
      if (client && everConnected && !retry) {
        const sent = await client.query('select pg_notify($1, $2)', [SIGNAL_CHANNEL, body]).then(
          () => true,
          () => false,
        );
        if (sent) return;
      }
      await sql`select pg_notify(${SIGNAL_CHANNEL}, ${body})`.execute(db);
    },
    subscribe: (topic, listener) => listeners.add(topic, listener),
    onResync: (listener) => {
      listeners.resync.add(listener);
      return () => listeners.resync.delete(listener);
    },
    ready: () => isReady,
    status: () => {
      const listening = client !== undefined && listeningPid !== undefined;
      return listening ? { listening, pid: listeningPid } : { listening };
    },
    reportTo: (to) => {
      log = to;
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const last = client;
      client = undefined;
      if (last) {
        last.removeAllListeners();
        last.on('error', () => undefined);
        await last.end().catch(() => undefined);
      }
    },
  };
}

/** The URL without its password, for the log. */
function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}

/** The signals of this deployment: in the process on SQLite, LISTEN/NOTIFY on PostgreSQL. */
export function openChangeSignals(target: DatabaseTarget, db: Db, listenUrl?: string): ChangeSignals {
  return target.dialect === 'postgres' ? postgresSignals(listenUrl ?? target.url, db) : inProcessSignals();
}
