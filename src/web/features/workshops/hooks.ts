import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWorkshopBody, UpdateWorkshopBody, Workshop } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';

export type WorkshopFilters = { q?: string; tag?: string; hostId?: string; status?: 'draft' | 'published' };

export const workshopKeys = {
  all: ['workshops'] as const,
  list: (f: WorkshopFilters) => ['workshops', 'list', f] as const,
  one: (id: string) => ['workshops', 'one', id] as const,
};

export function useWorkshops(filters: WorkshopFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: workshopKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api.get<Page<Workshop>>('/workshops', { ...filters, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useWorkshop(id: string) {
  return useQuery({
    queryKey: workshopKeys.one(id),
    queryFn: ({ signal }) => api.get<Workshop>(`/workshops/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** Put a fresh workshop in the cache and refresh lists (and the catalog, which shows workshop fields). */
function useStoreWorkshop() {
  const qc = useQueryClient();
  return (w: Workshop) => {
    qc.setQueryData(workshopKeys.one(w.id), w);
    void qc.invalidateQueries({ queryKey: ['workshops', 'list'] });
    void qc.invalidateQueries({ queryKey: ['catalog'] });
    void qc.invalidateQueries({ queryKey: ['search'] });
    void qc.invalidateQueries({ queryKey: ['tags'] });
  };
}

export function useCreateWorkshop() {
  const store = useStoreWorkshop();
  return useMutation({ mutationFn: (body: CreateWorkshopBody) => api.post<Workshop>('/workshops', body), onSuccess: store });
}

export function useUpdateWorkshop(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (body: UpdateWorkshopBody) => api.patch<Workshop>(`/workshops/${encodeURIComponent(id)}`, body),
    onSuccess: store,
  });
}

export function usePublishWorkshop(id: string) {
  const store = useStoreWorkshop();
  return useMutation({ mutationFn: () => api.post<Workshop>(`/workshops/${encodeURIComponent(id)}/publish`, {}), onSuccess: store });
}

export function useAddHost(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (personId: string) => api.post<Workshop>(`/workshops/${encodeURIComponent(id)}/hosts`, { personId }),
    onSuccess: store,
  });
}

export function useRemoveHost(id: string) {
  const store = useStoreWorkshop();
  return useMutation({
    mutationFn: (personId: string) => api.delete<Workshop>(`/workshops/${encodeURIComponent(id)}/hosts/${encodeURIComponent(personId)}`),
    onSuccess: (w) => {
      // The server answers with the workshop; if it ever answers 204, refetch instead.
      if (w) store(w);
    },
  });
}
