import type { FeedbackAnswer, FeedbackBody, FeedbackForm, FeedbackRequest } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { AppError, invalidField, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { workshopsRepository } from '../workshops/workshops.repository.js';
import { closesAt, followUpDue, mayAnswer, NO_ANSWER, requestStatus, windowState } from './feedback.policy.js';
import { presentAnswer } from './feedback.presenter.js';
import type { EndedSession, FeedbackRow, feedbackRepository } from './feedback.repository.js';
import type { FeedbackNotices } from './ports.js';
import type { QuestionRow, questionsRepository } from './questions.repository.js';
import { type FeedbackRoundsService, newAsk } from './rounds.service.js';
import type { FeedbackSettingsService } from './settings.service.js';

const notAnAttendee = () => new AppError('not_an_attendee', 'Only people who had a seat at this session can give feedback on it.');

/** A learner's side of feedback: the form, their answer (once, editable while the window is open), their requests. */
export class FeedbackService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly feedback: typeof feedbackRepository,
    private readonly questions: typeof questionsRepository,
    private readonly hosts: Pick<typeof workshopsRepository, 'hostsOf'>,
    private readonly rounds: FeedbackRoundsService,
    private readonly settings: FeedbackSettingsService,
    private readonly notices: FeedbackNotices,
  ) {}

  async myRequests(actor: Actor, query: { cursor?: string; limit: number; status?: FeedbackRequest['status'] }) {
    const now = nowIso();
    const after = decodeCursor(query.cursor, ['time', 'text']);
    const rows = await this.feedback.myRequests(this.tx.executor, actor.id, {
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: query.limit + 1,
      status: query.status,
      now,
    });
    const page = toPage(rows, query.limit, (r) => [r.closes_at, r.session_id]);
    return {
      items: page.items.map(
        (r): FeedbackRequest => ({
          sessionId: r.session_id,
          workshopId: r.workshop_id,
          title: r.title,
          endedAt: r.ended_at,
          closesAt: r.closes_at,
          status: requestStatus(r.status, r.closes_at, now),
        }),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** Everything the one-screen form shows: the session, the host's questions, the caller's answer if any. */
  async form(actor: Actor, sessionId: string): Promise<FeedbackForm> {
    const db = this.tx.executor;
    await this.access.session(db, actor, 'session.view', sessionId);
    const session = (await this.feedback.session(db, sessionId)) as EndedSession;
    const now = nowIso();
    const [row, questions, settings, hosts] = await Promise.all([
      this.feedback.find(db, sessionId, actor.id),
      this.questions.list(db, session.workshop_id),
      this.settings.current(db),
      this.hosts.hostsOf(db, [session.workshop_id]),
    ]);
    if (!row) await this.mustBeAbleToAnswer(db, session, actor.id, now);
    const closes = row?.closes_at ?? closesAt(session.ends_at);
    const answered = row && row.status !== 'open';
    return {
      sessionId,
      workshopId: session.workshop_id,
      title: session.title,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      timeZone: session.time_zone,
      hosts: hosts.map((h) => ({ id: h.id, name: h.name, title: h.title })),
      closesAt: closes,
      status: row ? requestStatus(row.status, closes, now) : windowState(session.ends_at, now) === 'closed' ? 'closed' : 'open',
      questions: questions.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt })),
      npsEnabled: settings.npsEnabled,
      answer: answered ? presentAnswer(row, now) : null,
    };
  }

  async mine(actor: Actor, sessionId: string): Promise<FeedbackAnswer> {
    const db = this.tx.executor;
    await this.access.session(db, actor, 'session.view', sessionId);
    const row = await this.feedback.find(db, sessionId, actor.id);
    if (!row || row.status === 'open') throw notFound('Your feedback on this session');
    return presentAnswer(row, nowIso());
  }

  /**
   * Stores the caller's answer (or their "I didn't attend"), replacing an earlier one while the
   * window is open. Asked or not yet (the job may not have run): whoever had a seat may answer.
   */
  async answer(actor: Actor, sessionId: string, body: FeedbackBody): Promise<FeedbackAnswer> {
    await this.access.session(this.tx.executor, actor, 'session.view', sessionId);
    return this.tx.transaction(async (trx) => {
      const session = (await this.feedback.session(trx, sessionId)) as EndedSession;
      const now = nowIso();
      const window = windowState(session.ends_at, now);
      if (window === 'not_yet') throw invalidState('Feedback opens when the session ends.');
      let row = await this.feedback.find(trx, sessionId, actor.id);
      if (!row) row = await this.askLate(trx, session, actor.id, now);
      if (now >= row.closes_at) throw new AppError('feedback_closed', 'Feedback on this session closed 14 days after it ended.');
      const [questions, settings] = await Promise.all([this.questions.list(trx, session.workshop_id), this.settings.current(trx)]);
      const declined = body.attended === false;
      if (!declined) checkAnswers(body, questions, settings.npsEnabled);
      const changes = declined
        ? { status: 'declined' as const, ...NO_ANSWER }
        : {
            status: 'answered' as const,
            rating: body.rating ?? null,
            usefulness: body.usefulness ?? null,
            worked: blankToNull(body.worked),
            improve: blankToNull(body.improve),
            will_apply: body.willApply === undefined ? null : body.willApply ? 1 : 0,
            apply_how: body.willApply ? blankToNull(body.applyHow) : null,
            nps: body.nps ?? null,
            answers: JSON.stringify(body.answers ?? {}),
            signed: body.signed ? 1 : 0,
          };
      await this.feedback.update(trx, row.id, { ...changes, answered_at: now, updated_at: now });
      if (!declined && body.willApply) {
        await this.feedback.insertFollowUp(trx, {
          id: newId(),
          feedback_id: row.id,
          person_id: actor.id,
          session_id: sessionId,
          due_at: followUpDue(session.ends_at, settings.followUpDays),
          sent_at: null,
          applied: null,
          example: null,
          answered_at: null,
          created_at: now,
        });
      } else {
        await this.feedback.dropUnsentFollowUp(trx, row.id);
      }
      const stored = { ...row, ...changes, answered_at: now, updated_at: now };
      await this.notices.feedbackSubmitted(trx, `${row.id}:${now}`, {
        sessionId,
        workshopId: session.workshop_id,
        attended: !declined,
        rating: stored.rating,
        usefulness: stored.usefulness,
        willApply: stored.will_apply === null ? null : stored.will_apply === 1,
        nps: stored.nps,
        answeredAt: now,
      });
      return presentAnswer(stored, now);
    });
  }

  /** The form of someone not asked (yet) says at once why they cannot answer: not over yet, or no seat. */
  private async mustBeAbleToAnswer(db: Executor, session: EndedSession, personId: string, now: string): Promise<void> {
    if (windowState(session.ends_at, now) === 'not_yet') throw invalidState('Feedback opens when the session ends.');
    const registration = await this.feedback.registrationOf(db, session.id, personId);
    if (!mayAnswer(registration?.status, await this.feedback.anyCheckedIn(db, session.id))) throw notAnAttendee();
  }

  /** Someone not asked (yet): the round opens now if the job has not run, or they join it (checked in late). */
  private async askLate(trx: Executor, session: EndedSession, personId: string, now: string): Promise<FeedbackRow> {
    await this.mustBeAbleToAnswer(trx, session, personId, now);
    if (!(await this.feedback.round(trx, session.id))) await this.rounds.openRound(trx, session, now, { notify: true });
    await this.feedback.insertAsks(trx, [newAsk(session, personId, now)]);
    return (await this.feedback.find(trx, session.id, personId)) as FeedbackRow;
  }
}

const blankToNull = (text: string | undefined): string | null => (text && text.trim() !== '' ? text.trim() : null);

/** The host's questions are answered with their own kind; the recommendation only when the organisation asks it. */
function checkAnswers(body: FeedbackBody, questions: QuestionRow[], npsEnabled: boolean): void {
  if (body.nps !== undefined && !npsEnabled)
    throw invalidField('nps', 'The recommendation question is switched off for this organisation.');
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, value] of Object.entries(body.answers ?? {})) {
    const question = byId.get(id);
    const field = `answers.${id}`;
    if (!question) throw invalidField(field, 'This question is not on the form (any more); reload it.');
    if (question.kind === 'rating' && typeof value !== 'number') throw invalidField(field, `"${question.prompt}" is answered from 1 to 5.`);
    if (question.kind === 'text' && typeof value !== 'string') throw invalidField(field, `"${question.prompt}" is answered in words.`);
  }
}
