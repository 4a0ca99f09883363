import { lyceumModule } from '../../module.js';
import { peopleRoutes } from './people.routes.js';

/** The people directory and profiles. */
export default lyceumModule('people', ['people'], (app, { container }) => {
  peopleRoutes(app, container.people);
});
