import type { Insertable, Selectable, Updateable } from 'kysely';
import type { WorkshopFormat } from '../../../contracts/index.js';
import type {
  ChecklistAnswersTable,
  ChecklistItemsTable,
  ChecklistRunsTable,
  ChecklistTemplatesTable,
  ChecklistVersionsTable,
} from '../../db/schema.js';
import type { Executor } from '../../platform/transaction.js';

export type TemplateRow = Selectable<ChecklistTemplatesTable>;
export type VersionRow = Selectable<ChecklistVersionsTable>;
export type ItemRow = Selectable<ChecklistItemsTable>;
export type RunRow = Selectable<ChecklistRunsTable>;
export type AnswerRow = Selectable<ChecklistAnswersTable>;

/** Templates, their versions and items, and workshops' runs with their answers. */
export const checklistsRepository = {
  findTemplate(db: Executor, id: string): Promise<TemplateRow | undefined> {
    return db.selectFrom('checklist_templates').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** By name, then id: keyset-paged. */
  listTemplates(db: Executor, f: { includeRetired: boolean; publishedOnly: boolean; after?: [string, string]; limit: number }) {
    let query = db.selectFrom('checklist_templates').selectAll().orderBy('name').orderBy('id').limit(f.limit);
    if (!f.includeRetired) query = query.where('status', '=', 'active');
    if (f.publishedOnly) query = query.where('current_version', 'is not', null);
    if (f.after) {
      const [name, id] = f.after;
      query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
    }
    return query.execute();
  },

  insertTemplate(db: Executor, row: Insertable<ChecklistTemplatesTable>) {
    return db.insertInto('checklist_templates').values(row).execute();
  },

  updateTemplate(db: Executor, id: string, changes: Updateable<ChecklistTemplatesTable>) {
    return db.updateTable('checklist_templates').set(changes).where('id', '=', id).execute();
  },

  versions(db: Executor, templateId: string): Promise<VersionRow[]> {
    return db.selectFrom('checklist_versions').selectAll().where('template_id', '=', templateId).orderBy('version').execute();
  },

  findVersion(db: Executor, templateId: string, version: number): Promise<VersionRow | undefined> {
    return db
      .selectFrom('checklist_versions')
      .selectAll()
      .where('template_id', '=', templateId)
      .where('version', '=', version)
      .executeTakeFirst();
  },

  findVersionById(db: Executor, id: string): Promise<VersionRow | undefined> {
    return db.selectFrom('checklist_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findDraft(db: Executor, templateId: string): Promise<VersionRow | undefined> {
    return db
      .selectFrom('checklist_versions')
      .selectAll()
      .where('template_id', '=', templateId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
  },

  async latestVersionNumber(db: Executor, templateId: string): Promise<number> {
    const row = await db
      .selectFrom('checklist_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('template_id', '=', templateId)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  },

  insertVersion(db: Executor, row: Insertable<ChecklistVersionsTable>) {
    return db.insertInto('checklist_versions').values(row).execute();
  },

  updateVersion(db: Executor, id: string, changes: Updateable<ChecklistVersionsTable>) {
    return db.updateTable('checklist_versions').set(changes).where('id', '=', id).execute();
  },

  /** The published version of a template becomes superseded when another is published. */
  supersede(db: Executor, templateId: string) {
    return db
      .updateTable('checklist_versions')
      .set({ status: 'superseded' })
      .where('template_id', '=', templateId)
      .where('status', '=', 'published')
      .execute();
  },

  items(db: Executor, versionId: string): Promise<ItemRow[]> {
    return db.selectFrom('checklist_items').selectAll().where('version_id', '=', versionId).orderBy('position').execute();
  },

  async itemCounts(db: Executor, versionIds: string[]): Promise<Map<string, number>> {
    if (versionIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('checklist_items')
      .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('version_id', 'in', versionIds)
      .groupBy('version_id')
      .execute();
    return new Map(rows.map((r) => [r.version_id, Number(r.n)]));
  },

  async replaceItems(db: Executor, versionId: string, rows: Insertable<ChecklistItemsTable>[]) {
    await db.deleteFrom('checklist_items').where('version_id', '=', versionId).execute();
    if (rows.length > 0) await db.insertInto('checklist_items').values(rows).execute();
  },

  /** Every version of every template, for the adoption view. */
  allVersions(db: Executor) {
    return db
      .selectFrom('checklist_versions as v')
      .innerJoin('checklist_templates as t', 't.id', 'v.template_id')
      .select(['v.id', 'v.template_id', 'v.version', 't.name as template_name'])
      .orderBy('t.name')
      .orderBy('v.version')
      .execute();
  },

  findRun(db: Executor, workshopId: string): Promise<RunRow | undefined> {
    return db.selectFrom('checklist_runs').selectAll().where('workshop_id', '=', workshopId).executeTakeFirst();
  },

  runsFor(db: Executor, workshopIds: string[]): Promise<RunRow[]> {
    if (workshopIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('checklist_runs').selectAll().where('workshop_id', 'in', workshopIds).execute();
  },

  allRuns(db: Executor): Promise<RunRow[]> {
    return db.selectFrom('checklist_runs').selectAll().execute();
  },

  insertRun(db: Executor, row: Insertable<ChecklistRunsTable>) {
    return db.insertInto('checklist_runs').values(row).execute();
  },

  updateRun(db: Executor, id: string, changes: Updateable<ChecklistRunsTable>) {
    return db.updateTable('checklist_runs').set(changes).where('id', '=', id).execute();
  },

  deleteRun(db: Executor, id: string) {
    return db.deleteFrom('checklist_runs').where('id', '=', id).execute();
  },

  answers(db: Executor, runIds: string[]): Promise<AnswerRow[]> {
    if (runIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('checklist_answers').selectAll().where('run_id', 'in', runIds).execute();
  },

  /** Sets (or, with neither an answer nor a note, clears) one item's answer. */
  async saveAnswer(db: Executor, row: AnswerRow) {
    await db.deleteFrom('checklist_answers').where('run_id', '=', row.run_id).where('item_key', '=', row.item_key).execute();
    if (row.answer !== null || row.note !== null) await db.insertInto('checklist_answers').values(row).execute();
  },

  async replaceReminders(db: Executor, runId: string, due: { item_key: string; due_at: string }[]) {
    await db.deleteFrom('checklist_reminders').where('run_id', '=', runId).execute();
    if (due.length > 0) {
      await db
        .insertInto('checklist_reminders')
        .values(due.map((d) => ({ run_id: runId, ...d })))
        .execute();
    }
  },

  reminders(db: Executor, runId: string) {
    return db.selectFrom('checklist_reminders').selectAll().where('run_id', '=', runId).orderBy('due_at').execute();
  },

  /**
   * Checklist items due by `now` for hosts who opted in, with the item text (the reminder sweep
   * of the notifications module reads them, a batch at a time).
   */
  dueReminders(db: Executor, now: string, limit: number) {
    return db
      .selectFrom('checklist_reminders as cr')
      .innerJoin('checklist_runs as run', 'run.id', 'cr.run_id')
      .innerJoin('checklist_items as i', (join) => join.onRef('i.version_id', '=', 'run.version_id').onRef('i.key', '=', 'cr.item_key'))
      .select(['cr.run_id', 'cr.item_key', 'run.workshop_id', 'i.text'])
      .where('cr.due_at', '<=', now)
      .where('run.reminders', '=', 1)
      .orderBy('cr.due_at')
      .limit(limit)
      .execute();
  },

  /** One item's reminder was sent (or has nobody to go to): it is not due again. */
  async clearReminder(db: Executor, runId: string, itemKey: string) {
    await db.deleteFrom('checklist_reminders').where('run_id', '=', runId).where('item_key', '=', itemKey).execute();
  },

  /** The first upcoming session's start per workshop: what item timings count from. */
  async nextSessionStarts(db: Executor, workshopIds: string[], now: string): Promise<Map<string, string>> {
    if (workshopIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('sessions')
      .select(['workshop_id', (eb) => eb.fn.min('starts_at').as('starts_at')])
      .where('workshop_id', 'in', workshopIds)
      .where('status', '=', 'scheduled')
      .where('starts_at', '>', now)
      .groupBy('workshop_id')
      .execute();
    return new Map(rows.map((r) => [r.workshop_id, String(r.starts_at)]));
  },

  /** A workshop's format: which templates fit it (the caller has checked it may see the workshop). */
  async workshopFormat(db: Executor, workshopId: string): Promise<WorkshopFormat | undefined> {
    const row = await db.selectFrom('workshops').select('format').where('id', '=', workshopId).executeTakeFirst();
    return row?.format;
  },

  countWorkshops(db: Executor) {
    return db
      .selectFrom('workshops')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  },
};
