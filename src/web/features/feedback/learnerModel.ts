import type { FeedbackAnswer, FeedbackBody, FeedbackForm, FeedbackQuestion, FeedbackRequest } from '../../../contracts/index.js';

/**
 * What the learner's form holds while they fill it in. Ratings start empty (null) rather than at a
 * default, so nobody sends a "3" they never chose; comments are plain strings.
 */
export type FeedbackValues = {
  rating: number | null;
  usefulness: number | null;
  worked: string;
  improve: string;
  willApply: boolean | null;
  applyHow: string;
  nps: number | null;
  /** The host's questions by id: a rating (1–5, or null) or a text. */
  answers: Record<string, number | string | null>;
  signed: boolean;
};

/** The form's starting point: the stored answer when there is one (declining stores nothing to prefill). */
export function initialValues(questions: FeedbackQuestion[], answer: FeedbackAnswer | null): FeedbackValues {
  const given = answer?.status === 'answered' ? answer : null;
  const answers: FeedbackValues['answers'] = {};
  for (const q of questions) {
    const stored = given?.answers[q.id];
    answers[q.id] = q.kind === 'rating' ? (typeof stored === 'number' ? stored : null) : typeof stored === 'string' ? stored : '';
  }
  return {
    rating: given?.rating ?? null,
    usefulness: given?.usefulness ?? null,
    worked: given?.worked ?? '',
    improve: given?.improve ?? '',
    willApply: given?.willApply ?? null,
    applyHow: given?.applyHow ?? '',
    nps: given?.nps ?? null,
    answers,
    signed: given?.signed ?? false,
  };
}

/**
 * The request body for `PUT /sessions/:id/feedback`: empty optional parts are left out (the server
 * stores them as "no answer"), "How?" only goes with a yes, the recommendation only when the
 * organisation asks it, and only answers to questions that are on the form.
 */
export function toBody(values: FeedbackValues, form: Pick<FeedbackForm, 'questions' | 'npsEnabled'>): FeedbackBody {
  const body: FeedbackBody = { signed: values.signed };
  if (values.rating !== null) body.rating = values.rating;
  if (values.usefulness !== null) body.usefulness = values.usefulness;
  if (values.worked.trim()) body.worked = values.worked;
  if (values.improve.trim()) body.improve = values.improve;
  if (values.willApply !== null) body.willApply = values.willApply;
  if (values.willApply && values.applyHow.trim()) body.applyHow = values.applyHow;
  if (form.npsEnabled && values.nps !== null) body.nps = values.nps;
  const answers: Record<string, number | string> = {};
  for (const q of form.questions) {
    const a = values.answers[q.id];
    if (typeof a === 'number' || (typeof a === 'string' && a.trim())) answers[q.id] = a;
  }
  if (Object.keys(answers).length > 0) body.answers = answers;
  return body;
}

/** What the page shows: the form, a thank-you, or why there is nothing to fill in. */
export type FormPhase = 'not_yet' | 'closed' | 'open';

export function formPhase(form: Pick<FeedbackForm, 'endsAt' | 'closesAt' | 'status' | 'answer'>, now = Date.now()): FormPhase {
  if (now < Date.parse(form.endsAt)) return 'not_yet';
  if (form.status === 'closed' || now >= Date.parse(form.closesAt)) return 'closed';
  if (form.answer && !form.answer.editable) return 'closed';
  return 'open';
}

/** What a past session in My learning offers: give it, see/change it, "given" once closed, or nothing. */
export type FeedbackAction = { kind: 'give' } | { kind: 'given'; editable: boolean } | { kind: 'none' };

export function feedbackAction(request: FeedbackRequest | undefined, now = Date.now()): FeedbackAction {
  if (!request) return { kind: 'none' };
  const open = now < Date.parse(request.closesAt);
  if (request.status === 'open') return open ? { kind: 'give' } : { kind: 'none' };
  if (request.status === 'answered' || request.status === 'declined') return { kind: 'given', editable: open };
  return { kind: 'none' };
}

/** The scales' word anchors, shown under the ends and read with them by screen readers. */
export const scales = {
  rating: { min: 1, max: 5, low: 'Poor', high: 'Excellent' },
  usefulness: { min: 1, max: 5, low: 'Not useful', high: 'Very useful' },
  question: { min: 1, max: 5, low: 'Low', high: 'High' },
  nps: { min: 0, max: 10, low: 'Not likely', high: 'Very likely' },
} as const;
