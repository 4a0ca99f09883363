import type { AnalyticsOverviewQuery } from '../../../contracts/index.js';
import type { PeriodQuery } from './filters';

export type TableName = 'workshopsByDemand' | 'workshopsByRating' | 'teams' | 'hosts' | 'channels';

/** The query keys of this feature: other features refresh them through these, never by spelling the key. */
export const analyticsKeys = {
  all: ['analytics'] as const,
  overviews: ['analytics', 'overview'] as const,
  overview: (q: AnalyticsOverviewQuery) => ['analytics', 'overview', q] as const,
  table: (name: TableName, q: PeriodQuery) => ['analytics', 'table', name, q] as const,
  /** Whether the signed-in person may open the dashboard (admins, and the people it is shared with). */
  access: ['analytics', 'access'] as const,
  settings: ['analytics', 'settings'] as const,
  viewers: ['analytics', 'viewers'] as const,
};
