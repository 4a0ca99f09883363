import type { FeedbackAnswer } from '../../../contracts/index.js';
import type { FeedbackRow } from './feedback.repository.js';

const bool = (n: number | null): boolean | null => (n === null ? null : n === 1);

/** A learner's stored answer as they see it (never shown to anyone else with their name). */
export function presentAnswer(row: FeedbackRow, now: string): FeedbackAnswer {
  return {
    sessionId: row.session_id,
    status: row.status === 'declined' ? 'declined' : 'answered',
    attended: row.status !== 'declined',
    rating: row.rating,
    usefulness: row.usefulness,
    worked: row.worked,
    improve: row.improve,
    willApply: bool(row.will_apply),
    applyHow: row.apply_how,
    nps: row.nps,
    answers: JSON.parse(row.answers) as Record<string, number | string>,
    signed: row.signed === 1,
    answeredAt: row.answered_at ?? row.updated_at,
    closesAt: row.closes_at,
    editable: now < row.closes_at,
  };
}
