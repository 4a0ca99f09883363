/**
 * Feedback at organization scale: a round for every held session that has ended, one ask per
 * person asked (those checked in, as the app asks; the seated ones when nobody was), about 65 %
 * answered over the two-week window, ratings mostly 4–5 around a per-workshop mean that is a
 * little higher for workshops whose checklist was answered well, and the follow-ups of those
 * who planned to apply it. As in the demo, everything already due is marked done (reminders,
 * host summaries, follow-ups sent), so the timed jobs start quiet.
 *
 * The asks come from the registrations as they stream past (`SeatsHeld.tap`): only person indexes
 * of ended sessions are kept, and the rows are generated again, deterministically, per pass.
 */
import { FEEDBACK_REMINDER_DAYS, FOLLOW_UP_DAYS } from '../../contracts/index.js';
import type { AppliedAnswer, FeedbackFollowUpsTable, FeedbackRoundsTable, FeedbackTable } from '../../server/db/schema.js';
import { closesAt, followUpDue, NO_ANSWER } from '../../server/modules/feedback/feedback.policy.js';
import { APPLIED_EXAMPLES, APPLY_HOW, IMPROVE_BLUNT, IMPROVE_MILD, WORKED } from '../demo/demo-feedback-data.js';
import { DAY, HOUR, iso, MINUTE, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { WELL_ANSWERED } from './org-checklists.js';
import { ID_KIND, type OrgClock, orgId } from './org-clock.js';
import type { OrgPeople } from './org-people.js';
import type { RegistrationRow } from './org-registrations.js';
import type { OrgSession } from './org-sessions.js';

const DECLINE_RATE = 0.03;
/** Added to a workshop's usual mean rating: answered its checklist well, or only partly. */
const CHECKLIST_LIFT = { well: 0.25, partly: 0.05 };

type FeedbackRow = Omit<FeedbackTable, 'answers' | 'signed'> & { answers: string; signed: number };
export interface OrgFeedback {
  feedback: FeedbackRow;
  followUp: FeedbackFollowUpsTable | null;
}

const ended = (s: OrgSession, clock: OrgClock) => s.cancelledMs === null && s.endMs <= clock.nowMs;

/** Who held a seat at each ended session, collected while the registrations stream into the database. */
export class SeatsHeld {
  readonly bySession = new Map<number, { attended: number[]; noShow: number[] }>();
  private readonly sessionById: Map<string, OrgSession>;
  private readonly personById: Map<string, number>;

  constructor(sessions: readonly OrgSession[], people: OrgPeople, clock: OrgClock) {
    this.sessionById = new Map(sessions.filter((s) => ended(s, clock)).map((s) => [s.id, s]));
    this.personById = new Map(people.all.map((p) => [p.id, p.index]));
  }

  *tap(rows: Iterable<RegistrationRow>): Generator<RegistrationRow> {
    for (const row of rows) {
      if (row.status === 'attended' || row.status === 'no_show') {
        const s = this.sessionById.get(row.session_id);
        const person = this.personById.get(row.person_id);
        if (s && person !== undefined) {
          let seats = this.bySession.get(s.index);
          if (!seats) {
            seats = { attended: [], noShow: [] };
            this.bySession.set(s.index, seats);
          }
          (row.status === 'attended' ? seats.attended : seats.noShow).push(person);
        }
      }
      yield row;
    }
  }

  /** The app's whoIsAsked: those checked in; if nobody was, those seated at the end. */
  asked(s: OrgSession): number[] {
    const seats = this.bySession.get(s.index);
    if (!seats) return [];
    return seats.attended.length > 0 ? seats.attended : seats.noShow;
  }
}

/** The round opens within a minute of the end (the job runs every minute). */
function opened(s: OrgSession, clock: OrgClock): { random: Random; askedMs: number; closes: string; closesMs: number } {
  const random = new Random(`org:feedback:${s.index}`);
  const askedMs = seconds(Math.min(clock.nowMs, s.endMs + random.int(5, 59) * 1000));
  const closes = closesAt(iso(s.endMs));
  return { random, askedMs, closes, closesMs: Date.parse(closes) };
}

export function* feedbackRounds(sessions: readonly OrgSession[], clock: OrgClock): Generator<FeedbackRoundsTable> {
  for (const s of sessions) {
    if (!ended(s, clock)) continue;
    const { random, askedMs, closes, closesMs } = opened(s, clock);
    const summaryMs = seconds(Math.min(clock.nowMs, closesMs + random.int(5, 59) * 1000));
    yield {
      session_id: s.id,
      workshop_id: s.workshop.id,
      ended_at: iso(s.endMs),
      closes_at: closes,
      summary_sent_at: closesMs <= clock.nowMs ? iso(summaryMs) : null,
      created_at: iso(askedMs),
    };
  }
}

/** A workshop's usual mean rating: 3.85–4.4, lifted by a well-answered checklist. */
function workshopMean(workshopIndex: number, completion: ReadonlyMap<number, number>): number {
  const usual = 3.85 + 0.55 * new Random(`org:feedback:mean:${workshopIndex}`).float();
  const done = completion.get(workshopIndex);
  if (done === undefined) return usual;
  return usual + (done >= WELL_ANSWERED ? CHECKLIST_LIFT.well : CHECKLIST_LIFT.partly);
}

/** Every ask with its answer (and follow-up), session by session; the same on every pass. */
export function* feedbackRows(
  sessions: readonly OrgSession[],
  seats: SeatsHeld,
  completion: ReadonlyMap<number, number>,
  people: OrgPeople,
  clock: OrgClock,
): Generator<OrgFeedback> {
  let serial = 0;
  let followUps = 0;
  for (const s of sessions) {
    if (!ended(s, clock)) continue;
    const asked = seats.asked(s);
    if (asked.length === 0) continue;
    const { random, askedMs, closes, closesMs } = opened(s, clock);
    const mean = workshopMean(s.workshop.index, completion) + (random.float() - 0.5) * 0.3;
    const responseRate = 0.55 + 0.2 * random.float();
    const endedAt = iso(s.endMs);
    for (const personIndex of asked) {
      const person = people.all[personIndex];
      if (!person) continue;
      const roll = random.float();
      const fate = roll < DECLINE_RATE ? 'decline' : roll < DECLINE_RATE + responseRate ? 'answer' : 'silent';
      const answeredMs = seconds(askedMs + answerDelay(random));
      const answered = fate !== 'silent' && answeredMs <= clock.nowMs && answeredMs < closesMs;
      const remindDueMs = askedMs + FEEDBACK_REMINDER_DAYS * DAY;
      const reminded = remindDueMs <= clock.nowMs && remindDueMs < closesMs && (!answered || answeredMs > remindDueMs);
      const remindMs = seconds(Math.min(clock.nowMs, remindDueMs + random.int(5, 59) * 1000, answered ? answeredMs - 1000 : clock.nowMs));
      const id = orgId(ID_KIND.feedback, serial++, askedMs, clock);
      const base: FeedbackRow = {
        id,
        session_id: s.id,
        workshop_id: s.workshop.id,
        person_id: person.id,
        status: 'open',
        asked_at: iso(askedMs),
        closes_at: closes,
        reminded_at: reminded ? iso(remindMs) : null,
        answered_at: null,
        ...NO_ANSWER,
        updated_at: iso(askedMs),
      };
      if (!answered) {
        yield { feedback: base, followUp: null };
        continue;
      }
      const at = { answered_at: iso(answeredMs), updated_at: iso(answeredMs) };
      if (fate === 'decline') {
        yield { feedback: { ...base, ...at, status: 'declined' }, followUp: null };
        continue;
      }
      const answer = answerOf(random, mean);
      const followUp =
        answer.will_apply === 1
          ? followUpOf(random, orgId(ID_KIND.followUp, followUps++, answeredMs, clock), id, person.id, s.id, endedAt, answeredMs, clock)
          : null;
      yield { feedback: { ...base, ...at, ...answer, status: 'answered' }, followUp };
    }
  }
}

/** How long after the ask an answer comes: most the same day, a good share after the reminder. */
function answerDelay(random: Random): number {
  const [from, to] = random.weighted<readonly [number, number]>([
    [[10 * MINUTE, 3 * HOUR], 35],
    [[3 * HOUR, DAY], 25],
    [[DAY, 2 * DAY], 10],
    [[2 * DAY, 3 * DAY], 18],
    [[3 * DAY, 13 * DAY], 12],
  ]);
  return from + random.float() * (to - from);
}

const clamp = (n: number) => Math.max(1, Math.min(5, n));

/** One answer: roughly normal around the session's mean (sd ≈ 0.7) in whole stars; few comments. */
function answerOf(r: Random, mean: number) {
  const usual = clamp(Math.round(mean + (r.float() + r.float() + r.float() - 1.5) * 1.4));
  // Now and then a session went badly for someone.
  const rating = r.chance(0.012) ? clamp(usual - 3) : usual;
  const usefulness = clamp(
    rating +
      r.weighted([
        [0, 55],
        [-1, 25],
        [1, 15],
        [-2, 5],
      ] as const),
  );
  const good = rating >= 4;
  const applyChance = [0, 0.05, 0.2, 0.5, 0.8, 0.9][usefulness] ?? 0.5;
  const willApply = r.chance(0.08) ? null : r.chance(applyChance) ? 1 : 0;
  return {
    rating,
    usefulness,
    worked: r.chance(good ? 0.15 : 0.08) ? r.pick(WORKED) : null,
    improve: r.chance(good ? 0.08 : 0.3) ? r.pick(good ? IMPROVE_MILD : IMPROVE_BLUNT) : null,
    will_apply: willApply,
    apply_how: willApply === 1 && r.chance(0.2) ? r.pick(APPLY_HOW) : null,
  };
}

/** "Have you applied it?": sent when due (30 days after the end), answered by about 60 %. */
function followUpOf(
  random: Random,
  id: string,
  feedbackId: string,
  personId: string,
  sessionId: string,
  endedAt: string,
  answeredMs: number,
  clock: OrgClock,
): FeedbackFollowUpsTable {
  const due = followUpDue(endedAt, FOLLOW_UP_DAYS.default);
  const sent = Date.parse(due) <= clock.nowMs;
  const sentMs = seconds(Math.min(clock.nowMs, Date.parse(due) + random.int(5, 59) * 1000));
  const repliedMs = seconds(sentMs + HOUR + random.float() * 7 * DAY);
  const replied = sent && repliedMs <= clock.nowMs && random.chance(0.6);
  const applied: AppliedAnswer = random.weighted([
    ['not_yet', 30],
    ['a_little', 45],
    ['a_lot', 25],
  ] as const);
  return {
    id,
    feedback_id: feedbackId,
    person_id: personId,
    session_id: sessionId,
    due_at: due,
    sent_at: sent ? iso(sentMs) : null,
    applied: replied ? applied : null,
    example: replied && random.chance(0.2) ? random.pick(APPLIED_EXAMPLES[applied]) : null,
    answered_at: replied ? iso(repliedMs) : null,
    created_at: iso(answeredMs),
  };
}
