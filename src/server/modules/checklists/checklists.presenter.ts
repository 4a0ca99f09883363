import type { ChecklistItem, ChecklistSuggestion, ChecklistTemplateSummary, WorkshopFormat } from '../../../contracts/index.js';
import type { ItemRow, TemplateRow } from './checklists.repository.js';
import type { SuggestionRow } from './suggestions.repository.js';

export function presentItem(row: ItemRow): ChecklistItem {
  return {
    id: row.id,
    key: row.key,
    phase: row.phase,
    when: row.timing,
    text: row.text,
    guidance: row.guidance,
    offsetDays: row.offset_days,
    links: JSON.parse(row.links) as { title: string; url: string }[],
  };
}

export function presentTemplateSummary(
  row: TemplateRow,
  extras: { draftVersion: number | null; itemCount: number; suggested: boolean },
): ChecklistTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    formats: JSON.parse(row.formats) as WorkshopFormat[],
    status: row.status,
    currentVersion: row.current_version,
    draftVersion: extras.draftVersion,
    itemCount: extras.itemCount,
    suggested: extras.suggested,
    updatedAt: row.updated_at,
  };
}

export function presentSuggestion(row: SuggestionRow): ChecklistSuggestion {
  return {
    id: row.id,
    templateId: row.template_id,
    templateName: row.template_name,
    itemKey: row.item_key,
    itemText: row.item_text,
    kind: row.kind,
    text: row.text,
    reason: row.reason,
    phase: row.phase,
    when: row.timing,
    status: row.status,
    reply: row.reply,
    appliedToVersion: row.applied_version,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}
