import { checklistsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { SuggestionsService } from './suggestions.service.js';

const tags = ['checklists'];

/** Anyone suggests a change to a template; the education team decides. */
export function suggestionRoutes(app: Api, suggestions: SuggestionsService): void {
  route(
    app,
    checklistsApi.createSuggestion,
    {
      tags,
      summary: "Suggest a change to a template's items (anyone)",
      description: "Suggests a change to a template's items; anyone may, and the admins decide.",
    },
    async (request, reply) => reply.code(201).send(await suggestions.create(requireActor(request), request.body)),
  );

  route(
    app,
    checklistsApi.listSuggestions,
    {
      tags,
      summary: 'Suggestions: all for admins, your own for everyone else',
      description: 'Lists suggestions: all of them for admins, your own for everyone else.',
    },
    (request) => suggestions.list(requireActor(request), request.query),
  );

  route(
    app,
    checklistsApi.acceptSuggestion,
    {
      tags,
      summary: "Accept: the change goes into the template's next draft (admins)",
      description: "Accepts a suggestion: the change goes into the template's next draft. Admins only.",
    },
    (request) => suggestions.accept(requireActor(request), request.params.id, request.body.reply),
  );

  route(
    app,
    checklistsApi.declineSuggestion,
    {
      tags,
      summary: 'Decline with a reply (admins)',
      description: 'Declines a suggestion with a reply to the person who made it; admins only.',
    },
    (request) => suggestions.decline(requireActor(request), request.params.id, request.body.reply),
  );
}
