import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChecklistItemInput, type ChecklistTemplate, type CreateTemplateBody, checklistsApi } from '../../../contracts/index.js';
import { call } from '../../api/client';
import { checklistKeys, type TemplateFilters } from './keys';

/** Templates to choose from (with `workshopId`, the suggested one is marked), or all of them for admins. */
export function useTemplates(filters: TemplateFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: checklistKeys.templates(filters),
    queryFn: ({ pageParam, signal }) =>
      call(
        checklistsApi.listTemplates,
        {
          query: {
            workshopId: filters.workshopId,
            includeRetired: filters.includeRetired ? 'true' : undefined,
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

/** One template with the items of its current version, or of `version` (admins may read drafts). */
export function useTemplate(id: string, version?: number) {
  return useQuery({
    queryKey: checklistKeys.template(id, version),
    queryFn: ({ signal }) => call(checklistsApi.getTemplate, { params: { id }, query: { version } }, { signal }),
  });
}

/** A changed template: store the version we got, refresh the others and every list. */
function store(qc: QueryClient, t: ChecklistTemplate): void {
  void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(t.id) });
  if (t.version !== null) qc.setQueryData(checklistKeys.template(t.id, t.version), t);
  void qc.invalidateQueries({ queryKey: checklistKeys.templateLists });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTemplateBody) => call(checklistsApi.createTemplate, { body }),
    onSuccess: (t) => store(qc, t),
  });
}

export function useUpdateTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateTemplateBody>) => call(checklistsApi.updateTemplate, { params: { id }, body }),
    onSuccess: (t) => store(qc, t),
  });
}

/** Opens a draft copied from the current version, or answers with the draft already open. */
export function useOpenDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => call(checklistsApi.openDraft, { params: { id } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(id) });
      void qc.invalidateQueries({ queryKey: checklistKeys.templateLists });
    },
  });
}

/** Replaces the draft's whole ordered item list. */
export function useSaveDraftItems(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, items }: { version: number; items: ChecklistItemInput[] }) =>
      call(checklistsApi.saveDraftItems, { params: { id, version }, body: { items } }),
    onSuccess: (t) => store(qc, t),
  });
}

export function usePublishVersion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(checklistsApi.publishVersion, { params: { id, version } }),
    onSuccess: (t) => {
      store(qc, t);
      // Runs learn about the new version (`latestVersion`), and adoption counts per version.
      void qc.invalidateQueries({ queryKey: checklistKeys.runs });
      void qc.invalidateQueries({ queryKey: checklistKeys.adoption });
    },
  });
}

export function useRetireTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (retire: boolean) => call(retire ? checklistsApi.retireTemplate : checklistsApi.restoreTemplate, { params: { id } }),
    onSuccess: (t) => store(qc, t),
  });
}
