import { feedbackApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { FeedbackService } from './feedback.service.js';
import type { FeedbackSettingsService } from './settings.service.js';

const tags = ['feedback'];

/** The learner's side: their requests, the form, their answer; and the organisation's feedback settings. */
export function feedbackRoutes(app: Api, feedback: FeedbackService, settings: FeedbackSettingsService): void {
  route(
    app,
    feedbackApi.myRequests,
    {
      tags,
      summary: 'Your feedback requests',
      description: 'Sessions you were asked about, latest first: open (answer until closesAt), answered, declined, or closed unanswered.',
    },
    (request) => feedback.myRequests(requireActor(request), request.query),
  );

  route(
    app,
    feedbackApi.form,
    {
      tags,
      summary: 'The feedback form of a session',
      description:
        "What the one-screen form shows: the session, its hosts' own questions, whether NPS is asked, and your answer if you gave one.",
    },
    (request) => feedback.form(requireActor(request), request.params.id),
  );

  route(
    app,
    feedbackApi.answer,
    {
      tags,
      summary: 'Give (or change) your feedback on a session',
      description:
        'One answer per person and session, replaced by answering again, from the end of the session for 14 days (409 feedback_closed after). `{ "attended": false }` says you did not attend. 403 not_an_attendee without a seat.',
    },
    (request) => feedback.answer(requireActor(request), request.params.id, request.body),
  );

  route(
    app,
    feedbackApi.mine,
    { tags, summary: 'Your feedback on a session', description: 'Your stored answer, or 404 when you have not answered.' },
    (request) => feedback.mine(requireActor(request), request.params.id),
  );

  route(
    app,
    feedbackApi.settings,
    {
      tags,
      summary: 'Feedback settings (admins)',
      description: 'Whether the 0–10 recommendation question is asked, and when the follow-up comes.',
    },
    (request) => settings.get(requireActor(request)),
  );

  route(
    app,
    feedbackApi.updateSettings,
    {
      tags,
      summary: 'Change the feedback settings (admins)',
      description: 'Switch the recommendation (NPS) question; set the follow-up delay, 14–90 days.',
    },
    (request) => settings.update(requireActor(request), request.body),
  );
}
