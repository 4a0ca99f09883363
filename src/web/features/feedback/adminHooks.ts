import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type FeedbackSettings, feedbackApi, type feedbackSettingsBody } from '../../../contracts/index.js';
import { call } from '../../api/client';

/** The query keys of the education team's feedback page (under the same 'feedback' prefix as the rest). */
export const adminFeedbackKeys = {
  all: ['feedback', 'admin'] as const,
  queue: ['feedback', 'admin', 'queue'] as const,
  settings: ['feedback', 'admin', 'settings'] as const,
};

export function useFeedbackQueue() {
  return useQuery({
    queryKey: adminFeedbackKeys.queue,
    queryFn: ({ signal }) => call(feedbackApi.queue, {}, { signal }),
  });
}

export function useFeedbackSettings() {
  return useQuery({
    queryKey: adminFeedbackKeys.settings,
    queryFn: ({ signal }) => call(feedbackApi.settings, {}, { signal }),
  });
}

export type FeedbackSettingsBody = z.input<typeof feedbackSettingsBody>;

export function useUpdateFeedbackSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackSettingsBody) => call(feedbackApi.updateSettings, { body }),
    onSuccess: (saved: FeedbackSettings) => qc.setQueryData(adminFeedbackKeys.settings, saved),
  });
}
