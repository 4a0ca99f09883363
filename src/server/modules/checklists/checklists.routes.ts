import { z } from 'zod';
import {
  adoption,
  answerBody,
  checklistRun,
  checklistSuggestion,
  checklistTemplate,
  checklistTemplateSummary,
  createSuggestionBody,
  createTemplateBody,
  decideSuggestionBody,
  declineSuggestionBody,
  draftItemsBody,
  page,
  startRunBody,
  suggestionsQuery,
  templatesQuery,
  templateVersionQuery,
  updateRunBody,
  updateTemplateBody,
  versionCreated,
} from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { sendCsv } from '../../platform/csv.js';
import { type Api, commonErrors, fileBody, idParams } from '../../platform/http.js';
import type { AdoptionService } from './adoption.service.js';
import type { RunsService } from './runs.service.js';
import type { SuggestionsService } from './suggestions.service.js';
import type { TemplatesService } from './templates.service.js';

const tags = ['checklists'];
const versionParams = idParams.extend({ version: z.coerce.number().int().min(1) });
const itemParams = idParams.extend({ itemId: z.string().min(1).max(64) });
const templateResponse = { 200: checklistTemplate, ...commonErrors };
const runResponse = { 200: checklistRun, ...commonErrors };
const suggestionResponse = { 200: checklistSuggestion, ...commonErrors };

export interface ChecklistServices {
  templates: TemplatesService;
  runs: RunsService;
  suggestions: SuggestionsService;
  adoption: AdoptionService;
}

