import { lyceumModule } from '../../module.js';
import { workshopsRoutes } from './workshops.routes.js';

/** Workshops: created by anyone, published without approval, kept by their hosts. */
export default lyceumModule('workshops', ['workshops'], (app, { container }) => {
  workshopsRoutes(app, container.workshops);
});
