import { requestsApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { RequestsService } from './requests.service.js';

const tags = ['discovery'];

export function requestsRoutes(app: Api, requests: RequestsService): void {
  route(
    app,
    requestsApi.list,
    {
      tags,
      summary: '"I\'d like a workshop on …": most votes first',
      description: 'Lists what people asked a workshop on, most votes first, a page at a time.',
    },
    (request) => requests.list(requireActor(request), request.query),
  );

  route(
    app,
    requestsApi.create,
    {
      tags,
      summary: 'Ask for a workshop (your vote included)',
      description: 'Asks for a workshop on a topic; your own vote is counted at once.',
    },
    async (request, reply) => reply.code(201).send(await requests.create(requireActor(request), request.body)),
  );

  route(
    app,
    requestsApi.vote,
    { tags, summary: 'Upvote a request', description: 'Adds your vote to a request; voting twice counts once.' },
    (request) => requests.vote(requireActor(request), request.params.id, true),
  );

  route(
    app,
    requestsApi.withdrawVote,
    { tags, summary: 'Take back your vote', description: 'Takes back your vote on a request.' },
    (request) => requests.vote(requireActor(request), request.params.id, false),
  );

  route(
    app,
    requestsApi.claim,
    {
      tags,
      summary: "Claim a request: you'll host it",
      description: 'Claims a request: you tell everyone that you will host a workshop answering it.',
    },
    (request) => requests.claim(requireActor(request), request.params.id),
  );

  route(
    app,
    requestsApi.answer,
    {
      tags,
      summary: 'Link the workshop that answers it (its claimer, hosting it)',
      description: 'Links the workshop that answers the request; only the person who claimed it, as a host of that workshop, may.',
    },
    (request) => requests.answer(requireActor(request), request.params.id, request.body.workshopId),
  );
}
