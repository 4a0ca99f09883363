import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChecklistItemInput, ChecklistTemplate, ChecklistTemplateSummary, CreateTemplateBody } from '../../../contracts/index.js';
import { api, type Page } from '../../api/client';
import { checklistKeys, type TemplateFilters } from './keys';

const path = (id: string) => `/checklist-templates/${encodeURIComponent(id)}`;

/** Templates to choose from (with `workshopId`, the suggested one is marked), or all of them for admins. */
export function useTemplates(filters: TemplateFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: checklistKeys.templates(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<ChecklistTemplateSummary>>(
        '/checklist-templates',
        { workshopId: filters.workshopId, includeRetired: filters.includeRetired ? 'true' : undefined, limit: 50, cursor: pageParam },
        signal,
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
    queryFn: ({ signal }) => api.get<ChecklistTemplate>(path(id), { version }, signal),
  });
}

/** A changed template: store the version we got, refresh the others and every list. */
function store(qc: QueryClient, t: ChecklistTemplate): void {
  void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(t.id) });
  if (t.version !== null) qc.setQueryData(checklistKeys.template(t.id, t.version), t);
  void qc.invalidateQueries({ queryKey: ['checklists', 'templates'] });
}

export function useCreateTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTemplateBody) => api.post<ChecklistTemplate>('/checklist-templates', body),
    onSuccess: (t) => store(qc, t),
  });
}

export function useUpdateTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CreateTemplateBody>) => api.patch<ChecklistTemplate>(path(id), body),
    onSuccess: (t) => store(qc, t),
  });
}

/** Opens a draft copied from the current version, or answers with the draft already open. */
export function useOpenDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ templateId: string; version: number }>(`${path(id)}/versions`, {}),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: checklistKeys.templateAll(id) });
      void qc.invalidateQueries({ queryKey: ['checklists', 'templates'] });
    },
  });
}

/** Replaces the draft's whole ordered item list. */
export function useSaveDraftItems(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ version, items }: { version: number; items: ChecklistItemInput[] }) =>
      api.put<ChecklistTemplate>(`${path(id)}/versions/${version}/items`, { items }),
    onSuccess: (t) => store(qc, t),
  });
}

export function usePublishVersion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.post<ChecklistTemplate>(`${path(id)}/versions/${version}/publish`, {}),
    onSuccess: (t) => {
      store(qc, t);
      // Runs learn about the new version (`latestVersion`), and adoption counts per version.
      void qc.invalidateQueries({ queryKey: ['checklists', 'run'] });
      void qc.invalidateQueries({ queryKey: checklistKeys.adoption });
    },
  });
}

export function useRetireTemplate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (retire: boolean) => api.post<ChecklistTemplate>(`${path(id)}/${retire ? 'retire' : 'restore'}`, {}),
    onSuccess: (t) => store(qc, t),
  });
}
