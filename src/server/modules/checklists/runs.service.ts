import type { z } from 'zod';
import type { answerBody, ChecklistAnswer, ChecklistRun, updateRunBody } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { forbidden, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { can } from './checklists.policy.js';
import { presentItem } from './checklists.presenter.js';
import type { checklistsRepository, RunRow, TemplateRow } from './checklists.repository.js';
import { dueAt, progressOf } from './progress.js';
import type { TemplatesService } from './templates.service.js';

type UpdateInput = z.output<typeof updateRunBody>;
type AnswerInput = z.output<typeof answerBody>;

const HOSTS_ONLY = "Only the workshop's hosts can work on its checklist.";

/**
 * A workshop's checklist: its hosts answer it, nothing else ever reads it to decide anything.
 * Publishing, scheduling and registration never look here — that is the point.
 */
export class RunsService {
  constructor(
    private readonly tx: Transactor,
    private readonly checklists: typeof checklistsRepository,
    private readonly templates: TemplatesService,
    private readonly access: AccessChecker,
    /** The workshop pages this instance keeps (they show the checklist's name and progress): told after each commit. */
    private readonly pages: { changed(workshopIds: readonly string[]): void } = { changed: () => undefined },
  ) {}

  /** A change of the workshop's checklist in one transaction; then its page, kept per instance, is read again. */
  private async changing(workshopId: string, change: (trx: Executor) => Promise<void>): Promise<void> {
    await this.tx.transaction(change);
    this.pages.changed([workshopId]);
  }

  /** 404 unless the actor sees the workshop (404 Workshop) and may see its checklist (hosts, admins; 404 Checklist). */
  private async viewer(db: Executor, actor: Actor, workshopId: string) {
    const facts = await this.access.workshop(db, actor, 'workshop.view', workshopId);
    if (!can(actor, 'view-run', facts)) throw notFound('Checklist');
    return { canAnswer: this.access.allows(actor, 'workshop.host', facts) };
  }

  /** Only the workshop's hosts answer its checklist; admins who may look are refused (403). */
  private async forHost(db: Executor, actor: Actor, workshopId: string): Promise<void> {
    const { canAnswer } = await this.viewer(db, actor, workshopId);
    if (!canAnswer) throw forbidden(HOSTS_ONLY);
  }

  private async runOf(db: Executor, workshopId: string): Promise<RunRow> {
    const run = await this.checklists.findRun(db, workshopId);
    if (!run) throw notFound('Checklist');
    return run;
  }

  async get(actor: Actor, workshopId: string): Promise<ChecklistRun> {
    const db = this.tx.executor;
    const { canAnswer } = await this.viewer(db, actor, workshopId);
    return this.present(db, await this.runOf(db, workshopId), canAnswer);
  }

  /** Starts a checklist, or switches it to another template (answers follow items with the same key). */
  async start(actor: Actor, workshopId: string, templateId: string): Promise<{ created: boolean; run: ChecklistRun }> {
    let created = false;
    await this.changing(workshopId, async (trx) => {
      await this.forHost(trx, actor, workshopId);
      const existing = await this.checklists.findRun(trx, workshopId);
      if (existing?.template_id === templateId) return;
      const template = await this.templates.visibleTemplate(trx, actor, templateId);
      if (template.status === 'retired') throw invalidState('This template is retired; choose another.');
      const versionId = await this.currentVersionId(trx, template);
      const now = nowIso();
      if (existing) {
        await this.checklists.updateRun(trx, existing.id, { template_id: templateId, version_id: versionId, updated_at: now });
        await this.reschedule(trx, { ...existing, version_id: versionId });
        return;
      }
      created = true;
      await this.checklists.insertRun(trx, {
        id: newId(),
        workshop_id: workshopId,
        template_id: templateId,
        version_id: versionId,
        show_on_workshop: 0,
        reminders: 0,
        confidence_before: null,
        confidence_after: null,
        started_by: actor.id,
        created_at: now,
        updated_at: now,
      });
    });
    return { created, run: await this.get(actor, workshopId) };
  }

  private async currentVersionId(db: Executor, template: TemplateRow): Promise<string> {
    const version =
      template.current_version === null ? undefined : await this.checklists.findVersion(db, template.id, template.current_version);
    if (!version) throw invalidState('This template has no published version yet.');
    return version.id;
  }

  /** Moves the run to the template's current version; answers carry over item by item, by key. */
  async upgrade(actor: Actor, workshopId: string): Promise<ChecklistRun> {
    await this.changing(workshopId, async (trx) => {
      await this.forHost(trx, actor, workshopId);
      const run = await this.runOf(trx, workshopId);
      const template = (await this.checklists.findTemplate(trx, run.template_id)) as TemplateRow;
      const versionId = await this.currentVersionId(trx, template);
      if (versionId === run.version_id) return;
      await this.checklists.updateRun(trx, run.id, { version_id: versionId, updated_at: nowIso() });
      await this.reschedule(trx, { ...run, version_id: versionId });
    });
    return this.get(actor, workshopId);
  }

  async update(actor: Actor, workshopId: string, input: UpdateInput): Promise<ChecklistRun> {
    await this.changing(workshopId, async (trx) => {
      await this.forHost(trx, actor, workshopId);
      const run = await this.runOf(trx, workshopId);
      const changes = {
        ...(input.showOnWorkshop !== undefined && { show_on_workshop: input.showOnWorkshop ? 1 : 0 }),
        ...(input.reminders !== undefined && { reminders: input.reminders ? 1 : 0 }),
        ...(input.confidenceBefore !== undefined && { confidence_before: input.confidenceBefore }),
        ...(input.confidenceAfter !== undefined && { confidence_after: input.confidenceAfter }),
      };
      await this.checklists.updateRun(trx, run.id, { ...changes, updated_at: nowIso() });
      await this.reschedule(trx, { ...run, ...changes });
    });
    return this.get(actor, workshopId);
  }

  /** Stops using a checklist: the run and its answers go. */
  async remove(actor: Actor, workshopId: string): Promise<void> {
    await this.changing(workshopId, async (trx) => {
      await this.forHost(trx, actor, workshopId);
      await this.checklists.deleteRun(trx, (await this.runOf(trx, workshopId)).id);
    });
  }

  async answer(actor: Actor, workshopId: string, itemId: string, input: AnswerInput): Promise<ChecklistRun> {
    await this.changing(workshopId, async (trx) => {
      await this.forHost(trx, actor, workshopId);
      const run = await this.runOf(trx, workshopId);
      const item = (await this.checklists.items(trx, run.version_id)).find((i) => i.id === itemId);
      if (!item) throw notFound('Checklist item');
      const previous = (await this.checklists.answers(trx, [run.id])).find((a) => a.item_key === item.key);
      await this.checklists.saveAnswer(trx, {
        run_id: run.id,
        item_key: item.key,
        answer: input.answer,
        // Leaving out the note keeps the one written before.
        note: input.note === undefined ? (previous?.note ?? null) : input.note || null,
        answered_by: actor.id,
        answered_at: nowIso(),
      });
      await this.checklists.updateRun(trx, run.id, { updated_at: nowIso() });
      await this.reschedule(trx, run);
    });
    return this.get(actor, workshopId);
  }

  /**
   * Keeps the reminder schedule of opted-in hosts current: every open item with a suggested
   * time still ahead. Delivery belongs to notifications; this only says what is due when.
   */
  private async reschedule(trx: Executor, run: RunRow): Promise<void> {
    if (run.reminders !== 1) {
      await this.checklists.replaceReminders(trx, run.id, []);
      return;
    }
    const now = nowIso();
    const next = (await this.checklists.nextSessionStarts(trx, [run.workshop_id], now)).get(run.workshop_id) ?? null;
    const answered = new Set((await this.checklists.answers(trx, [run.id])).filter((a) => a.answer !== null).map((a) => a.item_key));
    const due = (await this.checklists.items(trx, run.version_id))
      .filter((item) => !answered.has(item.key))
      .map((item) => ({ item_key: item.key, due_at: dueAt(item.offset_days, next) }))
      .filter((d): d is { item_key: string; due_at: string } => d.due_at !== null && d.due_at > now);
    await this.checklists.replaceReminders(trx, run.id, due);
  }

  private async present(db: Executor, run: RunRow, canAnswer: boolean): Promise<ChecklistRun> {
    const [template, version, items, answers, next] = await Promise.all([
      this.checklists.findTemplate(db, run.template_id) as Promise<TemplateRow>,
      this.checklists.findVersionById(db, run.version_id),
      this.checklists.items(db, run.version_id),
      this.checklists.answers(db, [run.id]),
      this.checklists.nextSessionStarts(db, [run.workshop_id], nowIso()),
    ]);
    const nextSessionAt = next.get(run.workshop_id) ?? null;
    const byKey = new Map(answers.map((a) => [a.item_key, a]));
    const answerOf = new Map<string, ChecklistAnswer | null>(answers.map((a) => [a.item_key, a.answer]));
    const runVersion = version?.version ?? 0;
    return {
      workshopId: run.workshop_id,
      templateId: run.template_id,
      templateName: template.name,
      templateVersion: runVersion,
      latestVersion: template.current_version !== null && template.current_version > runVersion ? template.current_version : null,
      items: items.map((item) => ({
        ...presentItem(item),
        answer: byKey.get(item.key)?.answer ?? null,
        note: byKey.get(item.key)?.note ?? null,
        dueAt: dueAt(item.offset_days, nextSessionAt),
      })),
      progress: progressOf(items, answerOf),
      showOnWorkshop: run.show_on_workshop === 1,
      reminders: run.reminders === 1,
      confidenceBefore: run.confidence_before,
      confidenceAfter: run.confidence_after,
      nextSessionAt,
      canAnswer,
      startedAt: run.created_at,
      updatedAt: run.updated_at,
    };
  }
}
