import { feedbackApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { FeedbackQuestionsService } from './questions.service.js';

const tags = ['feedback'];

/** The hosts' own questions on a workshop's feedback form. */
export function questionsRoutes(app: Api, questions: FeedbackQuestionsService): void {
  route(
    app,
    feedbackApi.questions,
    {
      tags,
      summary: "A workshop's own feedback questions",
      description: 'The up to three questions the hosts added to the feedback form (a 1–5 rating or a short text), in order.',
    },
    (request) => questions.list(requireActor(request), request.params.id),
  );

  route(
    app,
    feedbackApi.setQuestions,
    {
      tags,
      summary: "Replace a workshop's own feedback questions (hosts, admins)",
      description:
        "Replaces the questions, in the order given (at most three). Give an existing question its id to keep its earlier answers with it; an id that is not one of the workshop's questions is refused with 400 naming the field.",
    },
    (request) => questions.replace(requireActor(request), request.params.id, request.body.questions),
  );
}
