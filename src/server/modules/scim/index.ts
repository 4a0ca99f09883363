import { lyceumModule } from '../../module.js';
import { scimRoutes } from './scim.routes.js';

/** SCIM 2.0 provisioning at /scim/v2: the company's identity provider keeps the directory. */
export default lyceumModule('scim', ['scim', 'config'], async (app, { container }) => {
  await app.register(scimRoutes(container.scim, `${container.config.publicUrl}/scim/v2`), { prefix: '/scim/v2' });
});
