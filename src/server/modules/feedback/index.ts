import { lyceumModule } from '../../module.js';
import { feedbackRoutes } from './feedback.routes.js';
import { followUpsRoutes } from './follow-ups.routes.js';
import { questionsRoutes } from './questions.routes.js';
import { summaryRoutes } from './summary.routes.js';

/** Evaluation: a feedback request after every session, one reminder, the hosts' summary, the 30-day follow-up. */
export default lyceumModule('feedback', ['feedback'], (app, { container, addJob }) => {
  const { feedback } = container;
  feedbackRoutes(app, feedback.learners, feedback.settings);
  followUpsRoutes(app, feedback.followUps);
  questionsRoutes(app, feedback.questions);
  summaryRoutes(app, feedback.summary, feedback.exports);
  addJob({ name: 'feedback-rounds', everyMs: 60_000, run: () => feedback.rounds.run() });
});
