import { lyceumModule } from '../../module.js';
import { registrationsRoutes } from './registrations.routes.js';

/** Seats, waitlists, offers, attendance: registering for sessions and series. */
export default lyceumModule('registrations', ['registrations', 'roster', 'series'], (app, { container, addJob }) => {
  const { roster } = container;
  registrationsRoutes(app, container.registrations, roster, container.series);
  addJob({ name: 'expire-offers', everyMs: 30_000, run: () => roster.expireOffers() });
  addJob({ name: 'mark-no-shows', everyMs: 60_000, run: () => roster.markNoShows() });
});
