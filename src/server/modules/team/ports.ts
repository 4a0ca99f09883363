import type { Executor } from '../../platform/transaction.js';

/** What the team module tells people, through the notifications module (filled by the container). */
export interface TeamNotices {
  managerSuggested(
    db: Executor,
    suggestion: { id: string; workshopId: string; workshopTitle: string; managerName: string; note: string | null },
    personId: string,
  ): Promise<void>;
}
