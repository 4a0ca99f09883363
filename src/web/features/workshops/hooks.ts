import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type CreateWorkshopBody, type UpdateWorkshopBody, type Workshop, workshopsApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { catalogKeys, searchKeys } from '../search/hooks';
import { tagKeys } from '../tags/hooks';

export type WorkshopFilters = { q?: string; tag?: string; hostId?: string; status?: 'draft' | 'published' };

/** The query keys of this feature: other features invalidate through these, never by spelling the key. */
export const workshopKeys = {
  all: ['workshops'] as const,
  lists: ['workshops', 'list'] as const,
  list: (f: WorkshopFilters) => ['workshops', 'list', f] as const,
  one: (id: string) => ['workshops', 'one', id] as const,
};

export function useWorkshops(filters: WorkshopFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: workshopKeys.list(filters),
    queryFn: ({ pageParam, signal }) => call(workshopsApi.list, { query: { ...filters, limit: 20, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useWorkshop(id: string) {
  return useQuery({
    queryKey: workshopKeys.one(id),
    queryFn: ({ signal }) => call(workshopsApi.get, { params: { id } }, { signal }),
  });
}

/** Put a fresh workshop in the cache and refresh lists (and the catalog, which shows workshop fields). */
function useStoreWorkshop() {
  const qc = useQueryClient();
  return (w: Workshop) => {
    qc.setQueryData(workshopKeys.one(w.id), w);
    void qc.invalidateQueries({ queryKey: workshopKeys.lists });
    void qc.invalidateQueries({ queryKey: catalogKeys.all });
    void qc.invalidateQueries({ queryKey: searchKeys.all });
    void qc.invalidateQueries({ queryKey: tagKeys.all });
  };
}

export function useCreateWorkshop() {
  const store = useStoreWorkshop();
  return useMutation({ mutationFn: (body: CreateWorkshopBody) => call(workshopsApi.create, { body }), onSuccess: store });
}

export function useUpdateWorkshop(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (body: UpdateWorkshopBody) => call(workshopsApi.update, { params: { id }, body }),
    onSuccess: store,
  });
}

export function usePublishWorkshop(id: string) {
  const store = useStoreWorkshop();
  return useMutation({ mutationFn: () => call(workshopsApi.publish, { params: { id } }), onSuccess: store });
}

export function useAddHost(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (personId: string) => call(workshopsApi.addHost, { params: { id }, body: { personId } }),
    onSuccess: store,
  });
}

export function useRemoveHost(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (personId: string) => call(workshopsApi.removeHost, { params: { id, personId } }),
    onSuccess: store,
  });
}
