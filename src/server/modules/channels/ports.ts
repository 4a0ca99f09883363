import type { SearchHit, searchSorts } from '../../../contracts/index.js';

/** Which upcoming sessions: of these channels (slugs), hosts (person ids) or workshops (ids). */
export interface UpcomingFilters {
  channel?: string[];
  host?: string[];
  ids?: string[];
  sort?: (typeof searchSorts)[number];
}

/**
 * What channel pages and recommendations read from discovery (the catalog module's search fills
 * it, through the container): published workshops with their next session, soonest first.
 */
export interface UpcomingSessions {
  upcoming(filters: UpcomingFilters, limit?: number): Promise<SearchHit[]>;
}
