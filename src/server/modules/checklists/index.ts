import { lyceumModule } from '../../module.js';
import { adoptionRoutes } from './adoption.routes.js';
import { runRoutes } from './runs.routes.js';
import { suggestionRoutes } from './suggestions.routes.js';
import { templateRoutes } from './templates.routes.js';

/** Instructional checklists (ADDIE): templates, runs, suggestions, adoption. */
export default lyceumModule('checklists', ['checklists'], (app, { container }) => {
  templateRoutes(app, container.checklists.templates);
  runRoutes(app, container.checklists.runs);
  suggestionRoutes(app, container.checklists.suggestions);
  adoptionRoutes(app, container.checklists.adoption);
});
