import type { z } from 'zod';
import type {
  ChecklistTemplate,
  ChecklistTemplateSummary,
  createTemplateBody,
  draftItemsBody,
  updateTemplateBody,
  WorkshopFormat,
} from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { type AuditOrigin, recordAudit } from '../../platform/audit.js';
import { invalidField, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { can } from './checklists.policy.js';
import { presentItem, presentTemplateSummary } from './checklists.presenter.js';
import type { checklistsRepository, ItemRow, TemplateRow, VersionRow } from './checklists.repository.js';

type CreateInput = z.output<typeof createTemplateBody>;
type UpdateInput = z.output<typeof updateTemplateBody>;
type DraftItems = z.output<typeof draftItemsBody>['items'];

/** A new item's key: unique across templates, so answers never follow the wrong item. */
export const newItemKey = () => `item-${newId().replaceAll('-', '').slice(-12)}`;

/** Checklist templates and their versions: the education team's side of checklists. */
export class TemplatesService {
  constructor(
    private readonly tx: Transactor,
    private readonly checklists: typeof checklistsRepository,
    private readonly access: AccessChecker,
  ) {}

  private assertEditor(actor: Actor) {
    this.access.admin(actor, 'Only the education team (admins) can change checklist templates.');
  }

  /** A template the actor may see: admins see all, others only published, active ones. */
  async visibleTemplate(db: Executor, actor: Actor, id: string): Promise<TemplateRow> {
    const row = await this.checklists.findTemplate(db, id);
    const editor = can(actor, 'edit-templates');
    if (!row || (!editor && (row.current_version === null || row.status === 'retired'))) throw notFound('Checklist template');
    return row;
  }

  async list(actor: Actor, query: { workshopId?: string; includeRetired?: boolean; cursor?: string; limit: number }) {
    const db = this.tx.executor;
    const editor = can(actor, 'edit-templates');
    const format = query.workshopId ? await this.workshopFormat(db, actor, query.workshopId) : undefined;
    const rows = await this.checklists.listTemplates(db, {
      includeRetired: editor && query.includeRetired === true,
      publishedOnly: !editor,
      after: decodeCursor(query.cursor, ['text', 'text']) as [string, string] | undefined,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.name, r.id]);
    return { items: await this.summaries(db, page.items, editor, format), nextCursor: page.nextCursor };
  }

  /** The format of a workshop the actor may see (404 Workshop otherwise). */
  private async workshopFormat(db: Executor, actor: Actor, workshopId: string): Promise<WorkshopFormat | undefined> {
    await this.access.workshop(db, actor, 'workshop.view', workshopId);
    return this.checklists.workshopFormat(db, workshopId);
  }

  private async summaries(db: Executor, rows: TemplateRow[], editor: boolean, format?: WorkshopFormat) {
    const versions = await Promise.all(rows.map((r) => this.checklists.versions(db, r.id)));
    const current = versions.map((vs, i) => vs.find((v) => v.version === rows[i]?.current_version));
    const counts = await this.checklists.itemCounts(
      db,
      current.filter((v): v is VersionRow => v !== undefined).map((v) => v.id),
    );
    return rows.map(
      (row, i): ChecklistTemplateSummary =>
        presentTemplateSummary(row, {
          draftVersion: editor ? (versions[i]?.find((v) => v.status === 'draft')?.version ?? null) : null,
          itemCount: counts.get(current[i]?.id ?? '') ?? 0,
          suggested: format !== undefined && (JSON.parse(row.formats) as string[]).includes(format),
        }),
    );
  }

  /** The template with the items of its current version, or of `version` (drafts: admins only). */
  async get(actor: Actor, id: string, version?: number): Promise<ChecklistTemplate> {
    return this.present(this.tx.executor, actor, await this.visibleTemplate(this.tx.executor, actor, id), version);
  }

  private async present(db: Executor, actor: Actor, row: TemplateRow, version?: number): Promise<ChecklistTemplate> {
    const editor = can(actor, 'edit-templates');
    const versions = await this.checklists.versions(db, row.id);
    const wanted = version ?? row.current_version ?? (editor ? versions.at(-1)?.version : undefined);
    const shown = versions.find((v) => v.version === wanted);
    if (version !== undefined && (!shown || (shown.status === 'draft' && !editor))) throw notFound('Checklist version');
    const items: ItemRow[] = shown ? await this.checklists.items(db, shown.id) : [];
    const [summary] = await this.summaries(db, [row], editor);
    return {
      ...(summary as ChecklistTemplateSummary),
      version: shown?.version ?? null,
      versionStatus: shown?.status ?? null,
      items: items.map(presentItem),
      versions: versions
        .filter((v) => editor || v.status !== 'draft')
        .map((v) => ({ version: v.version, status: v.status, publishedAt: v.published_at })),
    };
  }

  /** A new template starts as an empty draft (version 1). */
  async create(actor: Actor, input: CreateInput): Promise<ChecklistTemplate> {
    this.assertEditor(actor);
    const id = newId();
    await this.tx.transaction(async (trx) => {
      const now = nowIso();
      await this.checklists.insertTemplate(trx, {
        id,
        name: input.name,
        description: input.description,
        formats: JSON.stringify(input.formats),
        status: 'active',
        current_version: null,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      });
      await this.checklists.insertVersion(trx, {
        id: newId(),
        template_id: id,
        version: 1,
        status: 'draft',
        created_at: now,
        published_at: null,
      });
    });
    return this.get(actor, id, 1);
  }

  async update(actor: Actor, id: string, input: UpdateInput): Promise<ChecklistTemplate> {
    this.assertEditor(actor);
    await this.tx.transaction(async (trx) => {
      await this.visibleTemplate(trx, actor, id);
      await this.checklists.updateTemplate(trx, id, {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.formats !== undefined && { formats: JSON.stringify(input.formats) }),
        updated_at: nowIso(),
      });
    });
    return this.get(actor, id);
  }

  /** Opens a draft copied from the current version, or returns the one already open. */
  async openDraft(actor: Actor, id: string): Promise<{ created: boolean; version: number }> {
    this.assertEditor(actor);
    return this.tx.transaction(async (trx) => {
      const template = await this.visibleTemplate(trx, actor, id);
      return this.draftOf(trx, template);
    });
  }

  /** The template's open draft, created from the current version when there is none. */
  async draftOf(trx: Executor, template: TemplateRow): Promise<{ created: boolean; version: number; versionId: string }> {
    const open = await this.checklists.findDraft(trx, template.id);
    if (open) return { created: false, version: open.version, versionId: open.id };
    const version = (await this.checklists.latestVersionNumber(trx, template.id)) + 1;
    const versionId = newId();
    await this.checklists.insertVersion(trx, {
      id: versionId,
      template_id: template.id,
      version,
      status: 'draft',
      created_at: nowIso(),
      published_at: null,
    });
    const current =
      template.current_version === null ? undefined : await this.checklists.findVersion(trx, template.id, template.current_version);
    const items = current ? await this.checklists.items(trx, current.id) : [];
    await this.checklists.replaceItems(
      trx,
      versionId,
      items.map((item) => ({ ...item, id: newId(), version_id: versionId })),
    );
    return { created: true, version, versionId };
  }

  private async draftVersion(trx: Executor, templateId: string, version: number): Promise<VersionRow> {
    const row = await this.checklists.findVersion(trx, templateId, version);
    if (!row) throw notFound('Checklist version');
    if (row.status !== 'draft') throw invalidState(`Version ${version} is published; open a new draft to change it.`);
    return row;
  }

  /** Replaces a draft's items with the given ordered list; keys keep answers attached across versions. */
  async saveDraftItems(actor: Actor, id: string, version: number, items: DraftItems): Promise<ChecklistTemplate> {
    this.assertEditor(actor);
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (item.key && seen.has(item.key)) throw invalidField(`items.${i}.key`, `The key "${item.key}" is used twice.`);
      if (item.key) seen.add(item.key);
    });
    await this.tx.transaction(async (trx) => {
      await this.visibleTemplate(trx, actor, id);
      const draft = await this.draftVersion(trx, id, version);
      await this.checklists.replaceItems(
        trx,
        draft.id,
        items.map((item, position) => ({
          id: newId(),
          version_id: draft.id,
          key: item.key ?? newItemKey(),
          position,
          phase: item.phase,
          timing: item.when,
          text: item.text,
          guidance: item.guidance,
          offset_days: item.offsetDays ?? null,
          links: JSON.stringify(item.links),
        })),
      );
      await this.checklists.updateTemplate(trx, id, { updated_at: nowIso() });
    });
    return this.get(actor, id, version);
  }

  /** The draft becomes the version new runs use; runs on older versions keep theirs. */
  async publish(actor: Actor, id: string, version: number, origin?: AuditOrigin): Promise<ChecklistTemplate> {
    this.assertEditor(actor);
    await this.tx.transaction(async (trx) => {
      const template = await this.visibleTemplate(trx, actor, id);
      const draft = await this.draftVersion(trx, id, version);
      if ((await this.checklists.items(trx, draft.id)).length === 0) throw invalidState('Add at least one item before publishing.');
      const now = nowIso();
      await this.checklists.supersede(trx, id);
      await this.checklists.updateVersion(trx, draft.id, { status: 'published', published_at: now });
      await this.checklists.updateTemplate(trx, id, { current_version: version, updated_at: now });
      await recordAudit(trx, {
        actor,
        action: 'checklist_template.published',
        target: { type: 'checklist_template', id },
        summary: `Published version ${version} of the checklist template "${template.name}"`,
        details: { version },
        origin,
      });
    });
    return this.get(actor, id);
  }

  /** Retired templates are no longer offered; workshops using them keep their checklist. */
  async setRetired(actor: Actor, id: string, retired: boolean): Promise<ChecklistTemplate> {
    this.assertEditor(actor);
    await this.tx.transaction(async (trx) => {
      await this.visibleTemplate(trx, actor, id);
      await this.checklists.updateTemplate(trx, id, { status: retired ? 'retired' : 'active', updated_at: nowIso() });
    });
    return this.get(actor, id);
  }
}
