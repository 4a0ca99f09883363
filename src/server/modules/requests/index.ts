import { lyceumModule } from '../../module.js';
import { requestsRoutes } from './requests.routes.js';

/** Workshop requests: what people would like someone to teach. */
export default lyceumModule('requests', ['requests'], (app, { container }) => {
  requestsRoutes(app, container.requests);
});
