import { feedbackApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { FollowUpsService } from './follow-ups.service.js';

const tags = ['feedback'];

/** "Have you applied it?": the caller's follow-ups and their answer. */
export function followUpsRoutes(app: Api, followUps: FollowUpsService): void {
  route(
    app,
    feedbackApi.myFollowUps,
    {
      tags,
      summary: 'Your follow-ups',
      description:
        'The "Have you applied it?" follow-ups sent to you (some weeks after a session you said you plan to apply), latest first, with your answer if you gave one.',
    },
    (request) => followUps.mine(requireActor(request), request.query),
  );

  route(
    app,
    feedbackApi.answerFollowUp,
    {
      tags,
      summary: 'Answer a follow-up',
      description:
        'Not yet, a little or a lot, with an optional example; answering again replaces it. 404 for a follow-up that is not yours; 409 invalid_state before it was sent.',
    },
    (request) => followUps.answer(requireActor(request), request.params.id, request.body),
  );
}
