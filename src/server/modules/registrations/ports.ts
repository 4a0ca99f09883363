import type { CatalogEntry } from '../../../contracts/index.js';
import type { Actor } from '../../platform/actor.js';
import type { PersonMessage } from '../../platform/outbox/outbox.repository.js';
import type { Executor } from '../../platform/transaction.js';
import type { RegistrationRow } from './registrations.repository.js';

/** What happened to one person's registration. */
export type RegistrationTopic =
  | 'registration.enrolled'
  | 'registration.waitlisted'
  | 'registration.promoted'
  | 'registration.offered'
  | 'registration.cancelled';

/**
 * Who is told about seat changes (the notifications module fills it, through the container).
 * Every call runs in the caller's transaction: the message leaves through the outbox only if the
 * change commits.
 */
export interface RegistrationNotices {
  /** `row` as it is after the change. */
  registration(db: Executor, row: RegistrationRow, topic: RegistrationTopic): Promise<void>;
  /**
   * registration()'s person messages for a new registration (its id chosen, the row not yet in),
   * not written: one for a seat (without its calendar invitation, which the statement adds with
   * the sequence it raises) and one for a waitlist place, for a statement that writes the place
   * and the message of whichever it gives (registrationsRepository.takePlaces).
   */
  placeMessages(r: { id: string; sessionId: string; personId: string }): { enrolled: PersonMessage; waitlisted: PersonMessage };
  /** Whether integrators hear of such a change (then registration() has more to write than the person's message). */
  integratorsHear(db: Executor, topic: RegistrationTopic): Promise<boolean>;
  attendance(db: Executor, row: RegistrationRow): Promise<void>;
  hostMessage(
    db: Executor,
    sessionId: string,
    message: { id: string; subject: string; body: string; author: string },
    personIds: string[],
  ): Promise<void>;
}

/** A session as the catalog shows it to one person (the sessions module fills it): "My learning" lists them. */
export interface SessionEntries {
  get(actor: Actor, sessionId: string): Promise<CatalogEntry>;
}
