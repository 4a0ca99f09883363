import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Adoption, ChecklistSuggestion, CreateSuggestionBody } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';
import { checklistKeys, type SuggestionFilters } from './keys';

/** Suggestions: admins get everyone's unless they ask for their own (`mine`); everybody else only their own. */
export function useSuggestions(filters: SuggestionFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: checklistKeys.suggestions(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ChecklistSuggestion>>(
        '/checklist-suggestions',
        { status: filters.status, templateId: filters.templateId, mine: filters.mine ? 'true' : undefined, limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useCreateSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSuggestionBody) => api.post<ChecklistSuggestion>('/checklist-suggestions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['checklists', 'suggestions'] }),
  });
}

export type Decision = { id: string; accept: boolean; reply: string };

/** Accepting puts the change into the template's next draft, so the template is refreshed too. */
export function useDecideSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept, reply }: Decision) =>
      api.post<ChecklistSuggestion>(
        `/checklist-suggestions/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`,
        reply.trim() ? { reply: reply.trim() } : {},
      ),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ['checklists', 'suggestions'] });
      void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(s.templateId) });
      void qc.invalidateQueries({ queryKey: ['checklists', 'templates'] });
    },
  });
}

export function useAdoption() {
  return useQuery({
    queryKey: checklistKeys.adoption,
    queryFn: ({ signal }) => api.get<Adoption>('/checklist-adoption', undefined, signal),
  });
}
