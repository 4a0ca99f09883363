import { lyceumModule } from '../../module.js';
import { sessionsRoutes } from './sessions.routes.js';

/** The dated sessions of a workshop: scheduling, changes, cancellation. */
export default lyceumModule('sessions', ['sessions'], (app, { container }) => {
  sessionsRoutes(app, container.sessions);
});
