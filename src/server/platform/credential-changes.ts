import type { ChangeSignals } from './change-signals.js';

/**
 * The change-signal topic for "who this person is to Lyceum changed": a token revoked or deleted,
 * a session ended, the person deactivated, erased, renamed, made admin or member. Each instance
 * keeps valid credentials in memory for a few seconds (AUTH_CACHE_MS, platform/signalled-cache.ts)
 * and drops the person's entries when it hears this. The payload is a person id, or EVERYONE.
 *
 * On PostgreSQL triggers on people, api_tokens and login_sessions send the same signal
 * (migration 20261203T0820_credential_signals), so changes made by the command line in another
 * process or by plain SQL reach every instance too; the services' own signal below is what
 * SQLite (one instance, signals in the process) relies on.
 */
export const CREDENTIALS_TOPIC = 'credentials';
export const EVERYONE = '*';

// Beyond this many people in one change, one "forget everyone" is cheaper than a signal each.
const MOST_NAMED = 50;

export interface CredentialChanges {
  /** Call after the change committed: this instance forgets at once, the others within milliseconds. */
  changed(personIds: readonly string[] | typeof EVERYONE): Promise<void>;
}

export function credentialChanges(signals: ChangeSignals): CredentialChanges {
  return {
    async changed(personIds) {
      const ids = personIds === EVERYONE || personIds.length > MOST_NAMED ? [EVERYONE] : [...new Set(personIds)];
      for (const id of ids) {
        // The change is committed already: a signal that cannot be sent (the database went away
        // just now) must not turn it into an error. Other instances then forget it when their
        // entries expire (AUTH_CACHE_MS), or at once on PostgreSQL, where the trigger sent it too.
        await signals.publish(CREDENTIALS_TOPIC, id).catch(() => undefined);
      }
    },
  };
}

/** For services built without signals (the command line, a few tests): nothing to tell. */
export const noCredentialChanges: CredentialChanges = { changed: async () => undefined };
