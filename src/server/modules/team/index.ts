import { lyceumModule } from '../../module.js';
import { teamRoutes } from './team.routes.js';

/** A manager's view: their reports' learning, and workshops suggested to them. */
export default lyceumModule('team', ['team'], (app, { container }) => {
  teamRoutes(app, container.team);
});
