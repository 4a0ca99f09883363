import { auditApi } from '../../../contracts/audit.endpoints.js';
import { requireActor } from '../../platform/authenticate.js';
import { attachment } from '../../platform/csv.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { AuditService } from './audit.service.js';

const tags = ['audit'];
const filters =
  'Filters: `actor` (a person id), `action` (exact, or a prefix ending in a dot such as `webhook.`), `from` and `to` (UTC days, both included).';

export function auditRoutes(app: Api, audit: AuditService): void {
  route(
    app,
    auditApi.list,
    {
      tags,
      summary: 'The audit log, newest first (admins)',
      description: `Who did what, when, from which address, with the request id. Paged by cursor. ${filters} Admins only.`,
    },
    (request) => audit.page(requireActor(request), request.query),
  );
  route(
    app,
    auditApi.csv,
    {
      tags,
      summary: 'The audit log as CSV (admins)',
      description: `The entries the filters select in one file, newest first, written as it is read. ${filters} Admins only.`,
      produces: ['text/csv'],
    },
    async (request, reply) => {
      const { filename, stream } = audit.csv(requireActor(request), request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(filename)).send(stream);
    },
  );
}
