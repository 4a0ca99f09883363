import type { Executor } from '../../platform/transaction.js';
import type { RegistrationRow } from '../registrations/registrations.repository.js';
import type { SessionRow } from './sessions.repository.js';

/**
 * What the sessions service tells people (the notifications module's notifier fills it, through
 * the container): messages join the outbox inside the transaction of the change.
 */
export interface SessionNotices {
  /** Whoever asked to hear when the workshop runs again hears of its new session. */
  scheduled(db: Executor, session: { id: string; workshop_id: string }): Promise<void>;
  /** The new session is announced in the Slack channels of the workshop's channels. */
  announce(db: Executor, session: { id: string; workshop_id: string }): Promise<void>;
  /** Everyone registered hears of a change (`changes`: "time", "place", "link") or of the cancellation. */
  session(
    db: Executor,
    session: SessionRow,
    topic: 'session.updated' | 'session.cancelled',
    registrations: RegistrationRow[],
    changes?: string[],
  ): Promise<void>;
}
