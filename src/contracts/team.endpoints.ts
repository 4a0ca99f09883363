import { endpoint } from './endpoint.js';
import { managerSuggestion, receivedSuggestions, suggestWorkshopBody, teamLearning } from './team.js';

export const teamApi = {
  learning: endpoint({
    method: 'GET',
    path: '/api/v1/me/team/learning',
    operationId: 'getTeamLearning',
    responses: { 200: teamLearning },
  }),
  suggest: endpoint({
    method: 'POST',
    path: '/api/v1/me/team/suggestions',
    operationId: 'suggestWorkshopToReport',
    body: suggestWorkshopBody,
    responses: { 201: managerSuggestion },
  }),
  received: endpoint({
    method: 'GET',
    path: '/api/v1/me/suggested-workshops',
    operationId: 'listWorkshopsSuggestedToMe',
    responses: { 200: receivedSuggestions },
  }),
};
