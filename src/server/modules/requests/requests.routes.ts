import { answerRequestBody, createRequestBody, page, requestsQuery, workshopRequest } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { type Api, commonErrors, idParams } from '../../platform/http.js';
import type { RequestsService } from './requests.service.js';

const tags = ['discovery'];
const response = { 200: workshopRequest, ...commonErrors };

export function requestsRoutes(app: Api, requests: RequestsService): void {
  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags,
        operationId: 'listWorkshopRequests',
        description: 'Lists what people asked a workshop on, most votes first, a page at a time.',
        summary: '"I\'d like a workshop on …": most votes first',
        querystring: requestsQuery,
        response: { 200: page(workshopRequest), ...commonErrors },
      },
    },
    (request) => requests.list(requireActor(request), request.query),
  );

  app.post(
    '/api/v1/requests',
    {
      schema: {
        tags,
        operationId: 'createWorkshopRequest',
        description: 'Asks for a workshop on a topic; your own vote is counted at once.',
        summary: 'Ask for a workshop (your vote included)',
        body: createRequestBody,
        response: { 201: workshopRequest, ...commonErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await requests.create(requireActor(request), request.body)),
  );

  app.put(
    '/api/v1/requests/:id/vote',
    {
      schema: {
        tags,
        operationId: 'voteForWorkshopRequest',
        description: 'Adds your vote to a request; voting twice counts once.',
        summary: 'Upvote a request',
        params: idParams,
        response,
      },
    },
    (request) => requests.vote(requireActor(request), request.params.id, true),
  );

  app.delete(
    '/api/v1/requests/:id/vote',
    {
      schema: {
        tags,
        operationId: 'withdrawWorkshopRequestVote',
        description: 'Takes back your vote on a request.',
        summary: 'Take back your vote',
        params: idParams,
        response,
      },
    },
    (request) => requests.vote(requireActor(request), request.params.id, false),
  );

  app.post(
    '/api/v1/requests/:id/claim',
    {
      schema: {
        tags,
        operationId: 'claimWorkshopRequest',
        description: 'Claims a request: you tell everyone that you will host a workshop answering it.',
        summary: "Claim a request: you'll host it",
        params: idParams,
        response,
      },
    },
    (request) => requests.claim(requireActor(request), request.params.id),
  );

  app.post(
    '/api/v1/requests/:id/answer',
    {
      schema: {
        tags,
        operationId: 'answerWorkshopRequest',
        description: 'Links the workshop that answers the request; only the person who claimed it, as a host of that workshop, may.',
        summary: 'Link the workshop that answers it (its claimer, hosting it)',
        params: idParams,
        body: answerRequestBody,
        response,
      },
    },
    (request) => requests.answer(requireActor(request), request.params.id, request.body.workshopId),
  );
}
