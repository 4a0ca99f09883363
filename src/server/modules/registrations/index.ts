import { lyceumModule } from '../../module.js';
import { registrationsRoutes } from './registrations.routes.js';
import { rosterRoutes } from './roster.routes.js';
import { seriesRoutes } from './series.routes.js';

/** Seats, waitlists, offers, attendance: registering for sessions and series. */
export default lyceumModule('registrations', ['registrations', 'roster', 'series'], (app, { container, addJob }) => {
  const { roster } = container;
  seriesRoutes(app, container.series);
  registrationsRoutes(app, container.registrations);
  rosterRoutes(app, roster);
  addJob({ name: 'expire-offers', everyMs: 30_000, run: () => roster.expireOffers() });
  addJob({ name: 'mark-no-shows', everyMs: 60_000, run: () => roster.markNoShows() });
});
