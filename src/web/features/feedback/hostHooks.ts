import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type FeedbackQuestion, feedbackApi, type feedbackQuestionsBody } from '../../../contracts/index.js';
import { call } from '../../api/client';

/**
 * The query keys of what hosts (and admins) read about a workshop's feedback. All start with
 * 'feedback' so one prefix refreshes every feedback view; other features go through these keys.
 */
export const hostFeedbackKeys = {
  all: ['feedback', 'host'] as const,
  workshop: (workshopId: string) => ['feedback', 'host', workshopId] as const,
  summary: (workshopId: string, sessionId?: string) => ['feedback', 'host', workshopId, 'summary', sessionId ?? 'all'] as const,
  questions: (workshopId: string) => ['feedback', 'host', workshopId, 'questions'] as const,
};

/** The summary of the whole workshop, or of one session when `sessionId` is given. */
export function useFeedbackSummary(workshopId: string, sessionId?: string, enabled = true) {
  return useQuery({
    queryKey: hostFeedbackKeys.summary(workshopId, sessionId),
    queryFn: ({ signal }) => call(feedbackApi.summary, { params: { id: workshopId }, query: { sessionId } }, { signal }),
    // Switching sessions keeps the last figures on screen until the next ones arrive.
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFeedbackQuestions(workshopId: string) {
  return useQuery({
    queryKey: hostFeedbackKeys.questions(workshopId),
    queryFn: ({ signal }) => call(feedbackApi.questions, { params: { id: workshopId } }, { signal }),
  });
}

export type QuestionsBody = z.input<typeof feedbackQuestionsBody>;

/** Replaces the workshop's own questions; the summary lists them too, so it is refreshed. */
export function useSetFeedbackQuestions(workshopId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QuestionsBody) => call(feedbackApi.setQuestions, { params: { id: workshopId }, body }),
    onSuccess: (saved: { items: FeedbackQuestion[] }) => {
      qc.setQueryData(hostFeedbackKeys.questions(workshopId), saved);
      void qc.invalidateQueries({ queryKey: hostFeedbackKeys.workshop(workshopId) });
    },
  });
}
