import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SuggestWorkshopBody, teamApi } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';

/** The query keys of this feature: other features refresh them through these, never by spelling the key. */
export const teamKeys = {
  all: ['team'] as const,
  learning: ['team', 'learning'] as const,
  received: ['team', 'received'] as const,
};

/**
 * The manager's view of their reports. A 403 (nobody reports to you) is an answer, not an
 * error: the data is then `null`, which is also how the navigation knows to hide the link.
 */
export function useTeamLearning(enabled = true) {
  return useQuery({
    queryKey: teamKeys.learning,
    queryFn: async ({ signal }) => {
      try {
        return await call(teamApi.learning, {}, { signal });
      } catch (err) {
        if (isApiError(err) && err.status === 403) return null;
        throw err;
      }
    },
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

export function useReceivedSuggestions() {
  return useQuery({
    queryKey: teamKeys.received,
    queryFn: ({ signal }) => call(teamApi.received, {}, { signal }),
  });
}

export function useSuggestWorkshop() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SuggestWorkshopBody) => call(teamApi.suggest, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: teamKeys.learning }),
  });
}
