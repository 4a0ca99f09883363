import type { FeedbackQueue, FeedbackSummary } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { notFound } from '../../platform/errors.js';
import type { Transactor } from '../../platform/transaction.js';
import type { checklistsRepository } from '../checklists/checklists.repository.js';
import type { workshopsRepository } from '../workshops/workshops.repository.js';
import type { feedbackRepository } from './feedback.repository.js';
import type { questionsRepository } from './questions.repository.js';
import { averageOf, type Distribution, median, npsOf, questionFigures, ratio, round2, shown } from './summary.policy.js';
import type { RunCounts, summaryRepository } from './summary.repository.js';

const DAY = 86_400_000;
/** The tab shows this many comments (the newest sessions'); the CSV export has every one. */
const MAX_COMMENTS = 200;
const QUEUE_DAYS = 30;
const QUEUE_LOWEST = 20;
const QUEUE_ASKS = 50;

export const SUMMARY_REFUSAL = "Only the workshop's hosts (and admins) see its feedback.";

const sum = (runs: RunCounts[], key: 'asked' | 'responses') => runs.reduce((total, run) => total + run[key], 0);

/**
 * What hosts and admins read of feedback: a workshop's summary across its runs (or one run), and
 * the education team's queue. Never a name, except the signer of a comment who chose to sign it.
 *
 * Privacy: only the answers of sessions with at least FEEDBACK_PRIVACY_THRESHOLD answers are
 * counted in any figure, distribution, comment or text answer. Counting a smaller session's answers
 * into the workshop's totals would give it away: the total minus the sessions shown is that
 * session. So the summary is hidden (null figures, no comments) until one session in scope has
 * enough answers; `responses` and `asked` still count everyone, as the per-session counts do.
 *
 * "I didn't attend" removes the person from `asked` (they were not an attendee) and is no response.
 */
export class FeedbackSummaryService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly summaries: typeof summaryRepository,
    private readonly questions: typeof questionsRepository,
    private readonly sessions: Pick<typeof feedbackRepository, 'session'>,
    private readonly checklists: Pick<typeof checklistsRepository, 'findRun'>,
    private readonly hosts: Pick<typeof workshopsRepository, 'hostsOf'>,
  ) {}

  /** The workshop's feedback; with `sessionId`, the figures of that run (`sessions` keeps every run: the trend). */
  async summary(actor: Actor, workshopId: string, query: { sessionId?: string }): Promise<FeedbackSummary> {
    const db = this.tx.executor;
    await this.access.workshop(db, actor, 'workshop.edit', workshopId, SUMMARY_REFUSAL);
    if (query.sessionId !== undefined) {
      const session = await this.sessions.session(db, query.sessionId);
      if (session?.workshop_id !== workshopId) throw notFound('Session');
    }
    const [runs, questions, checklist, orgAverages] = await Promise.all([
      this.summaries.runs(db, workshopId),
      this.questions.list(db, workshopId),
      this.checklists.findRun(db, workshopId),
      this.summaries.sessionAverages(db),
    ]);
    const inScope = query.sessionId === undefined ? runs : runs.filter((run) => run.session_id === query.sessionId);
    const counted = inScope.filter((run) => shown(run.responses)).map((run) => run.session_id);
    const hidden = counted.length === 0;
    const [counts, applied, comments, hostAnswers] = hidden
      ? [null, null, [], []]
      : await Promise.all([
          this.summaries.answerCounts(db, counted),
          this.summaries.appliedCounts(db, counted),
          this.summaries.comments(db, counted, MAX_COMMENTS),
          questions.length > 0 ? this.summaries.hostAnswers(db, counted) : Promise.resolve([]),
        ]);
    const responses = sum(inScope, 'responses');
    const asked = sum(inScope, 'asked');
    const scale = (distribution: number[] | undefined) =>
      distribution ? { average: averageOf(distribution as Distribution), distribution } : { average: null, distribution: null };
    return {
      responses,
      asked,
      responseRate: ratio(responses, asked),
      rating: scale(counts?.rating),
      usefulness: scale(counts?.usefulness),
      nps: counts && npsOf(counts.promoters, counts.passives, counts.detractors),
      willApply: counts && { yes: counts.apply_yes, no: counts.apply_no },
      applied: applied && {
        asked: applied.sent,
        answered: applied.answered,
        notYet: applied.not_yet,
        aLittle: applied.a_little,
        aLot: applied.a_lot,
      },
      comments: comments.map((c) => ({
        worked: c.worked,
        improve: c.improve,
        signedBy: c.signer_id === null ? null : { id: c.signer_id, name: c.signer_name ?? '', title: c.signer_title },
        // The session's start, not the answer's time: when someone answered could tell who they are.
        at: c.starts_at,
      })),
      questions: questionFigures(questions, hostAnswers, MAX_COMMENTS),
      sessions: runs.map((run) => ({
        sessionId: run.session_id,
        startsAt: run.starts_at,
        asked: run.asked,
        responses: run.responses,
        average: shown(run.responses) ? round2(run.rating_sum / run.responses) : null,
        hidden: !shown(run.responses),
      })),
      orgMedianRating: median(orgAverages),
      confidence: checklist ? { before: checklist.confidence_before, after: checklist.confidence_after } : null,
      hidden,
    };
  }

  /**
   * The education team's queue, to reach out rather than to police: the lowest-rated sessions that
   * ended in the last 30 days, and what people asked to improve. Only sessions with enough answers.
   */
  async queue(actor: Actor, now = new Date()): Promise<FeedbackQueue> {
    this.access.admin(actor, 'The feedback queue is for the education team (admins).');
    const db = this.tx.executor;
    const from = new Date(now.getTime() - QUEUE_DAYS * DAY).toISOString();
    const sessions = await this.summaries.recentSessionAverages(db, from, now.toISOString());
    const lowest = sessions.slice(0, QUEUE_LOWEST);
    const [hosts, asks] = await Promise.all([
      lowest.length > 0 ? this.hosts.hostsOf(db, [...new Set(lowest.map((s) => s.workshop_id))]) : Promise.resolve([]),
      sessions.length > 0
        ? this.summaries.improveComments(
            db,
            sessions.map((s) => s.session_id),
            QUEUE_ASKS,
          )
        : Promise.resolve([]),
    ]);
    return {
      lowest: lowest.map((s) => ({
        sessionId: s.session_id,
        workshopId: s.workshop_id,
        title: s.title,
        startsAt: s.starts_at,
        hosts: hosts.filter((h) => h.workshop_id === s.workshop_id).map((h) => ({ id: h.id, name: h.name, title: h.title })),
        responses: s.responses,
        average: round2(s.rating_sum / s.responses),
        usefulness: round2(s.usefulness_sum / s.responses),
      })),
      asks: asks.map((a) => ({
        sessionId: a.session_id,
        workshopId: a.workshop_id,
        title: a.title,
        improve: a.improve ?? '',
        at: a.starts_at,
      })),
    };
  }
}
