import { describe, expect, it } from 'vitest';
import { type FeedbackAnswer, type FeedbackForm, type FeedbackRequest, feedbackBody } from '../../../contracts/index.js';
import { contractValidator } from '../../lib/forms';
import { feedbackAction, formPhase, initialValues, toBody } from './learnerModel';

// What the learner's form sends and shows, checked against the contract's own schema: the form
// refuses exactly what the server would, and sends back what it showed.
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-12-02T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const validate = contractValidator(feedbackBody);

const questions: FeedbackForm['questions'] = [
  { id: 'q1', kind: 'rating', prompt: 'How confident are you now?' },
  { id: 'q2', kind: 'text', prompt: 'Which topic needs more time?' },
];
const form = { questions, npsEnabled: false };

function stored(over: Partial<FeedbackAnswer> = {}): FeedbackAnswer {
  return {
    sessionId: 's1',
    status: 'answered',
    attended: true,
    rating: 4,
    usefulness: 5,
    worked: 'The live demo of lag graphs',
    improve: null,
    willApply: true,
    applyHow: 'Alerts on our consumers',
    nps: null,
    answers: { q1: 3, q2: 'Rebalancing' },
    signed: false,
    answeredAt: iso(now - HOUR),
    closesAt: iso(now + 13 * DAY),
    editable: true,
    ...over,
  };
}

describe('the feedback form’s values', () => {
  it('start empty: sending at once is refused on both ratings, with the contract’s words', () => {
    const values = initialValues(questions, null);
    expect(values).toMatchObject({ rating: null, usefulness: null, willApply: null, signed: false, answers: { q1: null, q2: '' } });
    expect(validate(toBody(values, form))).toEqual({
      rating: 'Give an overall rating from 1 to 5.',
      usefulness: 'Say how useful it is for your work, from 1 to 5.',
    });
  });

  it('come back prefilled with the stored answer, and send the same answer again', () => {
    const values = initialValues(questions, stored());
    const body = toBody(values, form);
    expect(validate(body)).toEqual({});
    expect(body).toEqual({
      rating: 4,
      usefulness: 5,
      worked: 'The live demo of lag graphs',
      willApply: true,
      applyHow: 'Alerts on our consumers',
      answers: { q1: 3, q2: 'Rebalancing' },
      signed: false,
    });
  });

  it('start empty again after "I didn’t attend"', () => {
    expect(initialValues(questions, stored({ status: 'declined', attended: false, rating: null, usefulness: null }))).toEqual(
      initialValues(questions, null),
    );
  });

  it('leave out what was not said: blank comments, "How?" after a no, unanswered questions, a recommendation nobody asked', () => {
    const values = {
      ...initialValues(questions, stored()),
      worked: '   ',
      willApply: false,
      nps: 9,
      answers: { q1: null, q2: ' ', gone: 'a question the host removed' },
      signed: true,
    };
    expect(toBody(values, form)).toEqual({ rating: 4, usefulness: 5, willApply: false, signed: true });
    expect(toBody(values, { ...form, npsEnabled: true })).toMatchObject({ nps: 9 });
  });

  it('put a too-long comment’s refusal on its own field', () => {
    const values = { ...initialValues(questions, stored()), improve: 'x'.repeat(2001) };
    expect(validate(toBody(values, form))).toEqual({ improve: 'Keep it under 2,000 characters.' });
  });
});

describe('which screen the feedback page shows', () => {
  const base = { endsAt: iso(now - HOUR), closesAt: iso(now + 14 * DAY - HOUR), status: 'open' as const, answer: null };

  it('the form from the end of the session until the window closes', () => {
    expect(formPhase({ ...base, endsAt: iso(now + HOUR) }, now)).toBe('not_yet');
    expect(formPhase(base, now)).toBe('open');
    expect(formPhase({ ...base, status: 'answered', answer: stored() }, now)).toBe('open');
    expect(formPhase({ ...base, closesAt: iso(now) }, now)).toBe('closed');
    expect(formPhase({ ...base, status: 'closed' }, now)).toBe('closed');
    expect(formPhase({ ...base, status: 'answered', answer: stored({ editable: false }) }, now)).toBe('closed');
  });
});

describe('a past session’s feedback step in My learning', () => {
  const request = (status: FeedbackRequest['status'], closesIn: number): FeedbackRequest => ({
    sessionId: 's1',
    workshopId: 'w1',
    title: 'Debugging Kafka consumer lag',
    endedAt: iso(now - DAY),
    closesAt: iso(now + closesIn),
    status,
  });

  it('is "Give feedback" while open, "Feedback given" (changeable while open), nothing once closed unanswered', () => {
    expect(feedbackAction(request('open', DAY), now)).toEqual({ kind: 'give' });
    expect(feedbackAction(request('answered', DAY), now)).toEqual({ kind: 'given', editable: true });
    expect(feedbackAction(request('declined', DAY), now)).toEqual({ kind: 'given', editable: true });
    expect(feedbackAction(request('answered', -DAY), now)).toEqual({ kind: 'given', editable: false });
    expect(feedbackAction(request('closed', -DAY), now)).toEqual({ kind: 'none' });
    expect(feedbackAction(request('open', -1), now)).toEqual({ kind: 'none' });
    expect(feedbackAction(undefined, now)).toEqual({ kind: 'none' });
  });
});
