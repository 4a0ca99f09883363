import { checklistsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { sendCsv } from '../../platform/csv.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { AdoptionService } from './adoption.service.js';

const tags = ['checklists'];

/** How templates are used, for the education team. */
export function adoptionRoutes(app: Api, adoption: AdoptionService): void {
  route(
    app,
    checklistsApi.adoption,
    {
      tags,
      summary: 'Adoption per template version (admins)',
      description: 'How many workshops use each template version, and how far they got; admins only.',
    },
    (request) => adoption.adoption(requireActor(request)),
  );

  route(
    app,
    checklistsApi.adoptionCsv,
    {
      tags,
      summary: 'Adoption as CSV (admins)',
      description: 'The adoption figures as a CSV file that is safe to open in a spreadsheet; admins only.',
      produces: ['text/csv'],
    },
    async (request, reply) => sendCsv(reply, await adoption.csv(requireActor(request))),
  );
}
