/** Query keys for everything checklist-shaped; all start with 'checklists' so one prefix refreshes them. */
export type TemplateFilters = { workshopId?: string; includeRetired?: boolean };
export type SuggestionFilters = { status?: 'open' | 'accepted' | 'declined'; templateId?: string; mine?: boolean };

export const checklistKeys = {
  all: ['checklists'] as const,
  run: (workshopId: string) => ['checklists', 'run', workshopId] as const,
  templates: (f: TemplateFilters) => ['checklists', 'templates', f] as const,
  template: (id: string, version?: number) => ['checklists', 'template', id, version ?? 'current'] as const,
  templateAll: (id: string) => ['checklists', 'template', id] as const,
  suggestions: (f: SuggestionFilters) => ['checklists', 'suggestions', f] as const,
  adoption: ['checklists', 'adoption'] as const,
};
