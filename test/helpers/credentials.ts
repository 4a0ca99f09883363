import type { FastifyInstance } from 'fastify';
import { CREDENTIALS_TOPIC } from '../../src/server/platform/credential-changes.js';

/**
 * A test that changes someone's credentials with plain SQL (an expiry in the past, a deactivation
 * racing a sign-in) where no service tells the app's credential cache. On PostgreSQL the
 * migration's triggers NOTIFY every instance: this waits until the app heard it for `personId`,
 * so the trigger path itself is what the test relies on. SQLite has no such trigger (one process;
 * plain SQL is forgotten within AUTH_CACHE_MS): the test says it as a service would.
 */
export async function changeWithPlainSql(app: FastifyInstance, personId: string, change: () => Promise<unknown>): Promise<void> {
  const { signals, credentials, database } = app.lyceum.container;
  if (database.dialect !== 'postgres') {
    await change();
    await credentials.changed([personId]);
    return;
  }
  await signals.ready();
  let stop: () => void = () => undefined;
  const heard = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no credentials signal for ${personId} within 5 s`)), 5_000);
    stop = signals.subscribe(CREDENTIALS_TOPIC, (payload) => {
      if (payload !== personId) return;
      clearTimeout(timer);
      resolve();
    });
  });
  // Observed at once: a change that throws must not leave the deadline's rejection unhandled.
  heard.catch(() => undefined);
  try {
    await change();
    await heard;
  } finally {
    stop();
  }
}
