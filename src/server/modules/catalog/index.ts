import { lyceumModule } from '../../module.js';
import { DatabaseUnavailable } from '../../platform/db-errors.js';
import { catalogRoutes } from './catalog.routes.js';

/** The one catalog of sessions, and search. */
export default lyceumModule('catalog', ['catalog', 'search', 'config'], (app, { container, addJob }) => {
  const { search } = container;
  catalogRoutes(app, container.catalog, search, container.config.searchCacheMs);
  addJob({ name: 'refresh-popularity', everyMs: 10 * 60_000, run: () => search.refreshPopularity() });
  // The index is read while the server starts listening; a search arriving first waits for it.
  app.addHook('onReady', async () => {
    void search.warm().catch((error: unknown) =>
      // The database away at start-up is said once by the pool, with its reason; no stack for it here.
      error instanceof DatabaseUnavailable
        ? app.log.warn({ reason: error.reason }, 'search index: first read failed; the next search tries again')
        : app.log.warn({ err: error }, 'search index: first read failed; the next search tries again'),
    );
  });
  // Each instance reads the search change log before pruning it: none falls behind what is kept.
  addJob({ name: 'prune-search-changes', everyMs: 60_000, run: () => search.pruneChanges() });
});
