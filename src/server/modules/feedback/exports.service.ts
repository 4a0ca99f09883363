import { DateTime } from 'luxon';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type CsvCell, type CsvFile, csvFilename, toCsv } from '../../platform/csv.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import type { EndedSession, feedbackRepository } from './feedback.repository.js';
import type { QuestionRow, questionsRepository } from './questions.repository.js';
import { shown } from './summary.policy.js';
import type { ExportRow, summaryRepository } from './summary.repository.js';
import { SUMMARY_REFUSAL } from './summary.service.js';

const COLUMNS = ['session_start', 'rating', 'usefulness', 'will_apply', 'apply_how', 'nps', 'worked', 'improve'];

/**
 * Feedback as spreadsheets, through the one CSV writer: one row per answer, never a name or an
 * email (not even of those who signed: a file travels further than the tab), never the answer's
 * time. Sessions with fewer answers than the privacy threshold have no rows at all (the file is
 * then just its header): the same rule as the summary.
 */
export class FeedbackExportsService {
  constructor(
    private readonly tx: Transactor,
    private readonly access: AccessChecker,
    private readonly summaries: typeof summaryRepository,
    private readonly questions: typeof questionsRepository,
    private readonly sessions: Pick<typeof feedbackRepository, 'session'>,
  ) {}

  /** One session's answers, named after the workshop and the session's local date. */
  async sessionCsv(actor: Actor, sessionId: string): Promise<CsvFile> {
    const db = this.tx.executor;
    await this.access.session(db, actor, 'session.roster', sessionId, SUMMARY_REFUSAL);
    const session = (await this.sessions.session(db, sessionId)) as EndedSession;
    const day = DateTime.fromISO(session.starts_at, { zone: session.time_zone }).toISODate() ?? session.starts_at.slice(0, 10);
    const body = await this.csv(db, session.workshop_id, (id) => id === sessionId);
    return { filename: csvFilename('feedback', session.title, day), body };
  }

  /** Every run of the workshop, oldest first. */
  async workshopCsv(actor: Actor, workshopId: string): Promise<CsvFile> {
    const db = this.tx.executor;
    await this.access.workshop(db, actor, 'workshop.edit', workshopId, SUMMARY_REFUSAL);
    const workshop = await this.summaries.workshop(db, workshopId);
    const body = await this.csv(db, workshopId, () => true);
    return { filename: csvFilename('feedback', workshop?.title ?? workshopId), body };
  }

  private async csv(db: Executor, workshopId: string, inScope: (sessionId: string) => boolean): Promise<string> {
    const [runs, questions] = await Promise.all([this.summaries.runs(db, workshopId), this.questions.list(db, workshopId)]);
    const counted = runs.filter((run) => inScope(run.session_id) && shown(run.responses)).map((run) => run.session_id);
    const rows = counted.length > 0 ? await this.summaries.exportRows(db, counted) : [];
    return toCsv(
      [...COLUMNS, ...questions.map((q) => q.prompt)],
      rows.map((row) => toCells(row, questions)),
    );
  }
}

function toCells(row: ExportRow, questions: QuestionRow[]): CsvCell[] {
  const answers = JSON.parse(row.answers) as Record<string, unknown>;
  return [
    row.starts_at,
    row.rating,
    row.usefulness,
    row.will_apply === null ? null : row.will_apply === 1 ? 'yes' : 'no',
    row.apply_how,
    row.nps,
    row.worked,
    row.improve,
    ...questions.map((q) => {
      const value = answers[q.id];
      // Only an answer of the question's kind (a question may have changed kind and kept its id).
      if (q.kind === 'rating') return typeof value === 'number' ? value : null;
      return typeof value === 'string' ? value : null;
    }),
  ];
}
