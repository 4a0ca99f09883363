import type { z } from 'zod';
import type { webhookEventType } from '../../../contracts/index.js';
import type { Executor } from '../../platform/transaction.js';

/** The events integrators subscribe to (the contract lists them). */
export type IntegratorEvent = z.infer<typeof webhookEventType>;

/** Events for integrators (outgoing webhooks), written in the transaction of the change. */
export interface IntegratorEvents {
  /** `key` names the change, so the same change recorded twice is delivered once per subscription. */
  emit(
    db: Executor,
    type: IntegratorEvent,
    key: string,
    data: Record<string, unknown>,
    refs?: { personId?: string; sessionId?: string },
  ): Promise<void>;
  /** Whether any subscription wants events of this type now. */
  listening(db: Executor, type: IntegratorEvent): Promise<boolean>;
}

/** A session as its calendar invitation shows it (the video link only when the reader may see it). */
export interface InvitedSession {
  id: string;
  workshop_id: string;
  title: string;
  summary: string;
  starts_at: string;
  ends_at: string;
  mode: 'in_person' | 'online' | 'hybrid';
  location: string | null;
  video_url: string | null;
  status: 'scheduled' | 'cancelled';
}

/** Calendar invitations (the calendar module writes them), added to the mail of a registration. */
export interface CalendarInvitations {
  invitation(input: {
    method: 'REQUEST' | 'CANCEL';
    sequence: number;
    session: InvitedSession;
    attendee: { name: string; email: string; id: string };
  }): string;
}

/** Stored mail that is forgotten with the outbox's delivered messages (the built-in mailbox). */
export interface Purgeable {
  purge(db: Executor, before: string, limit: number): Promise<number>;
}
