import { z } from 'zod';
import { listQuery, personRef } from './common.js';

/** How long an answer can be given or changed after a session ends. */
export const FEEDBACK_WINDOW_DAYS = 14;
/** Under this many answers a session's (or a workshop's) figures and comments are not shown: nobody can be singled out. */
export const FEEDBACK_PRIVACY_THRESHOLD = 3;
/** A host adds at most this many questions of their own. */
export const MAX_HOST_QUESTIONS = 3;
/** One reminder, this many days after the ask, if unanswered. */
export const FEEDBACK_REMINDER_DAYS = 2;
/** The follow-up "Have you applied it?" comes this many days after the session (admin setting, 14–90). */
export const FOLLOW_UP_DAYS = { min: 14, max: 90, default: 30 } as const;

export const feedbackRequestStatus = z.enum(['open', 'answered', 'declined', 'closed']);
export type FeedbackRequestStatus = z.infer<typeof feedbackRequestStatus>;

export const feedbackRequest = z.object({
  sessionId: z.string(),
  workshopId: z.string(),
  title: z.string(),
  endedAt: z.string(),
  closesAt: z.string(),
  status: feedbackRequestStatus,
});
export type FeedbackRequest = z.infer<typeof feedbackRequest>;

export const feedbackRequestsQuery = listQuery.extend({ status: feedbackRequestStatus.optional() });

export const feedbackQuestionKind = z.enum(['rating', 'text']);
export const feedbackQuestion = z.object({ id: z.string(), kind: feedbackQuestionKind, prompt: z.string() });
export type FeedbackQuestion = z.infer<typeof feedbackQuestion>;

export const feedbackQuestionsBody = z.strictObject({
  questions: z
    .array(
      z.strictObject({
        /** Keep an existing question's id so its earlier answers stay with it. */
        id: z.string().max(64).optional(),
        kind: feedbackQuestionKind,
        prompt: z.string().trim().min(3, 'Write the question in a few words.').max(200),
      }),
    )
    .max(MAX_HOST_QUESTIONS, `Add at most ${MAX_HOST_QUESTIONS} questions of your own.`),
});

const rating = (what: string) =>
  z
    .number({ error: `${what} is a whole number from 1 to 5.` })
    .int()
    .min(1, `${what} is from 1 to 5.`)
    .max(5, `${what} is from 1 to 5.`);
const comment = z.string().trim().max(2000, 'Keep it under 2,000 characters.');

/** A learner's answer; `{ attended: false }` says "I didn't attend" and nothing else is needed. */
export const feedbackBody = z
  .strictObject({
    attended: z.boolean().optional(),
    rating: rating('The overall rating').optional(),
    usefulness: rating('"Useful for my work"').optional(),
    worked: comment.optional(),
    improve: comment.optional(),
    willApply: z.boolean().optional(),
    applyHow: z.string().trim().max(500, 'Keep it under 500 characters.').optional(),
    nps: z.number().int().min(0, 'The recommendation is from 0 to 10.').max(10, 'The recommendation is from 0 to 10.').optional(),
    answers: z.record(z.string().max(64), z.union([z.number().int().min(1).max(5), z.string().trim().max(1000)])).optional(),
    signed: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.attended === false) return;
    if (v.rating === undefined) ctx.addIssue({ code: 'custom', path: ['rating'], message: 'Give an overall rating from 1 to 5.' });
    if (v.usefulness === undefined)
      ctx.addIssue({ code: 'custom', path: ['usefulness'], message: 'Say how useful it is for your work, from 1 to 5.' });
  });
export type FeedbackBody = z.input<typeof feedbackBody>;

export const feedbackAnswer = z.object({
  sessionId: z.string(),
  status: z.enum(['answered', 'declined']),
  attended: z.boolean(),
  rating: z.number().nullable(),
  usefulness: z.number().nullable(),
  worked: z.string().nullable(),
  improve: z.string().nullable(),
  willApply: z.boolean().nullable(),
  applyHow: z.string().nullable(),
  nps: z.number().nullable(),
  answers: z.record(z.string(), z.union([z.number(), z.string()])),
  signed: z.boolean(),
  answeredAt: z.string(),
  closesAt: z.string(),
  /** Still inside the window: answering again replaces it. */
  editable: z.boolean(),
});
export type FeedbackAnswer = z.infer<typeof feedbackAnswer>;

