/**
 * Feedback on the demo's past sessions (issue 13): a round for every session that has ended, one
 * ask per person asked (who attended, as the app asks), answers with a believable spread, the
 * reminders and host summaries the app would have sent, and the 30-day follow-ups.
 *
 * Every session that ended before `now` gets its round here, so the `feedback-rounds` job finds
 * nothing to open when the app starts: no burst of mails about sessions from weeks ago, and the
 * open requests are the same on every run. Sessions that end after the seed are asked by the job,
 * by mail, as in real life. Likewise everything already due is marked done (asks older than two
 * days reminded, closed rounds summarised, due follow-ups sent), so the timed work starts quiet.
 *
 * Pure and seeded (buildDemoFeedback) like the rest of the demo; only `now` moves the picture.
 */
import type { Insertable, Kysely } from 'kysely';
import { FEEDBACK_REMINDER_DAYS, FOLLOW_UP_DAYS } from '../../contracts/index.js';
import type {
  AppliedAnswer,
  Database,
  FeedbackFollowUpsTable,
  FeedbackQuestionsTable,
  FeedbackRoundsTable,
  FeedbackTable,
} from '../../server/db/schema.js';
import { closesAt, followUpDue, NO_ANSWER, whoIsAsked } from '../../server/modules/feedback/feedback.policy.js';
import { DAY, HOUR, iso, MINUTE, seconds } from '../shared/clock.js';
import { Random } from '../shared/random.js';
import { checklistShare } from './demo-checklists.js';
import {
  APPLIED_EXAMPLES,
  APPLY_HOW,
  type DemoQuestion,
  E2E_ANSWERS,
  E2E_FEEDBACK_WORKSHOP,
  HOST_QUESTIONS,
  IMPROVE_BLUNT,
  IMPROVE_MILD,
  SESSION_MEANS,
  USUAL_MEAN,
  WEAK_COMMENTS,
  WEAK_WORKSHOP,
  WORKED,
} from './demo-feedback-data.js';
import { demoId } from './demo-ids.js';
import { FIRST_DEMO_EMAIL } from './demo-people.js';
import type { DemoData } from './seed-demo.js';

export interface DemoFeedback {
  questions: Insertable<FeedbackQuestionsTable>[];
  rounds: Insertable<FeedbackRoundsTable>[];
  feedback: Insertable<FeedbackTable>[];
  followUps: Insertable<FeedbackFollowUpsTable>[];
}

type Session = DemoData['sessions'][number];
type Question = Insertable<FeedbackQuestionsTable> & { spec: DemoQuestion };
type Fate = 'answer' | 'decline' | 'silent';

/** The recommendation question was tried for a while and switched off again (org_settings stays empty: off). */
const NPS_ASKED_BEFORE_DAYS = 28;
const DECLINE_RATE = 0.03;
/** How much better a workshop with a well-answered checklist is rated, on average (stars). */
const CHECKLIST_LIFT = 0.4;
/** Bind parameters per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

/** Phrases drawn without repeats within one session; empty once used up. */
class Deck {
  private readonly items: string[];
  constructor(items: string[]) {
    this.items = [...items];
  }
  draw(): string | null {
    return this.items.shift() ?? null;
  }
}

