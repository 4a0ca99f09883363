import type { WeeklySummaryMail } from '../../../contracts/index.js';
import type { Executor } from '../../platform/transaction.js';

/** What the dashboard tells admins, through the notifications module (filled by the container). */
export interface WeeklySummaryNotices {
  weeklySummary(db: Executor, personId: string, summary: WeeklySummaryMail): Promise<void>;
}
