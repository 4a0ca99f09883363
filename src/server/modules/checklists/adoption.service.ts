import { type Adoption, type AdoptionRow, type ChecklistPhase, checklistPhases, phaseLabels } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvFile, csvFilename, toCsv } from '../../platform/csv.js';
import type { Transactor } from '../../platform/transaction.js';
import type { AnswerRow, checklistsRepository, RunRow } from './checklists.repository.js';
import { progressOf } from './progress.js';

const MOST_NO = 5;

// Map.groupBy arrives with Node 21.
function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

function average(values: number[]): number | null {
  return values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}

/** How templates are used, for the education team: per version, completion, where presenters say "no", confidence. */
export class AdoptionService {
  constructor(
    private readonly tx: Transactor,
    private readonly checklists: typeof checklistsRepository,
    private readonly access: AccessChecker,
  ) {}

  async adoption(actor: Actor): Promise<Adoption> {
    this.access.admin(actor, 'The adoption view is for the education team (admins).');
    const db = this.tx.executor;
    const [versions, runs, workshopsTotal] = await Promise.all([
      this.checklists.allVersions(db),
      this.checklists.allRuns(db),
      this.checklists.countWorkshops(db),
    ]);
    const answers = await this.checklists.answers(
      db,
      runs.map((r) => r.id),
    );
    const answersByRun = groupBy(answers, (a: AnswerRow) => a.run_id);
    const runsByVersion = groupBy(runs, (r: RunRow) => r.version_id);
    const items: AdoptionRow[] = [];
    for (const version of versions) {
      const versionRuns = runsByVersion.get(version.id) ?? [];
      if (versionRuns.length === 0) continue;
      const versionItems = await this.checklists.items(db, version.id);
      const progresses = versionRuns.map((run) =>
        progressOf(versionItems, new Map((answersByRun.get(run.id) ?? []).map((a) => [a.item_key, a.answer]))),
      );
      const completion = Object.fromEntries(
        checklistPhases.map((phase) => [phase, Math.round(average(progresses.map((p) => p.phases[phase].percent)) ?? 0)]),
      ) as Record<ChecklistPhase, number>;
      const runIds = new Set(versionRuns.map((r) => r.id));
      const mostNo = versionItems
        .map((item) => {
          const given = answers.filter((a) => runIds.has(a.run_id) && a.item_key === item.key && a.answer !== null);
          return {
            itemKey: item.key,
            text: item.text,
            phase: item.phase,
            no: given.filter((a) => a.answer === 'no').length,
            answered: given.length,
          };
        })
        .filter((i) => i.no > 0)
        .sort((a, b) => b.no - a.no || b.no / b.answered - a.no / a.answered)
        .slice(0, MOST_NO);
      const before = versionRuns.map((r) => r.confidence_before).filter((c): c is number => c !== null);
      const after = versionRuns.map((r) => r.confidence_after).filter((c): c is number => c !== null);
      items.push({
        templateId: version.template_id,
        templateName: version.template_name,
        version: version.version,
        workshops: versionRuns.length,
        completion,
        overallCompletion: Math.round(average(progresses.map((p) => p.overall.percent)) ?? 0),
        mostNo,
        confidenceBefore: { average: average(before), count: before.length },
        confidenceAfter: { average: average(after), count: after.length },
      });
    }
    return { items, workshopsWithChecklist: runs.length, workshopsTotal };
  }

  /** The adoption table as a spreadsheet, dated the day it was taken. */
  async csv(actor: Actor, now = new Date()): Promise<CsvFile> {
    const { items } = await this.adoption(actor);
    const body = toCsv(
      [
        'Template',
        'Version',
        'Workshops',
        ...checklistPhases.map((phase) => `${phaseLabels[phase]} %`),
        'Overall %',
        'Confidence before (avg)',
        'Confidence before (n)',
        'Confidence after (avg)',
        'Confidence after (n)',
        'Most often "no"',
      ],
      items.map((row) => [
        row.templateName,
        row.version,
        row.workshops,
        ...checklistPhases.map((phase) => row.completion[phase]),
        row.overallCompletion,
        row.confidenceBefore.average,
        row.confidenceBefore.count,
        row.confidenceAfter.average,
        row.confidenceAfter.count,
        row.mostNo.map((i) => `${i.text} (${i.no}/${i.answered} no)`).join('; '),
      ]),
    );
    return { filename: csvFilename('checklist-adoption', now.toISOString().slice(0, 10)), body };
  }
}
