/**
 * The query keys of this feature: all start with 'checklists' so one prefix refreshes them;
 * other features invalidate through these, never by spelling the key.
 */
export type TemplateFilters = { workshopId?: string; includeRetired?: boolean };
export type SuggestionFilters = { status?: 'open' | 'accepted' | 'declined'; templateId?: string; mine?: boolean };

export const checklistKeys = {
  all: ['checklists'] as const,
  runs: ['checklists', 'run'] as const,
  run: (workshopId: string) => ['checklists', 'run', workshopId] as const,
  /** Answers on their way for one workshop's checklist (a mutation key). */
  answers: (workshopId: string) => ['checklists', 'answer', workshopId] as const,
  templateLists: ['checklists', 'templates'] as const,
  templates: (f: TemplateFilters) => ['checklists', 'templates', f] as const,
  template: (id: string, version?: number) => ['checklists', 'template', id, version ?? 'current'] as const,
  templateAll: (id: string) => ['checklists', 'template', id] as const,
  suggestionLists: ['checklists', 'suggestions'] as const,
  suggestions: (f: SuggestionFilters) => ['checklists', 'suggestions', f] as const,
  adoption: ['checklists', 'adoption'] as const,
};
