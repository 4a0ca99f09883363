import { checklistsApi } from '../../../contracts/index.js';
import { originOf } from '../../platform/audit.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { TemplatesService } from './templates.service.js';

const tags = ['checklists'];

/** The education team's templates and their versions. */
export function templateRoutes(app: Api, templates: TemplatesService): void {
  route(
    app,
    checklistsApi.listTemplates,
    {
      tags,
      summary: 'Checklist templates (with workshopId: the one fitting its format is marked suggested)',
      description: "Lists checklist templates; with workshopId, the one fitting that workshop's format is marked as suggested.",
    },
    (request) => templates.list(requireActor(request), request.query),
  );

  route(
    app,
    checklistsApi.getTemplate,
    {
      tags,
      summary: "A template with its current version's items (or ?version=N)",
      description: 'Returns a template with the items of its current version, or of the version asked for with ?version=N.',
    },
    (request) => templates.get(requireActor(request), request.params.id, request.query.version),
  );

  route(
    app,
    checklistsApi.createTemplate,
    {
      tags,
      summary: 'Create a template (admins): an empty draft, version 1',
      description: 'Creates a template as an empty draft, version 1; admins only.',
    },
    async (request, reply) => reply.code(201).send(await templates.create(requireActor(request), request.body)),
  );

  route(
    app,
    checklistsApi.updateTemplate,
    {
      tags,
      summary: 'Rename or re-describe a template (admins)',
      description: 'Renames a template or changes its description; admins only.',
    },
    (request) => templates.update(requireActor(request), request.params.id, request.body),
  );

  route(
    app,
    checklistsApi.openDraft,
    {
      tags,
      summary: 'Open a draft copied from the current version (admins); the open draft if there is one',
      description: 'Opens a draft version copied from the current one (201), or returns the draft already open (200); admins only.',
    },
    async (request, reply) => {
      const { created, version } = await templates.openDraft(requireActor(request), request.params.id);
      return reply.code(created ? 201 : 200).send({ templateId: request.params.id, version });
    },
  );

  route(
    app,
    checklistsApi.saveDraftItems,
    {
      tags,
      summary: "Replace a draft's items, in order (admins); keep `key` on existing items",
      description: "Replaces a draft version's items, in order; existing items keep their `key` so that answers follow them. Admins only.",
    },
    (request) => templates.saveDraftItems(requireActor(request), request.params.id, request.params.version, request.body.items),
  );

  route(
    app,
    checklistsApi.publishVersion,
    {
      tags,
      summary: 'Publish a draft: new checklists use it (admins)',
      description: 'Publishes a draft version: checklists started from then on use it. Admins only.',
    },
    (request) => templates.publish(requireActor(request), request.params.id, request.params.version, originOf(request)),
  );

  route(
    app,
    checklistsApi.retireTemplate,
    {
      tags,
      summary: 'Retire a template: no longer offered; checklists using it stay',
      description: 'Retires a template: it is no longer offered, and checklists already using it stay as they are. Admins only.',
    },
    (request) => templates.setRetired(requireActor(request), request.params.id, true),
  );

  route(
    app,
    checklistsApi.restoreTemplate,
    { tags, summary: 'Offer a retired template again', description: 'Offers a retired template again; admins only.' },
    (request) => templates.setRetired(requireActor(request), request.params.id, false),
  );
}
