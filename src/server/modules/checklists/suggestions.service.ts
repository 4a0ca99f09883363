import type { z } from 'zod';
import { type ChecklistPhase, type ChecklistSuggestion, checklistPhases, type createSuggestionBody } from '../../../contracts/index.js';
import type { AccessChecker } from '../../platform/access/index.js';
import type { Actor } from '../../platform/actor.js';
import { invalidField, invalidState, notFound } from '../../platform/errors.js';
import { newId, nowIso } from '../../platform/ids.js';
import { decodeCursor, toPage } from '../../platform/pagination.js';
import type { Executor, Transactor } from '../../platform/transaction.js';
import { can } from './checklists.policy.js';
import { presentSuggestion } from './checklists.presenter.js';
import type { checklistsRepository, ItemRow } from './checklists.repository.js';
import type { SuggestionRow, suggestionsRepository } from './suggestions.repository.js';
import { newItemKey, type TemplatesService } from './templates.service.js';

type CreateInput = z.output<typeof createSuggestionBody>;

/** Anyone suggests a change to a template's items; the education team accepts it into the next draft or declines with a reply. */
export class SuggestionsService {
  constructor(
    private readonly tx: Transactor,
    private readonly suggestions: typeof suggestionsRepository,
    private readonly checklists: typeof checklistsRepository,
    private readonly templates: TemplatesService,
    private readonly access: AccessChecker,
  ) {}

  async create(actor: Actor, input: CreateInput): Promise<ChecklistSuggestion> {
    const id = newId();
    await this.tx.transaction(async (trx) => {
      const template = await this.templates.visibleTemplate(trx, actor, input.templateId);
      let item: ItemRow | undefined;
      if (input.itemId) {
        const versions = await this.checklists.versions(trx, template.id);
        for (const version of versions.filter((v) => v.status !== 'draft')) {
          item ??= (await this.checklists.items(trx, version.id)).find((i) => i.id === input.itemId);
        }
        if (!item) throw invalidField('itemId', 'That item is not part of this template.');
      }
      await this.suggestions.insert(trx, {
        id,
        template_id: template.id,
        item_key: item?.key ?? null,
        item_text: item?.text ?? null,
        kind: input.kind,
        text: input.kind === 'remove' ? '' : input.text,
        reason: input.reason,
        phase: input.kind === 'add' ? (input.phase ?? item?.phase ?? 'design') : null,
        timing: input.kind === 'add' ? (input.when ?? item?.timing ?? 'before') : null,
        status: 'open',
        reply: null,
        applied_version: null,
        author_id: actor.id,
        created_at: nowIso(),
        decided_by: null,
        decided_at: null,
      });
    });
    return presentSuggestion((await this.suggestions.findById(this.tx.executor, id)) as SuggestionRow);
  }

  /** Admins see every suggestion; everyone else their own, with the outcome. */
  async list(actor: Actor, query: { status?: string; templateId?: string; mine?: boolean; cursor?: string; limit: number }) {
    const rows = await this.suggestions.list(this.tx.executor, {
      authorId: can(actor, 'decide-suggestion') && !query.mine ? undefined : actor.id,
      status: query.status,
      templateId: query.templateId,
      after: decodeCursor(query.cursor, ['time', 'text']) as [string, string] | undefined,
      limit: query.limit + 1,
    });
    const page = toPage(rows, query.limit, (r) => [r.created_at, r.id]);
    return { items: page.items.map(presentSuggestion), nextCursor: page.nextCursor };
  }

  private async openOne(trx: Executor, actor: Actor, id: string): Promise<SuggestionRow> {
    const row = await this.suggestions.findById(trx, id);
    if (!row || !can(actor, 'view-suggestion', { authorId: row.author_id })) throw notFound('Suggestion');
    this.access.admin(actor, 'Only the education team (admins) decides on suggestions.');
    if (row.status !== 'open') throw invalidState(`This suggestion was already ${row.status}.`);
    return row;
  }

  /** Accepting applies the change to the template's open draft (opening one if needed). */
  async accept(actor: Actor, id: string, reply: string | undefined): Promise<ChecklistSuggestion> {
    await this.tx.transaction(async (trx) => {
      const suggestion = await this.openOne(trx, actor, id);
      const template = await this.templates.visibleTemplate(trx, actor, suggestion.template_id);
      const draft = await this.templates.draftOf(trx, template);
      const items = await this.checklists.items(trx, draft.versionId);
      await this.checklists.replaceItems(
        trx,
        draft.versionId,
        this.applied(items, suggestion, draft.versionId).map((item, position) => ({ ...item, position })),
      );
      const now = nowIso();
      await this.suggestions.update(trx, id, {
        status: 'accepted',
        reply: reply || null,
        applied_version: draft.version,
        decided_by: actor.id,
        decided_at: now,
      });
      await this.checklists.updateTemplate(trx, template.id, { updated_at: now });
    });
    return presentSuggestion((await this.suggestions.findById(this.tx.executor, id)) as SuggestionRow);
  }

  /** The draft's items with the suggestion applied. */
  private applied(items: ItemRow[], s: SuggestionRow, versionId: string): ItemRow[] {
    if (s.kind === 'add') {
      const phase = s.phase as ChecklistPhase;
      const order = checklistPhases.indexOf(phase);
      // After the last item of the same or an earlier phase: the list stays in ADDIE order.
      let at = 0;
      items.forEach((item, i) => {
        if (checklistPhases.indexOf(item.phase) <= order) at = i + 1;
      });
      const added: ItemRow = {
        id: newId(),
        version_id: versionId,
        key: newItemKey(),
        position: at,
        phase,
        timing: s.timing ?? 'before',
        text: s.text,
        guidance: '',
        offset_days: null,
        links: '[]',
      };
      return [...items.slice(0, at), added, ...items.slice(at)];
    }
    const index = items.findIndex((i) => i.key === s.item_key);
    if (index < 0) throw invalidState('That item is no longer in the draft; edit the draft directly or decline with a reply.');
    if (s.kind === 'remove') return items.filter((_, i) => i !== index);
    return items.map((item, i) => (i === index ? { ...item, text: s.text } : item));
  }

  async decline(actor: Actor, id: string, reply: string): Promise<ChecklistSuggestion> {
    await this.tx.transaction(async (trx) => {
      await this.openOne(trx, actor, id);
      await this.suggestions.update(trx, id, { status: 'declined', reply, decided_by: actor.id, decided_at: nowIso() });
    });
    return presentSuggestion((await this.suggestions.findById(this.tx.executor, id)) as SuggestionRow);
  }
}
