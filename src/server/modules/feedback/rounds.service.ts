import type { Insertable } from 'kysely';
import { FEEDBACK_REMINDER_DAYS } from '../../../contracts/index.js';
import type { FeedbackTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { closesAt, NO_ANSWER, whoIsAsked } from './feedback.policy.js';
import type { EndedSession, feedbackRepository } from './feedback.repository.js';
import type { FeedbackNotices } from './ports.js';
import { summarizeRound } from './round-summary.js';
import type { roundsRepository } from './rounds.repository.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 100;
/**
 * A session that ended longer ago than this when the job first sees it is not asked about by
 * mail (a new install, an instance that was down for days): its people can still answer from
 * My learning until the window closes.
 */
const ASK_LOOKBACK_MS = 48 * HOUR;

/**
 * The feedback loop's timed work, a periodic job safe on every instance at once: open a round when
 * a session ends (ask who attended), remind once, close the round and send the hosts its summary,
 * send the "Have you applied it?" follow-ups.
 */
export class FeedbackRoundsService {
  constructor(
    private readonly tx: Transactor,
    private readonly feedback: typeof feedbackRepository,
    private readonly notices: FeedbackNotices,
    private readonly rounds: typeof roundsRepository,
  ) {}

  /** Everything due at `now`; returns how many messages it queued (asks, reminders, summaries, follow-ups). */
  async run(now = new Date()): Promise<number> {
    return (await this.openRounds(now)) + (await this.remind(now)) + (await this.closeRounds(now)) + (await this.sendFollowUps(now));
  }

  /** Opens the round of every session that ended since the lookback, in batches. */
  async openRounds(now = new Date()): Promise<number> {
    const to = now.toISOString();
    const from = new Date(now.getTime() - ASK_LOOKBACK_MS).toISOString();
    let asked = 0;
    for (;;) {
      const ended = await this.feedback.endedWithoutRound(this.tx.executor, from, to, BATCH);
      for (const session of ended) asked += await this.tx.transaction((trx) => this.openRound(trx, session, to, { notify: true }));
      if (ended.length < BATCH) return asked;
    }
  }

  /**
   * Opens one session's round: asks the people checked in, or everyone still enrolled when nobody
   * was checked in. Idempotent: the round and each ask are inserted once whoever gets there first
   * (this job on any instance, or a learner answering before it ran). Returns how many were asked.
   */
  async openRound(db: Executor, session: EndedSession, now: string, options: { notify: boolean }): Promise<number> {
    const closes = closesAt(session.ends_at);
    const opened = await this.feedback.insertRound(db, {
      session_id: session.id,
      workshop_id: session.workshop_id,
      ended_at: session.ends_at,
      closes_at: closes,
      created_at: now,
    });
    if (!opened) return 0;
    const asked = whoIsAsked(await this.feedback.registrationsOf(db, session.id));
    const inserted = await this.feedback.insertAsks(
      db,
      asked.map((r) => newAsk(session, r.person_id, now)),
    );
    if (options.notify) await this.notices.feedbackRequested(db, session.id, inserted, closes);
    return inserted.length;
  }

  /**
   * One reminder, FEEDBACK_REMINDER_DAYS after the ask, to those who neither answered nor declined
   * while the window is still open. Each ask is claimed (reminded_at set) in the transaction that
   * queues its reminder, and only the claims that changed a row are sent.
   */
  async remind(now = new Date()): Promise<number> {
    const at = now.toISOString();
    const askedBy = new Date(now.getTime() - FEEDBACK_REMINDER_DAYS * DAY).toISOString();
    return this.inBatches(async (trx) => {
      const due = await this.rounds.remindersDue(trx, askedBy, at, BATCH);
      let queued = 0;
      for (const ask of due) {
        if (!(await this.rounds.claimReminder(trx, ask.id, at))) continue;
        await this.notices.feedbackReminder(trx, ask.session_id, ask.person_id, ask.closes_at);
        queued++;
      }
      return { seen: due.length, queued };
    });
  }

  /** Rounds whose window closed: each host of the workshop gets the summary once (figures only from three answers). */
  async closeRounds(now = new Date()): Promise<number> {
    const at = now.toISOString();
    return this.inBatches(async (trx) => {
      const due = await this.rounds.roundsToClose(trx, at, BATCH);
      let queued = 0;
      for (const round of due) {
        if (!(await this.rounds.claimSummary(trx, round.session_id, at))) continue;
        const summary = summarizeRound(await this.rounds.answersOf(trx, round.session_id));
        // Nobody was asked (an empty session): there is nothing to tell the hosts.
        if (summary.asked === 0) continue;
        const hosts = await this.rounds.hostsOf(trx, round.workshop_id);
        await this.notices.feedbackSummary(trx, round.session_id, hosts, summary);
        queued += hosts.length;
      }
      return { seen: due.length, queued };
    });
  }

  /** "Have you applied it?" once it is due, to those whose answer still says they plan to. */
  async sendFollowUps(now = new Date()): Promise<number> {
    const at = now.toISOString();
    return this.inBatches(async (trx) => {
      const due = await this.rounds.followUpsDue(trx, at, BATCH);
      let queued = 0;
      for (const followUp of due) {
        if (!(await this.rounds.claimFollowUp(trx, followUp.id, at))) continue;
        await this.notices.feedbackFollowUp(trx, followUp.id, followUp.session_id, followUp.person_id);
        queued++;
      }
      return { seen: due.length, queued };
    });
  }

  /** One transaction per batch until a batch comes back short; a claimed row is not read again. */
  private async inBatches(batch: (trx: Executor) => Promise<{ seen: number; queued: number }>): Promise<number> {
    let queued = 0;
    for (;;) {
      const done = await this.tx.transaction(batch);
      queued += done.queued;
      if (done.seen < BATCH) return queued;
    }
  }
}

/** One person asked about one session, not answered yet. */
export function newAsk(session: EndedSession, personId: string, now: string): Insertable<FeedbackTable> {
  return {
    id: newId(),
    session_id: session.id,
    workshop_id: session.workshop_id,
    person_id: personId,
    status: 'open',
    asked_at: now,
    closes_at: closesAt(session.ends_at),
    reminded_at: null,
    answered_at: null,
    ...NO_ANSWER,
    updated_at: now,
  };
}
