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
import { type Api, commonErrors, idParams } from '../../platform/http.js';
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
    { schema: { tags, summary: 'Publish a draft: new checklists use it (admins)', params: versionParams, response: templateResponse } },
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
    { schema: { tags, summary: 'Stop using a checklist (hosts)', params: idParams, response: { 204: z.null(), ...commonErrors } } },
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
      schema: { tags, summary: 'Answer an item: yes, no, na or null (hosts)', params: itemParams, body: answerBody, response: runResponse },
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
    { schema: { tags, summary: 'Adoption per template version (admins)', response: { 200: adoption, ...commonErrors } } },
    async (request) => service.adoption(requireActor(request)),
  );

  app.get('/api/v1/checklist-adoption.csv', { schema: { tags, summary: 'Adoption as CSV (admins)' } }, async (request, reply) => {
    return sendCsv(reply, await service.csv(requireActor(request)));
  });
}

export function checklistsRoutes(app: Api, services: ChecklistServices): void {
  templateRoutes(app, services.templates);
  runRoutes(app, services.runs);
  suggestionRoutes(app, services.suggestions);
  adoptionRoutes(app, services.adoption);
}
