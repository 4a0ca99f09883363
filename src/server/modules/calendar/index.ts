import { lyceumModule } from '../../module.js';
import { calendarRoutes } from './calendar.routes.js';

/** Sessions as calendars show them: a file per session and each person's secret feed. */
export default lyceumModule('calendar', ['calendar'], (app, { container }) => {
  calendarRoutes(app, container.calendar);
});
