import { lyceumModule } from '../../module.js';
import { checklistsRoutes } from './checklists.routes.js';

/** Instructional checklists (ADDIE): templates, runs, suggestions, adoption. */
export default lyceumModule('checklists', ['checklists'], (app, { container }) => {
  checklistsRoutes(app, container.checklists);
});
