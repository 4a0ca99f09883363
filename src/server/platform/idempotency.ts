import type { FastifyReply, FastifyRequest, onSendHookHandler, preHandlerHookHandler } from 'fastify';
import { AppError } from './errors.js';
import type { Api } from './http.js';
import { findKey, saveKey } from './idempotency.repository.js';
import type { Executor } from './transaction.js';

/**
 * Idempotency-Key for POST routes that opt in with `config: { idempotent: true }`: a client that
 * retries a request with the same key gets the first answer again (same status, same body)
 * without the server acting twice; the same key with a different request is a 409 conflict; a
 * key that is not 1 to 200 characters is a 400. Keys belong to the person who sent them and are
 * kept for a day (`IDEMPOTENCY_RETENTION_MS`), then purged by a periodic job.
 *
 * A retry that arrives after the first answer was stored is answered here, before the handler.
 * A retry racing its original is caught by the handler's service: it takes the `RetryGuard` of
 * `retryGuard(request, ...)` and, inside its own transaction and under its own lock, asks for the
 * earlier answer and remembers its own — so the answer is stored atomically with the work. Routes
 * whose handler takes no guard have their answer stored after it is sent (not atomically with the
 * work: a crash in between lets a retry act again).
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** POST only: an `Idempotency-Key` header makes a retried request answer as the first did. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The key of an idempotent route's request that has not been answered before; null otherwise. */
    idempotency: IdempotentRequest | null;
  }
}

export interface IdempotentRequest {
  personId: string;
  key: string;
  /** The request the key was first used for: method, route, params and body. */
  fingerprint: string;
  /** The answer was stored by the handler's service, in its transaction. */
  remembered: boolean;
}

/** What a service is given to make a retried request safe, in its own transaction. */
export interface RetryGuard<T> {
  /** The first answer, when this request is a retry of one already answered (call under the lock). */
  earlier(db: Executor): Promise<T | undefined>;
  /** Stores this answer, in the same transaction as the work. */
  remember(db: Executor, outcome: T): Promise<void>;
}

/** How a route's domain outcome is stored as its answer, and read back. */
export interface AnswerOf<T> {
  status(outcome: T): number;
  body(outcome: T): unknown;
  revive(status: number, body: unknown): T;
}

const reused = () => new AppError('conflict', 'This Idempotency-Key was already used for a different request.');

/** JSON with object keys in order, so `{a, b}` and `{b, a}` are the same request. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function keyOf(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || header.length < 1 || header.length > 200) {
    throw new AppError('validation_failed', 'Idempotency-Key must be 1 to 200 characters.', [
      { field: 'Idempotency-Key', message: 'Invalid.' },
    ]);
  }
  return header;
}

const asList = <H>(hooks: H | H[] | undefined): H[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

/**
 * Installs the hook: call before the routes are registered (it attaches itself to each route
 * that opts in, as the route is added).
 */
export function installIdempotency(app: Api, db: Executor): void {
  app.decorateRequest('idempotency', null);

  const before: preHandlerHookHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = keyOf(request.headers['idempotency-key']);
    if (key === undefined || !request.actor) return;
    const fingerprint = canonical([request.method, request.routeOptions.url, request.params ?? null, request.body ?? null]);
    const stored = await findKey(db, request.actor.id, key);
    if (!stored) {
      request.idempotency = { personId: request.actor.id, key, fingerprint, remembered: false };
      return;
    }
    if (stored.request !== fingerprint) throw reused();
    // The first answer, as it was sent.
    return reply.code(stored.status_code).type('application/json; charset=utf-8').send(stored.response);
  };

  const after: onSendHookHandler = async (request, reply, payload) => {
    const pending = request.idempotency;
    if (!pending || pending.remembered || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    await saveKey(db, pending, reply.statusCode, payload);
    return payload;
  };

  app.addHook('onRoute', (options) => {
    if (!options.config?.idempotent) return;
    if (options.method !== 'POST') throw new Error(`Only POST routes can be idempotent (${options.method} ${options.url}).`);
    options.preHandler = [...asList(options.preHandler), before];
    options.onSend = [...asList(options.onSend), after];
  });
}

/**
 * The guard a service takes to make a retried request safe inside its transaction; undefined when
 * the request carries no new key (no key, or one already answered before the handler).
 */
export function retryGuard<T>(request: FastifyRequest, answer: AnswerOf<T>): RetryGuard<T> | undefined {
  const pending = request.idempotency;
  if (!pending) return undefined;
  return {
    async earlier(db) {
      const stored = await findKey(db, pending.personId, pending.key);
      if (!stored) return undefined;
      if (stored.request !== pending.fingerprint) throw reused();
      pending.remembered = true;
      return answer.revive(stored.status_code, JSON.parse(stored.response));
    },
    async remember(db, outcome) {
      await saveKey(db, pending, answer.status(outcome), JSON.stringify(answer.body(outcome)));
      pending.remembered = true;
    },
  };
}
