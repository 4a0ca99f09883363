import type { FeedbackSummaryMail } from '../../../contracts/index.js';
import type { Executor } from '../../platform/transaction.js';

/** What the feedback module tells people, through the notifications module (filled by the container). */
export interface FeedbackNotices {
  feedbackRequested(db: Executor, sessionId: string, personIds: string[], closesAt: string): Promise<void>;
  feedbackReminder(db: Executor, sessionId: string, personId: string, closesAt: string): Promise<void>;
  feedbackFollowUp(db: Executor, followUpId: string, sessionId: string, personId: string): Promise<void>;
  feedbackSummary(db: Executor, sessionId: string, hostIds: string[], summary: FeedbackSummaryMail): Promise<void>;
  /** The integrator event: figures only, never who answered. */
  feedbackSubmitted(db: Executor, key: string, feedback: Record<string, unknown> & { sessionId: string }): Promise<void>;
}