/** Everything the one-screen form needs. */
export const feedbackForm = z.object({
  sessionId: z.string(),
  workshopId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  hosts: z.array(personRef),
  closesAt: z.string(),
  status: feedbackRequestStatus,
  questions: z.array(feedbackQuestion),
  npsEnabled: z.boolean(),
  answer: feedbackAnswer.nullable(),
});
export type FeedbackForm = z.infer<typeof feedbackForm>;

const distribution = z.array(z.number()).length(5);
const scale = z.object({ average: z.number().nullable(), distribution: distribution.nullable() });

export const feedbackSummaryQuery = z.strictObject({ sessionId: z.string().max(64).optional() });

export const feedbackSummary = z.object({
  responses: z.number(),
  /** The people asked, less those who said "I didn't attend" (a decline is neither asked nor a response). */
  asked: z.number(),
  /** responses ÷ asked as a fraction from 0 to 1 (two decimals); null when nobody was asked. */
  responseRate: z.number().nullable(),
  rating: scale,
  usefulness: scale,
  nps: z.object({ score: z.number(), promoters: z.number(), passives: z.number(), detractors: z.number() }).nullable(),
  willApply: z.object({ yes: z.number(), no: z.number() }).nullable(),
  applied: z.object({ asked: z.number(), answered: z.number(), notYet: z.number(), aLittle: z.number(), aLot: z.number() }).nullable(),
  comments: z.array(
    z.object({ worked: z.string().nullable(), improve: z.string().nullable(), signedBy: personRef.nullable(), at: z.string() }),
  ),
  questions: z.array(
    feedbackQuestion.extend({
      responses: z.number(),
      average: z.number().nullable(),
      distribution: distribution.nullable(),
      texts: z.array(z.string()),
    }),
  ),
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      startsAt: z.string(),
      asked: z.number(),
      responses: z.number(),
      average: z.number().nullable(),
      hidden: z.boolean(),
    }),
  ),
  orgMedianRating: z.number().nullable(),
  /** The hosts' confidence before and after, when the workshop has a checklist (1–5). */
  confidence: z.object({ before: z.number().nullable(), after: z.number().nullable() }).nullable(),
  hidden: z.boolean(),
});
export type FeedbackSummary = z.infer<typeof feedbackSummary>;

export const appliedAnswer = z.enum(['not_yet', 'a_little', 'a_lot']);
export const followUp = z.object({
  id: z.string(),
  sessionId: z.string(),
  workshopId: z.string(),
  title: z.string(),
  endedAt: z.string(),
  sentAt: z.string(),
  applied: appliedAnswer.nullable(),
  example: z.string().nullable(),
  answeredAt: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUp>;
export const followUpBody = z.strictObject({ applied: appliedAnswer, example: z.string().trim().max(1000).optional() });

export const feedbackSettings = z.object({
  npsEnabled: z.boolean(),
  followUpDays: z.number().int(),
});
export type FeedbackSettings = z.infer<typeof feedbackSettings>;
export const feedbackSettingsBody = z.strictObject({
  npsEnabled: z.boolean().optional(),
  followUpDays: z
    .number()
    .int()
    .min(FOLLOW_UP_DAYS.min, `The follow-up comes ${FOLLOW_UP_DAYS.min} to ${FOLLOW_UP_DAYS.max} days after a session.`)
    .max(FOLLOW_UP_DAYS.max, `The follow-up comes ${FOLLOW_UP_DAYS.min} to ${FOLLOW_UP_DAYS.max} days after a session.`)
    .optional(),
});

/** The education team's queue: the lowest-rated sessions of the last 30 days, and comments asking for something. */
export const feedbackQueue = z.object({
  lowest: z.array(
    z.object({
      sessionId: z.string(),
      workshopId: z.string(),
      title: z.string(),
      startsAt: z.string(),
      hosts: z.array(personRef),
      responses: z.number(),
      average: z.number(),
      usefulness: z.number().nullable(),
    }),
  ),
  asks: z.array(z.object({ sessionId: z.string(), workshopId: z.string(), title: z.string(), improve: z.string(), at: z.string() })),
});
export type FeedbackQueue = z.infer<typeof feedbackQueue>;

/** What a host's mail says when a session's feedback window closes (figures, or why they are hidden; never names). */
export interface FeedbackSummaryMail {
  asked: number;
  responses: number;
  hidden: boolean;
  rating: number | null;
  usefulness: number | null;
  willApply: number | null;
  worked: string[];
  improve: string[];
}
