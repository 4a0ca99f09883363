import {
  type ChecklistAnswer,
  type ChecklistPhase,
  type ChecklistProgress,
  type ChecklistRun,
  type ChecklistRunItem,
  type ChecklistWhen,
  checklistPhases,
  type PhaseProgress,
} from '../../../contracts/index.js';

/**
 * The same arithmetic as the server (any answer counts, "no" included), so an optimistic answer
 * moves the bars at once and the server's reply does not make them jump.
 */
function tally(items: ChecklistRunItem[]): PhaseProgress {
  const counts = { yes: 0, no: 0, na: 0 };
  for (const item of items) if (item.answer) counts[item.answer]++;
  const answered = counts.yes + counts.no + counts.na;
  return { total: items.length, answered, ...counts, percent: items.length === 0 ? 0 : Math.round((answered / items.length) * 100) };
}

export function progressOf(items: ChecklistRunItem[]): ChecklistProgress {
  const phases = Object.fromEntries(checklistPhases.map((p) => [p, tally(items.filter((i) => i.phase === p))])) as Record<
    ChecklistPhase,
    PhaseProgress
  >;
  return { overall: tally(items), phases };
}

export type AnswerChange = { itemId: string; answer: ChecklistAnswer | null; note?: string | null };

/** The run as it will be once the server has stored the answer (and note, when given). */
export function withAnswer(run: ChecklistRun, change: AnswerChange): ChecklistRun {
  const items = run.items.map((i) =>
    i.id === change.itemId ? { ...i, answer: change.answer, note: change.note === undefined ? i.note : change.note || null } : i,
  );
  return { ...run, items, progress: progressOf(items) };
}

export const whenOrder: ChecklistWhen[] = ['before', 'during', 'after'];

export const whenLabels: Record<ChecklistWhen, string> = {
  before: 'Before the workshop',
  during: 'During the workshop',
  after: 'After the workshop',
};

/** A phase's items in the order people work through them: before, during, after (template order within each). */
export function phaseItems(run: ChecklistRun, phase: ChecklistPhase): ChecklistRunItem[] {
  const items = run.items.filter((i) => i.phase === phase);
  return whenOrder.flatMap((w) => items.filter((i) => i.when === w));
}

/** Where to start: the first phase with open items, else the first. */
export function firstOpenPhase(run: ChecklistRun): ChecklistPhase {
  return checklistPhases.find((p) => run.progress.phases[p].answered < run.progress.phases[p].total) ?? 'analysis';
}

export const answerLabels: Record<ChecklistAnswer, string> = { yes: 'Yes', no: 'No', na: 'N/A' };
