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
  /** People waiting for a seat at the workshop's other sessions hear that this new one exists. */
  anotherSession(db: Executor, session: { id: string }, personIds: string[]): Promise<void>;
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
  /** The session's recording reached: registrants, people who waited, people who asked to hear of the workshop. */
  recording(db: Executor, session: SessionRow, registrations: RegistrationRow[]): Promise<void>;
}

/** The registrations module's seat rules (the container fills it): seats a change adds go to the waitlist at once. */
export interface SeatFiller {
  /** Gives the free seats of every pool of the session to its waitlists; how many moved up. */
  fillSeats(db: Executor, session: SessionRow): Promise<number>;
}
