import { lyceumModule } from '../../module.js';
import { overviewRoutes } from './overview.routes.js';
import { tablesRoutes } from './tables.routes.js';

/**
 * The education team's dashboard: how many learn and teach, what it costs in engineer-hours,
 * where demand is unmet, whether quality rises — and whether the checklists help.
 */
export default lyceumModule('analytics', ['analytics'], (app, { container, addJob, onShutdown }) => {
  // Routes and jobs are registered here as the dashboard's parts land (overview, tables, exports, weekly mail).
  tablesRoutes(app, container.analytics);
  onShutdown(() => container.analytics.reader?.destroy());
  overviewRoutes(app, container.analytics.overview, container.analytics.settings);
  // Hourly; each admin who opted in gets one summary per ISO week (weekly.service.ts).
  addJob({ name: 'analytics-weekly-summary', everyMs: 3_600_000, run: () => container.analytics.weekly.run() });
});
