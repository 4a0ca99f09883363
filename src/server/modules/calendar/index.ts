import { lyceumModule } from '../../module.js';
import { calendarRoutes } from './calendar.routes.js';

/** Sessions as calendars show them: a file per session and each person's secret feed. */
export default lyceumModule('calendar', ['calendar'], (app, { container, addJob }) => {
  calendarRoutes(app, container.calendar);
  addJob({ name: 'prune-calendar-changes', everyMs: 3_600_000, run: () => container.calendar.pruneChanges() });
});
