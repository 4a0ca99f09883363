import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreateSuggestionBody, checklistsApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { checklistKeys, type SuggestionFilters } from './keys';

/** Suggestions: admins get everyone's unless they ask for their own (`mine`); everybody else only their own. */
export function useSuggestions(filters: SuggestionFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: checklistKeys.suggestions(filters),
    queryFn: ({ pageParam, signal }) =>
      call(
        checklistsApi.listSuggestions,
        {
          query: {
            status: filters.status,
            templateId: filters.templateId,
            mine: filters.mine ? 'true' : undefined,
            limit: 50,
            cursor: pageParam,
          },
        },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useCreateSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSuggestionBody) => call(checklistsApi.createSuggestion, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: checklistKeys.suggestionLists }),
  });
}

export type Decision = { id: string; accept: boolean; reply: string };

/** Accepting puts the change into the template's next draft, so the template is refreshed too. */
export function useDecideSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept, reply }: Decision) =>
      accept
        ? call(checklistsApi.acceptSuggestion, { params: { id }, body: reply.trim() ? { reply: reply.trim() } : {} })
        : // A decline owes a reply: the form checks it first.
          call(checklistsApi.declineSuggestion, { params: { id }, body: { reply: reply.trim() } }),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: checklistKeys.suggestionLists });
      void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(s.templateId) });
      void qc.invalidateQueries({ queryKey: checklistKeys.templateLists });
    },
  });
}

export function useAdoption() {
  return useQuery({
    queryKey: checklistKeys.adoption,
    queryFn: ({ signal }) => call(checklistsApi.adoption, {}, { signal }),
  });
}
