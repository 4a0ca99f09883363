import type { Executor } from '../../../platform/transaction.js';

/** What to say to whom (the notifications module writes it): undefined when the person or the session is gone. */
export interface MessageComposer {
  compose(
    db: Executor,
    row: { topic: string; payload: string },
    options: { calendar: boolean },
  ): Promise<{ to: { email: string }; mail: { subject: string; text: string } } | undefined>;
}
