import type { Executor } from '../../../platform/transaction.js';

/** A message of the outbox written out for its recipient (the notifications module writes them). */
export interface ComposedMail {
  to: { id: string; name: string; email: string };
  mail: { subject: string; text: string; html: string };
  /** The calendar part: an invitation, its update or its cancellation. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
}

/** What to say to whom: undefined when the person or the session is gone (nothing left to write about). */
export interface MailComposer {
  compose(db: Executor, row: { topic: string; payload: string }, options: { calendar: boolean }): Promise<ComposedMail | undefined>;
}
