import { feedbackApi } from '../../../contracts/index.js';
import { requireActor } from '../../platform/authenticate.js';
import { sendCsv } from '../../platform/csv.js';
import type { Api } from '../../platform/http.js';
import { route } from '../../platform/route.js';
import type { FeedbackExportsService } from './exports.service.js';
import type { FeedbackSummaryService } from './summary.service.js';

const tags = ['feedback'];
const privacy = 'Sessions with fewer than 3 answers are left out, so nobody can be singled out.';

/** What hosts and admins read of feedback: the summary, the exports, and the education team's queue. */
export function summaryRoutes(app: Api, summary: FeedbackSummaryService, exports: FeedbackExportsService): void {
  route(
    app,
    feedbackApi.summary,
    {
      tags,
      summary: "A workshop's feedback summary (hosts, admins)",
      description: `Responses and response rate, rating and usefulness with their distribution, NPS, "I plan to apply this" and the 30-day follow-up, comments (signed only when the learner chose to), the hosts' own questions, every run's count and average (oldest first), the organisation's median and the checklist confidence. \`sessionId\` narrows the figures to one run. ${privacy} With none left, \`hidden\` is true and the figures are null.`,
    },
    (request) => summary.summary(requireActor(request), request.params.id, request.query),
  );

  route(
    app,
    feedbackApi.sessionCsv,
    {
      tags,
      summary: "A session's feedback as CSV (hosts, admins)",
      description: `One row per answer, without names or emails, safe to open in a spreadsheet. ${privacy}`,
      produces: ['text/csv'],
    },
    async (request, reply) => sendCsv(reply, await exports.sessionCsv(requireActor(request), request.params.id)),
  );

  route(
    app,
    feedbackApi.workshopCsv,
    {
      tags,
      summary: "A workshop's feedback as CSV (hosts, admins)",
      description: `One row per answer of every run, oldest first, without names or emails, safe to open in a spreadsheet. ${privacy}`,
      produces: ['text/csv'],
    },
    async (request, reply) => sendCsv(reply, await exports.workshopCsv(requireActor(request), request.params.id)),
  );

  route(
    app,
    feedbackApi.queue,
    {
      tags,
      summary: 'The feedback queue (admins)',
      description:
        'The lowest-rated sessions that ended in the last 30 days (with at least 3 answers) and the comments asking for something, without names: to reach out, not to police.',
    },
    (request) => summary.queue(requireActor(request)),
  );
}
