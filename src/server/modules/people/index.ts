import { lyceumModule } from '../../module.js';
import { leaversRoutes } from './leavers.routes.js';
import { peopleRoutes } from './people.routes.js';

/** The people directory and profiles; people who leave, and roles (the People admin page). */
export default lyceumModule('people', ['people', 'leavers'], (app, { container }) => {
  peopleRoutes(app, container.people);
  leaversRoutes(app, container.leavers);
});
