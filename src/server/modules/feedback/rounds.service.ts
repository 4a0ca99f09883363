import type { Insertable } from 'kysely';
import type { FeedbackTable } from '../../db/schema.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { closesAt, whoIsAsked } from './feedback.policy.js';
import type { EndedSession, feedbackRepository } from './feedback.repository.js';
import type { FeedbackNotices } from './ports.js';

const HOUR = 3_600_000;
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
  ) {}

  async run(now = new Date()): Promise<number> {
    return this.openRounds(now);
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
    rating: null,
    usefulness: null,
    worked: null,
    improve: null,
    will_apply: null,
    apply_how: null,
    nps: null,
    updated_at: now,
  };
}
