import type { DatabaseTarget } from '../config.js';
import { type DbHandle, ping } from './db.js';
import { DatabaseUnavailable, unavailableReason } from './db-errors.js';
import { maskUrlPassword } from './redact-url.js';

export class DatabaseUnreachable extends Error {}

const RETRY_EVERY_MS = 500;
// Even with no time left to wait, one attempt gets this long (a first TLS handshake far away).
const MIN_ATTEMPT_MS = 1_000;

/**
 * Start-up: waits up to `timeoutMs` for the database to answer (it may be starting alongside the
 * app), then gives up with one sentence naming DATABASE_URL (password masked) and the reason.
 * Errors that waiting cannot cure (a wrong password, a missing database) give up at once.
 */
export async function waitForDatabase(database: DbHandle, target: DatabaseTarget, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const error = await attempt(ping(database.db), Math.max(deadline - Date.now(), MIN_ATTEMPT_MS));
    if (!error) return;
    const reason = unavailableReason(error);
    const left = deadline - Date.now();
    if (!reason || left <= 0) {
      const url = target.dialect === 'postgres' ? maskUrlPassword(target.url) : `sqlite:${target.path}`;
      const gaveUp = reason ? `; gave up after ${Math.round(timeoutMs / 1000)} s (DB_CONNECT_TIMEOUT_S)` : '';
      throw new DatabaseUnreachable(`cannot connect to the database at DATABASE_URL=${url}: ${reason ?? errorMessage(error)}${gaveUp}`);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(RETRY_EVERY_MS, left)));
  }
}

/** The error of `work`, undefined when it succeeded, or a timeout error once `ms` have passed. */
async function attempt(work: Promise<unknown>, ms: number): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Error>((resolve) => {
    timer = setTimeout(() => resolve(new DatabaseUnavailable('connection timed out', 'connection')), ms);
  });
  const outcome = work.then(
    () => undefined,
    (error: unknown) => error ?? new Error('failed'),
  );
  try {
    return await Promise.race([outcome, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));
