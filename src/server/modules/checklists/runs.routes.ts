import { checklistsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { RunsService } from './runs.service.js';

const tags = ['checklists'];

/** A workshop's checklist, for its hosts (admins may look). */
export function runRoutes(app: Api, runs: RunsService): void {
  route(
    app,
    checklistsApi.getRun,
    {
      tags,
      summary: "The workshop's checklist with answers and progress (hosts, admins)",
      description: "Returns the workshop's checklist with its answers and progress; for its hosts and admins.",
    },
    (request) => runs.get(requireActor(request), request.params.id),
  );

  route(
    app,
    checklistsApi.startRun,
    {
      tags,
      summary: 'Start the checklist with a template, or switch template (hosts)',
      description: "Starts the workshop's checklist with a template (201) or switches it to another template (200); for its hosts.",
    },
    async (request, reply) => {
      const { created, run } = await runs.start(requireActor(request), request.params.id, request.body.templateId);
      return reply.code(created ? 201 : 200).send(run);
    },
  );

  route(
    app,
    checklistsApi.updateRun,
    {
      tags,
      summary: 'Show it on the workshop page, opt in to reminders, record confidence (hosts)',
      description: 'Shows the checklist on the workshop page or hides it, opts in to reminders, and records confidence; for its hosts.',
    },
    (request) => runs.update(requireActor(request), request.params.id, request.body),
  );

  route(
    app,
    checklistsApi.deleteRun,
    { tags, summary: 'Stop using a checklist (hosts)', description: 'Stops using a checklist for the workshop; for its hosts.' },
    async (request, reply) => {
      await runs.remove(requireActor(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  route(
    app,
    checklistsApi.upgradeRun,
    {
      tags,
      summary: "Move to the template's current version; answers follow their items (hosts)",
      description: "Moves the checklist to its template's current version; answers follow their items. For its hosts.",
    },
    (request) => runs.upgrade(requireActor(request), request.params.id),
  );

  route(
    app,
    checklistsApi.answerItem,
    {
      tags,
      summary: 'Answer an item: yes, no, na or null (hosts)',
      description: 'Answers one item with yes, no or na (not applicable), or clears the answer with null; for its hosts.',
    },
    (request) => runs.answer(requireActor(request), request.params.id, request.params.itemId, request.body),
  );
}
