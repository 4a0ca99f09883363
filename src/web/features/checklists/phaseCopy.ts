import type { ChecklistPhase } from '../../../contracts/index.js';

/** One line per ADDIE phase, in words an engineer who never heard of ADDIE understands. */
export const phaseIntro: Record<ChecklistPhase, string> = {
  analysis: 'Who is it for, what do they already know, and what problem does it solve for them?',
  design: 'What will people be able to do afterwards, and how will the time be spent?',
  development: 'Slides, exercises and setup: built and tried before the day.',
  implementation: 'Running the session: the start, the pace, keeping people involved.',
  evaluation: 'Did it work? Feedback right after, and what people applied weeks later.',
};
