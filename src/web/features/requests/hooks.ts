import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type CallInput, type ResultOf, requestsApi, type WorkshopRequest } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { notifyError } from '../../lib/forms';

export type RequestStatus = WorkshopRequest['status'];

/** The query keys of this feature: other features refresh them through these, never by spelling the key. */
export const requestKeys = {
  all: ['requests'] as const,
  list: (status: RequestStatus | null) => ['requests', 'list', status ?? 'any'] as const,
};

export function useRequests(status: RequestStatus | null) {
  return useInfiniteQuery({
    queryKey: requestKeys.list(status),
    queryFn: ({ pageParam, signal }) =>
      call(requestsApi.list, { query: { status: status ?? undefined, limit: 20, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

type Lists = InfiniteData<ResultOf<typeof requestsApi.list>>;

/** Writes one request into every cached list, so a vote or claim shows everywhere at once. */
function writeRequest(qc: QueryClient, id: string, patch: (r: WorkshopRequest) => WorkshopRequest) {
  qc.setQueriesData<Lists>({ queryKey: requestKeys.all }, (d) =>
    d ? { ...d, pages: d.pages.map((p) => ({ ...p, items: p.items.map((r) => (r.id === id ? patch(r) : r)) })) } : d,
  );
}

export function useCreateRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallInput<typeof requestsApi.create>['body']) => call(requestsApi.create, { body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: requestKeys.all }),
  });
}

/** Upvote or take the vote back: the count changes at once, and back with a message on failure. */
export function useVote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, vote }: { id: string; vote: boolean }) =>
      call(vote ? requestsApi.vote : requestsApi.withdrawVote, { params: { id } }),
    onMutate: async ({ id, vote }) => {
      await qc.cancelQueries({ queryKey: requestKeys.all });
      const snapshot = qc.getQueriesData<Lists>({ queryKey: requestKeys.all });
      writeRequest(qc, id, (r) => ({ ...r, voted: vote, votes: Math.max(0, r.votes + (vote ? 1 : -1)) }));
      return { snapshot };
    },
    onError: (err, { vote }, ctx) => {
      for (const [key, data] of ctx?.snapshot ?? []) qc.setQueryData(key, data);
      notifyError(err, vote ? 'Could not add your vote' : 'Could not take your vote back');
    },
    // Not re-sorted here on purpose: the row stays under the pointer; the order refreshes on the next visit.
    onSuccess: (req) => writeRequest(qc, req.id, () => req),
  });
}

export function useClaimRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(requestsApi.claim, { params: { id } }),
    onSuccess: (req) => {
      writeRequest(qc, req.id, () => req);
      void qc.invalidateQueries({ queryKey: requestKeys.all });
    },
  });
}

export function useAnswerRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, workshopId }: { id: string; workshopId: string }) =>
      call(requestsApi.answer, { params: { id }, body: { workshopId } }),
    onSuccess: (req) => {
      writeRequest(qc, req.id, () => req);
      void qc.invalidateQueries({ queryKey: requestKeys.all });
    },
  });
}
