import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChecklistRun, checklistsApi, type UpdateRunBody } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import { notifyError } from '../../lib/forms';
import { workshopKeys } from '../workshops/hooks';
import { checklistKeys } from './keys';
import { type AnswerChange, withAnswer } from './progress';

/** The workshop shows the template name and the progress: refresh it (and lists) after any change. */
function refreshWorkshop(qc: QueryClient, workshopId: string): void {
  void qc.invalidateQueries({ queryKey: workshopKeys.one(workshopId) });
  void qc.invalidateQueries({ queryKey: workshopKeys.lists });
}

/**
 * A workshop's checklist. `data` is null when there is none: the server answers 404 both for "no
 * checklist yet" and "not yours to see", so the page tells them apart with the workshop's `canEdit`.
 */
export function useChecklistRun(workshopId: string, enabled = true) {
  return useQuery({
    queryKey: checklistKeys.run(workshopId),
    queryFn: async ({ signal }) => {
      try {
        return await call(checklistsApi.getRun, { params: { id: workshopId } }, { signal });
      } catch (err) {
        if (isApiError(err) && err.status === 404) return null;
        throw err;
      }
    },
    enabled,
  });
}

/** A mutation answering with the whole run: it replaces the cached one. */
function useRunMutation<V>(workshopId: string, send: (v: V) => Promise<ChecklistRun | undefined>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (run) => {
      qc.setQueryData(checklistKeys.run(workshopId), run ?? null);
      refreshWorkshop(qc, workshopId);
    },
  });
}

/** Starts a checklist with a template, or switches to another one (answers follow items both share). */
export function useStartRun(workshopId: string) {
  return useRunMutation(workshopId, (templateId: string) =>
    call(checklistsApi.startRun, { params: { id: workshopId }, body: { templateId } }),
  );
}

export function useUpgradeRun(workshopId: string) {
  return useRunMutation(workshopId, () => call(checklistsApi.upgradeRun, { params: { id: workshopId } }));
}

export function useStopRun(workshopId: string) {
  return useRunMutation(workshopId, async () => {
    await call(checklistsApi.deleteRun, { params: { id: workshopId } });
    return undefined;
  });
}

/** Settings (switches, confidence): shown at once, put back with a notice if the server says no. */
export function useUpdateRun(workshopId: string) {
  const qc = useQueryClient();
  const key = checklistKeys.run(workshopId);
  return useMutation({
    mutationFn: (body: UpdateRunBody) => call(checklistsApi.updateRun, { params: { id: workshopId }, body }),
    onMutate: async (body) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<ChecklistRun | null>(key);
      if (previous) qc.setQueryData(key, { ...previous, ...body });
      return { previous };
    },
    onError: (err, _body, context) => {
      if (context?.previous) qc.setQueryData(key, context.previous);
      notifyError(err, 'Could not save the setting');
    },
    onSuccess: (run) => {
      qc.setQueryData(key, run);
      refreshWorkshop(qc, workshopId);
    },
  });
}

/**
 * Answering an item: the toggle and every progress bar change at once. Keyboard users answer
 * faster than the server replies, so while other answers are still on their way a reply does not
 * overwrite them; a failed answer puts back only its own item, with a notice.
 */
export function useAnswerItem(workshopId: string) {
  const qc = useQueryClient();
  const key = checklistKeys.run(workshopId);
  const mutationKey = checklistKeys.answers(workshopId);
  return useMutation({
    mutationKey,
    mutationFn: (change: AnswerChange) =>
      call(checklistsApi.answerItem, {
        params: { id: workshopId, itemId: change.itemId },
        body: { answer: change.answer, ...(change.note !== undefined && { note: change.note }) },
      }),
    onMutate: async (change) => {
      await qc.cancelQueries({ queryKey: key });
      const item = qc.getQueryData<ChecklistRun | null>(key)?.items.find((i) => i.id === change.itemId);
      qc.setQueryData<ChecklistRun | null>(key, (run) => (run ? withAnswer(run, change) : run));
      return { before: item ? { itemId: item.id, answer: item.answer, note: item.note } : null };
    },
    onError: (err, _change, context) => {
      const before = context?.before;
      if (before) qc.setQueryData<ChecklistRun | null>(key, (run) => (run ? withAnswer(run, before) : run));
      notifyError(err, 'Could not save your answer');
    },
    onSuccess: (run) => {
      // This mutation still counts as pending here: 1 means no other answer is in flight.
      if (qc.isMutating({ mutationKey }) <= 1) qc.setQueryData(key, run);
    },
    onSettled: () => {
      if (qc.isMutating({ mutationKey }) <= 1) refreshWorkshop(qc, workshopId);
    },
  });
}
