import {
  type ChecklistAnswer,
  type ChecklistPhase,
  type ChecklistProgress,
  checklistPhases,
  type PhaseProgress,
} from '../../../contracts/index.js';

const DAY_MS = 86_400_000;

interface Answerable {
  key: string;
  phase: ChecklistPhase;
}

function tally(items: Answerable[], answers: Map<string, ChecklistAnswer | null>): PhaseProgress {
  const counts = { yes: 0, no: 0, na: 0 };
  for (const item of items) {
    const answer = answers.get(item.key);
    if (answer) counts[answer]++;
  }
  const answered = counts.yes + counts.no + counts.na;
  return { total: items.length, answered, ...counts, percent: items.length === 0 ? 0 : Math.round((answered / items.length) * 100) };
}

/** Answered share per phase and overall. Any answer counts, "no" included: it is an honest answer. */
export function progressOf(items: Answerable[], answers: Map<string, ChecklistAnswer | null>): ChecklistProgress {
  const phases = Object.fromEntries(
    checklistPhases.map((phase) => [
      phase,
      tally(
        items.filter((i) => i.phase === phase),
        answers,
      ),
    ]),
  ) as Record<ChecklistPhase, PhaseProgress>;
  return { overall: tally(items, answers), phases };
}

/** When an item is suggested: its offset from the next session's start; null without either. */
export function dueAt(offsetDays: number | null, nextSessionAt: string | null): string | null {
  if (offsetDays === null || nextSessionAt === null) return null;
  return new Date(Date.parse(nextSessionAt) + offsetDays * DAY_MS).toISOString();
}