export function buildDemoFeedback(data: DemoData, nowMs: number): DemoFeedback {
  const markerId = demoId(`person:${FIRST_DEMO_EMAIL}`);
  const titleOf = new Map(data.workshops.map((w) => [w.id, w.title]));
  const workshopOf = new Map(data.workshops.map((w) => [w.id, w]));
  const registrationsOf = new Map<string, { person_id: string; status: string }[]>();
  for (const r of data.registrations) {
    const list = registrationsOf.get(r.session_id) ?? [];
    list.push({ person_id: r.person_id, status: r.status });
    registrationsOf.set(r.session_id, list);
  }
  const sessionsOf = new Map<string, Session[]>();
  for (const s of data.sessions) sessionsOf.set(s.workshop_id, [...(sessionsOf.get(s.workshop_id) ?? []), s]);
  const ended = (s: Session) => s.status === 'scheduled' && Date.parse(s.ends_at) <= nowMs;
  const askedAbout = (s: Session) => whoIsAsked(registrationsOf.get(s.id) ?? []).map((r) => r.person_id);

  // The signed-in-by-default person has an open request on Home: her latest session still in its window.
  const markerOpen = data.sessions
    .filter((s) => ended(s) && Date.parse(closesAt(s.ends_at)) > nowMs && askedAbout(s).includes(markerId))
    .sort((a, b) => b.ends_at.localeCompare(a.ends_at))[0]?.id;

  const out: DemoFeedback = { questions: [], rounds: [], feedback: [], followUps: [] };
  const questionsOf = new Map<string, Question[]>();
  for (const [title, specs] of Object.entries(HOST_QUESTIONS)) {
    const workshop = data.workshops.find((w) => w.title === title);
    if (!workshop) throw new Error(`demo feedback: no workshop "${title}"`);
    // Added two days before the first session, so every answer has them.
    const firstStart = Math.min(...(sessionsOf.get(workshop.id) ?? []).map((s) => Date.parse(s.starts_at)));
    const created = iso(seconds(Math.max(Date.parse(workshop.created_at), firstStart - 2 * DAY)));
    const rows = specs.map((spec, position) => ({
      id: demoId(`feedback-question:${title}:${position}`),
      workshop_id: workshop.id,
      position,
      kind: spec.kind,
      prompt: spec.prompt,
      created_at: created,
      updated_at: created,
      spec,
    }));
    questionsOf.set(workshop.id, rows);
    out.questions.push(...rows.map(({ spec: _, ...row }) => row));
  }

  for (const [workshopId, sessions] of sessionsOf) {
    const title = titleOf.get(workshopId) ?? '';
    const usual = new Random(`feedback:mean:${title}`);
    const workshop = workshopOf.get(workshopId);
    const share = workshop ? checklistShare(workshop, data.sessions, nowMs) : null;
    const usualMean = USUAL_MEAN[0] + usual.float() * (USUAL_MEAN[1] - USUAL_MEAN[0]) + checklistLift(share);
    sessions.forEach((session, index) => {
      if (!ended(session)) return;
      const special = SESSION_MEANS[`${title}:${index}`];
      const endMs = Date.parse(session.ends_at);
      const random = new Random(`feedback:${session.id}`);
      // The job runs every minute: the round opens within a minute of the end.
      const askedMs = seconds(Math.min(nowMs, endMs + random.int(5, 59) * 1000));
      const closes = closesAt(session.ends_at);
      const closesMs = Date.parse(closes);
      out.rounds.push({
        session_id: session.id,
        workshop_id: workshopId,
        ended_at: session.ends_at,
        closes_at: closes,
        summary_sent_at: closesMs <= nowMs ? iso(seconds(Math.min(nowMs, closesMs + random.int(5, 59) * 1000))) : null,
        created_at: iso(askedMs),
      });

      const weak = title === WEAK_WORKSHOP;
      const e2e = title === E2E_FEEDBACK_WORKSHOP;
      const answerer = new SessionVoice(random, {
        mean: special?.mean ?? usualMean,
        worked: [...(special?.worked ?? []), ...(weak ? WEAK_COMMENTS.worked : []), ...random.shuffle(WORKED)],
        improveLow: [...(special?.improve ?? []), ...(weak ? WEAK_COMMENTS.improve : []), ...random.shuffle(IMPROVE_BLUNT)],
        improveMild: random.shuffle(IMPROVE_MILD),
        questions: questionsOf.get(workshopId) ?? [],
        nps: nowMs - endMs > NPS_ASKED_BEFORE_DAYS * DAY,
      });
      const responseRate = 0.55 + 0.2 * random.float();
      let e2eAnswers = 0;

      for (const personId of random.shuffle(askedAbout(session))) {
        let fate: Fate;
        if (personId === markerId && session.id === markerOpen) fate = 'silent';
        else if (e2e) fate = e2eAnswers < E2E_ANSWERS && personId !== markerId ? 'answer' : 'silent';
        else {
          const roll = random.float();
          fate = roll < DECLINE_RATE ? 'decline' : roll < DECLINE_RATE + responseRate ? 'answer' : 'silent';
        }
        // The two e2e answers came in on the first day; others over the window, many after the reminder.
        const delayMs = e2e ? random.float() * Math.min(DAY, nowMs - askedMs) : answerDelay(random);
        const answeredMs = seconds(askedMs + delayMs);
        const answered = fate !== 'silent' && answeredMs <= nowMs && answeredMs < closesMs;
        if (answered && e2e) e2eAnswers++;
        // Reminded once, when due, if still unanswered then (the job's next tick, before any later answer).
        const remindDueMs = askedMs + FEEDBACK_REMINDER_DAYS * DAY;
        const reminded = remindDueMs <= nowMs && remindDueMs < closesMs && (!answered || answeredMs > remindDueMs);
        const remindMs = seconds(Math.min(nowMs, remindDueMs + random.int(5, 59) * 1000, answered ? answeredMs - 1000 : nowMs));

        const id = demoId(`feedback:${session.id}:${personId}`);
        const base: Insertable<FeedbackTable> = {
          id,
          session_id: session.id,
          workshop_id: workshopId,
          person_id: personId,
          status: 'open',
          asked_at: iso(askedMs),
          closes_at: closes,
          reminded_at: reminded ? iso(remindMs) : null,
          answered_at: null,
          ...NO_ANSWER,
          updated_at: iso(askedMs),
        };
        if (!answered) {
          out.feedback.push(base);
          continue;
        }
        const at = { answered_at: iso(answeredMs), updated_at: iso(answeredMs) };
        if (fate === 'decline') {
          out.feedback.push({ ...base, ...at, status: 'declined' });
          continue;
        }
        const answer = answerer.answer(answeredMs);
        out.feedback.push({ ...base, ...at, ...answer, status: 'answered' });
        if (answer.will_apply === 1) out.followUps.push(followUp(random, id, personId, session, answeredMs, nowMs));
      }
    });
  }
  return out;
}

