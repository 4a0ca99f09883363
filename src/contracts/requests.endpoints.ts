import { answerRequestBody, createRequestBody, requestsQuery, workshopRequest } from './channels.js';
import { idParams, page } from './common.js';
import { endpoint } from './endpoint.js';

export const requestsApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/v1/requests',
    operationId: 'listWorkshopRequests',
    query: requestsQuery,
    responses: { 200: page(workshopRequest) },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/requests',
    operationId: 'createWorkshopRequest',
    body: createRequestBody,
    responses: { 201: workshopRequest },
  }),
  vote: endpoint({
    method: 'PUT',
    path: '/api/v1/requests/:id/vote',
    operationId: 'voteForWorkshopRequest',
    params: idParams,
    responses: { 200: workshopRequest },
  }),
  withdrawVote: endpoint({
    method: 'DELETE',
    path: '/api/v1/requests/:id/vote',
    operationId: 'withdrawWorkshopRequestVote',
    params: idParams,
    responses: { 200: workshopRequest },
  }),
  claim: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/claim',
    operationId: 'claimWorkshopRequest',
    params: idParams,
    responses: { 200: workshopRequest },
  }),
  answer: endpoint({
    method: 'POST',
    path: '/api/v1/requests/:id/answer',
    operationId: 'answerWorkshopRequest',
    params: idParams,
    body: answerRequestBody,
    responses: { 200: workshopRequest },
  }),
};