function templateRoutes(app: Api, templates: TemplatesService): void {
  app.get(
    '/api/v1/checklist-templates',
    {
      schema: {
        tags,
        operationId: 'listChecklistTemplates',
        description: "Lists checklist templates; with workshopId, the one fitting that workshop's format is marked as suggested.",
        summary: 'Checklist templates (with workshopId: the one fitting its format is marked suggested)',
        querystring: templatesQuery,
        response: { 200: page(checklistTemplateSummary), ...commonErrors },
      },
    },
    async (request) => templates.list(requireActor(request), request.query),
  );

  app.get(
    '/api/v1/checklist-templates/:id',
    {
      schema: {
        tags,
        operationId: 'getChecklistTemplate',
        description: 'Returns a template with the items of its current version, or of the version asked for with ?version=N.',
        summary: "A template with its current version's items (or ?version=N)",
        params: idParams,
        querystring: templateVersionQuery,
        response: templateResponse,
      },
    },
    async (request) => templates.get(requireActor(request), request.params.id, request.query.version),
  );

  app.post(
    '/api/v1/checklist-templates',
    {
      schema: {
        tags,
        operationId: 'createChecklistTemplate',
        description: 'Creates a template as an empty draft, version 1; admins only.',
        summary: 'Create a template (admins): an empty draft, version 1',
        body: createTemplateBody,
        response: { 201: checklistTemplate, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await templates.create(requireActor(request), request.body)),
  );

  app.patch(
    '/api/v1/checklist-templates/:id',
    {
      schema: {
        tags,
        operationId: 'updateChecklistTemplate',
        description: 'Renames a template or changes its description; admins only.',
        summary: 'Rename or re-describe a template (admins)',
        params: idParams,
        body: updateTemplateBody,
        response: templateResponse,
      },
    },
    async (request) => templates.update(requireActor(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/checklist-templates/:id/versions',
    {
      schema: {
        tags,
        operationId: 'openChecklistTemplateDraft',
        description: 'Opens a draft version copied from the current one (201), or returns the draft already open (200); admins only.',
        summary: 'Open a draft copied from the current version (admins); the open draft if there is one',
        params: idParams,
        response: { 200: versionCreated, 201: versionCreated, ...commonErrors },
      },
    },
    async (request, reply) => {
      const { created, version } = await templates.openDraft(requireActor(request), request.params.id);
      return reply.code(created ? 201 : 200).send({ templateId: request.params.id, version });
    },
  );

  app.put(
    '/api/v1/checklist-templates/:id/versions/:version/items',
    {
      schema: {
        tags,
        operationId: 'saveChecklistTemplateDraftItems',
        description:
          "Replaces a draft version's items, in order; existing items keep their `key` so that answers follow them. Admins only.",
        summary: "Replace a draft's items, in order (admins); keep `key` on existing items",
        params: versionParams,
        body: draftItemsBody,
        response: templateResponse,
      },
    },
    async (request) => templates.saveDraftItems(requireActor(request), request.params.id, request.params.version, request.body.items),
  );

  app.post(
    '/api/v1/checklist-templates/:id/versions/:version/publish',
    {
      schema: {
        tags,
        operationId: 'publishChecklistTemplateVersion',
        description: 'Publishes a draft version: checklists started from then on use it. Admins only.',
        summary: 'Publish a draft: new checklists use it (admins)',
        params: versionParams,
        response: templateResponse,
      },
    },
    async (request) => templates.publish(requireActor(request), request.params.id, request.params.version),
  );

  for (const [action, retired] of [
    ['retire', true],
    ['restore', false],
  ] as const) {
    app.post(
      `/api/v1/checklist-templates/:id/${action}`,
      {
        schema: {
          tags,
          operationId: retired ? 'retireChecklistTemplate' : 'restoreChecklistTemplate',
          description: retired
            ? 'Retires a template: it is no longer offered, and checklists already using it stay as they are. Admins only.'
            : 'Offers a retired template again; admins only.',
          summary: retired ? 'Retire a template: no longer offered; checklists using it stay' : 'Offer a retired template again',
          params: idParams,
          response: templateResponse,
        },
      },
      async (request) => templates.setRetired(requireActor(request), request.params.id, retired),
    );
  }
}

function runRoutes(app: Api, runs: RunsService): void {
  app.get(
    '/api/v1/workshops/:id/checklist',
    {
      schema: {
        tags,
        operationId: 'getWorkshopChecklist',
        description: "Returns the workshop's checklist with its answers and progress; for its hosts and admins.",
        summary: "The workshop's checklist with answers and progress (hosts, admins)",
        params: idParams,
        response: runResponse,
      },
    },
    async (request) => runs.get(requireActor(request), request.params.id),
  );

  app.put(
    '/api/v1/workshops/:id/checklist',
    {
      schema: {
        tags,
        operationId: 'startWorkshopChecklist',
        description: "Starts the workshop's checklist with a template (201) or switches it to another template (200); for its hosts.",
        summary: 'Start the checklist with a template, or switch template (hosts)',
        params: idParams,
        body: startRunBody,
        response: { 201: checklistRun, ...runResponse },
      },
    },
    async (request, reply) => {
      const { created, run } = await runs.start(requireActor(request), request.params.id, request.body.templateId);
      return reply.code(created ? 201 : 200).send(run);
    },
  );

  app.patch(
    '/api/v1/workshops/:id/checklist',
    {
      schema: {
        tags,
        operationId: 'updateWorkshopChecklist',
        description: 'Shows the checklist on the workshop page or hides it, opts in to reminders, and records confidence; for its hosts.',
        summary: 'Show it on the workshop page, opt in to reminders, record confidence (hosts)',
        params: idParams,
        body: updateRunBody,
        response: runResponse,
      },
    },
    async (request) => runs.update(requireActor(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/workshops/:id/checklist',
    {
      schema: {
        tags,
        operationId: 'deleteWorkshopChecklist',
        description: 'Stops using a checklist for the workshop; for its hosts.',
        summary: 'Stop using a checklist (hosts)',
        params: idParams,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await runs.remove(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/workshops/:id/checklist/upgrade',
    {
      schema: {
        tags,
        operationId: 'upgradeWorkshopChecklist',
        description: "Moves the checklist to its template's current version; answers follow their items. For its hosts.",
        summary: "Move to the template's current version; answers follow their items (hosts)",
        params: idParams,
        response: runResponse,
      },
    },
    async (request) => runs.upgrade(requireActor(request), request.params.id),
  );

  app.patch(
    '/api/v1/workshops/:id/checklist/items/:itemId',
    {
      schema: {
        tags,
        operationId: 'answerWorkshopChecklistItem',
        description: 'Answers one item with yes, no or na (not applicable), or clears the answer with null; for its hosts.',
        summary: 'Answer an item: yes, no, na or null (hosts)',
        params: itemParams,
        body: answerBody,
        response: runResponse,
      },
    },
    async (request) => runs.answer(requireActor(request), request.params.id, request.params.itemId, request.body),
  );
}

function suggestionRoutes(app: Api, suggestions: SuggestionsService): void {
  app.post(
    '/api/v1/checklist-suggestions',
    {
      schema: {
        tags,
        operationId: 'createChecklistSuggestion',
        description: "Suggests a change to a template's items; anyone may, and the admins decide.",
        summary: "Suggest a change to a template's items (anyone)",
        body: createSuggestionBody,
        response: { 201: checklistSuggestion, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await suggestions.create(requireActor(request), request.body)),
  );

  app.get(
    '/api/v1/checklist-suggestions',
    {
      schema: {
        tags,
        operationId: 'listChecklistSuggestions',
        description: 'Lists suggestions: all of them for admins, your own for everyone else.',
        summary: 'Suggestions: all for admins, your own for everyone else',
        querystring: suggestionsQuery,
        response: { 200: page(checklistSuggestion), ...commonErrors },
      },
    },
    async (request) => suggestions.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/checklist-suggestions/:id/accept',
    {
      schema: {
        tags,
        operationId: 'acceptChecklistSuggestion',
        description: "Accepts a suggestion: the change goes into the template's next draft. Admins only.",
        summary: "Accept: the change goes into the template's next draft (admins)",
        params: idParams,
        body: decideSuggestionBody,
        response: suggestionResponse,
      },
    },
    async (request) => suggestions.accept(requireActor(request), request.params.id, request.body.reply),
  );

  app.post(
    '/api/v1/checklist-suggestions/:id/decline',
    {
      schema: {
        tags,
        operationId: 'declineChecklistSuggestion',
        description: 'Declines a suggestion with a reply to the person who made it; admins only.',
        summary: 'Decline with a reply (admins)',
        params: idParams,
        body: declineSuggestionBody,
        response: suggestionResponse,
      },
    },
    async (request) => suggestions.decline(requireActor(request), request.params.id, request.body.reply),
  );
}

function adoptionRoutes(app: Api, service: AdoptionService): void {
  app.get(
    '/api/v1/checklist-adoption',
    {
      schema: {
        tags,
        operationId: 'getChecklistAdoption',
        description: 'How many workshops use each template version, and how far they got; admins only.',
        summary: 'Adoption per template version (admins)',
        response: { 200: adoption, ...commonErrors },
      },
    },
    async (request) => service.adoption(requireActor(request)),
  );

  app.get(
    '/api/v1/checklist-adoption.csv',
    {
      schema: {
        tags,
        operationId: 'downloadChecklistAdoptionCsv',
        description: 'The adoption figures as a CSV file that is safe to open in a spreadsheet; admins only.',
        summary: 'Adoption as CSV (admins)',
        produces: ['text/csv'],
        response: { 200: fileBody, ...commonErrors },
      },
    },
    async (request, reply) => {
      return sendCsv(reply, await service.csv(requireActor(request)));
    },
  );
}

export function checklistsRoutes(app: Api, services: ChecklistServices): void {
  templateRoutes(app, services.templates);
  runRoutes(app, services.runs);
  suggestionRoutes(app, services.suggestions);
  adoptionRoutes(app, services.adoption);
}
