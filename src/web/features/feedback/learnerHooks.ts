import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FeedbackBody, type FeedbackForm, type FeedbackRequestStatus, type FollowUp, feedbackApi } from '../../../contracts/index.js';
import { call, type Page } from '../../api/client';

/**
 * The query keys of the learner's side of feedback (the form, their requests, their follow-ups).
 * All start with 'feedback' like the hosts' keys, so one prefix refreshes every feedback view.
 */
export const learnerFeedbackKeys = {
  all: ['feedback', 'learner'] as const,
  form: (sessionId: string) => ['feedback', 'learner', 'form', sessionId] as const,
  requests: ['feedback', 'learner', 'requests'] as const,
  requestsWith: (status: FeedbackRequestStatus | 'all') => ['feedback', 'learner', 'requests', status] as const,
  followUps: ['feedback', 'learner', 'follow-ups'] as const,
};

export function useFeedbackForm(sessionId: string) {
  return useQuery({
    queryKey: learnerFeedbackKeys.form(sessionId),
    queryFn: ({ signal }) => call(feedbackApi.form, { params: { id: sessionId } }, { signal }),
    // 403 (no seat) and 409 (not over yet) are answers, not hiccups: asking again changes nothing.
    retry: false,
  });
}

/**
 * My feedback requests, newest first: `open` for Home's card, every status for My learning (one
 * page of 100 covers far more than the 14-day window).
 */
export function useMyFeedbackRequests(status?: 'open') {
  return useQuery({
    queryKey: learnerFeedbackKeys.requestsWith(status ?? 'all'),
    queryFn: ({ signal }) => call(feedbackApi.myRequests, { query: { status, limit: 100 } }, { signal }),
  });
}

/** Sends the answer (or `{ attended: false }`); the form shows the stored answer, and Home and My learning refresh. */
export function useAnswerFeedback(sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FeedbackBody) => call(feedbackApi.answer, { params: { id: sessionId }, body }),
    onSuccess: (answer) => {
      qc.setQueryData<FeedbackForm>(learnerFeedbackKeys.form(sessionId), (form) =>
        form ? { ...form, status: answer.status, closesAt: answer.closesAt, answer } : form,
      );
      void qc.invalidateQueries({ queryKey: learnerFeedbackKeys.requests });
      void qc.invalidateQueries({ queryKey: learnerFeedbackKeys.followUps });
    },
  });
}

export function useMyFollowUps() {
  return useQuery({
    queryKey: learnerFeedbackKeys.followUps,
    queryFn: ({ signal }) => call(feedbackApi.myFollowUps, { query: { limit: 100 } }, { signal }),
  });
}

/** "Have you applied it?": the answer replaces the follow-up in the list as soon as the server keeps it. */
export function useAnswerFollowUp(followUpId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { applied: NonNullable<FollowUp['applied']>; example?: string }) =>
      call(feedbackApi.answerFollowUp, { params: { id: followUpId }, body }),
    onSuccess: (saved) => {
      qc.setQueryData<Page<FollowUp>>(learnerFeedbackKeys.followUps, (list) =>
        list ? { ...list, items: list.items.map((f) => (f.id === saved.id ? saved : f)) } : list,
      );
    },
  });
}
