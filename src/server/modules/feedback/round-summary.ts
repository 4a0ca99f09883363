import { FEEDBACK_PRIVACY_THRESHOLD, type FeedbackSummaryMail } from '../../../contracts/index.js';
import type { RoundAnswerRow } from './rounds.repository.js';

const average = (values: number[]): number | null =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

/**
 * What the hosts' mail says when a session's feedback closes: who was asked and who answered — a
 * decline ("I didn't attend") is neither, as in the Feedback tab, and — only from FEEDBACK_PRIVACY_THRESHOLD answers on — the averages,
 * how many plan to apply it, and the comments, never with a name (signed or not).
 */
export function summarizeRound(rows: RoundAnswerRow[]): FeedbackSummaryMail {
  const answered = rows.filter((r) => r.status === 'answered');
  const hidden = answered.length < FEEDBACK_PRIVACY_THRESHOLD;
  const base = { asked: rows.filter((r) => r.status !== 'declined').length, responses: answered.length, hidden };
  if (hidden) return { ...base, rating: null, usefulness: null, willApply: null, worked: [], improve: [] };
  const said = answered.filter((r) => r.will_apply !== null);
  const texts = (pick: (r: RoundAnswerRow) => string | null) => answered.map(pick).filter((t): t is string => t !== null && t !== '');
  return {
    ...base,
    rating: average(answered.flatMap((r) => (r.rating === null ? [] : [r.rating]))),
    usefulness: average(answered.flatMap((r) => (r.usefulness === null ? [] : [r.usefulness]))),
    willApply: said.length === 0 ? null : said.filter((r) => r.will_apply === 1).length,
    worked: texts((r) => r.worked),
    improve: texts((r) => r.improve),
  };
}