/**
 * Workshops prepared with a well-answered checklist are rated a little better on average (the
 * dashboard's "Do checklists help?"); part-answered ones hardly differ. Observational, like the
 * real thing: the spread of workshop means keeps the two groups overlapping.
 */
function checklistLift(share: number | null): number {
  if (share === null) return 0;
  return share >= 0.85 ? CHECKLIST_LIFT : CHECKLIST_LIFT / 4;
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

/** The people of one session answering: one mood (the session's mean), phrases not repeated. */
class SessionVoice {
  private readonly worked: Deck;
  private readonly improveLow: Deck;
  private readonly improveMild: Deck;

  constructor(
    private readonly random: Random,
    private readonly o: {
      mean: number;
      worked: string[];
      improveLow: string[];
      improveMild: string[];
      questions: Question[];
      nps: boolean;
    },
  ) {
    this.worked = new Deck(o.worked);
    this.improveLow = new Deck(o.improveLow);
    this.improveMild = new Deck(o.improveMild);
  }

  answer(answeredMs: number) {
    const r = this.random;
    // Roughly normal around the session's mean (sd ≈ 0.7), in whole stars.
    const rating = clamp(Math.round(this.o.mean + (r.float() + r.float() + r.float() - 1.5) * 1.4));
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
    const worked = r.chance(good ? 0.55 : 0.3) ? this.worked.draw() : null;
    const improve = r.chance(good ? 0.3 : 0.75) ? (good ? this.improveMild : this.improveLow).draw() : null;
    const applyChance = [0, 0.05, 0.2, 0.5, 0.8, 0.9][usefulness] ?? 0.5;
    const willApply = r.chance(0.08) ? null : r.chance(applyChance) ? 1 : 0;
    const answers: Record<string, number | string> = {};
    for (const q of this.o.questions) {
      if (Date.parse(q.created_at) > answeredMs) continue;
      if (q.kind === 'rating' && r.chance(0.9)) answers[q.id] = clamp(usefulness + r.int(-1, 1));
      if (q.kind === 'text' && q.spec.answers && r.chance(0.45)) answers[q.id] = r.pick(q.spec.answers);
    }
    return {
      rating,
      usefulness,
      worked,
      improve,
      will_apply: willApply,
      apply_how: willApply === 1 && r.chance(0.4) ? r.pick(APPLY_HOW) : null,
      nps: this.o.nps && r.chance(0.8) ? npsFor(rating, r) : null,
      answers: JSON.stringify(answers),
      signed: (worked || improve) && r.chance(0.08) ? 1 : 0,
    };
  }
}

function npsFor(rating: number, r: Random): number {
  const [from, to] = ([null, [0, 4], [2, 6], [5, 8], [7, 9], [9, 10]] as const)[rating] ?? [5, 8];
  return r.int(from, to);
}

/** "Have you applied it?": sent when due (followUpDays after the end), answered by about 60 %. */
function followUp(
  random: Random,
  feedbackId: string,
  personId: string,
  session: Session,
  answeredMs: number,
  nowMs: number,
): Insertable<FeedbackFollowUpsTable> {
  const due = followUpDue(session.ends_at, FOLLOW_UP_DAYS.default);
  const sent = Date.parse(due) <= nowMs;
  const sentMs = seconds(Math.min(nowMs, Date.parse(due) + random.int(5, 59) * 1000));
  const repliedMs = seconds(sentMs + HOUR + random.float() * 7 * DAY);
  const replied = sent && repliedMs <= nowMs && random.chance(0.6);
  const applied: AppliedAnswer = random.weighted([
    ['not_yet', 30],
    ['a_little', 45],
    ['a_lot', 25],
  ] as const);
  return {
    id: demoId(`follow-up:${feedbackId}`),
    feedback_id: feedbackId,
    person_id: personId,
    session_id: session.id,
    due_at: due,
    sent_at: sent ? iso(sentMs) : null,
    applied: replied ? applied : null,
    example: replied && random.chance(applied === 'not_yet' ? 0.3 : 0.5) ? random.pick(APPLIED_EXAMPLES[applied]) : null,
    answered_at: replied ? iso(repliedMs) : null,
    created_at: iso(answeredMs),
  };
}

const clamp = (n: number) => Math.max(1, Math.min(5, n));

/** Inserts the demo feedback (after sessions and registrations exist), in batches. */
export async function seedDemoFeedback(db: Kysely<Database>, data: DemoData, now: Date): Promise<DemoFeedback> {
  const feedback = buildDemoFeedback(data, now.getTime());
  await insertInBatches(db, 'feedback_questions', feedback.questions);
  await insertInBatches(db, 'feedback_rounds', feedback.rounds);
  await insertInBatches(db, 'feedback', feedback.feedback);
  await insertInBatches(db, 'feedback_follow_ups', feedback.followUps);
  return feedback;
}

async function insertInBatches<T extends 'feedback_questions' | 'feedback_rounds' | 'feedback' | 'feedback_follow_ups'>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first).length));
  for (let i = 0; i < rows.length; i += size)
    await db
      .insertInto(table)
      .values(rows.slice(i, i + size))
      .execute();
}
