import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import { type AnalyticsOverviewQuery, analyticsApi, type analyticsSettingsBody } from '../../../contracts/index.js';
import { call, isApiError } from '../../api/client';
import { dateInZone } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { type DashboardFilters, overviewQuery, type PeriodQuery, periodQuery, readFilters } from './filters';
import { analyticsKeys } from './keys';

export { analyticsKeys } from './keys';

/** A refusal is an answer, not a hiccup: asking again will not change it. */
const retryUnlessRefused = (count: number, err: unknown) => !(isApiError(err) && err.status < 500) && count < 2;

/** The filters as the URL holds them, the queries they make, and a way to change them (each change is a history entry). */
export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const zone = useViewerZone();
  const filters = readFilters(params);
  const today = dateInZone(new Date(), zone);
  // From the address as it is now, not as it was at the last render: two quick changes (a period,
  // then a team) must both stay.
  const set = (change: Partial<DashboardFilters>, replace = false) =>
    setParams(
      () => {
        const next = new URLSearchParams(window.location.search);
        for (const [key, value] of Object.entries(change)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        if (change.period && change.period !== 'custom') {
          next.delete('from');
          next.delete('to');
        }
        return next;
      },
      { replace },
    );
  const clear = () =>
    setParams(() => {
      const prev = new URLSearchParams(window.location.search);
      const next = new URLSearchParams();
      for (const key of ['period', 'from', 'to', 'threshold']) {
        const v = prev.get(key);
        if (v) next.set(key, v);
      }
      return next;
    });
  return { filters, query: periodQuery(filters, today), overviewQuery: overviewQuery(filters, today), set, clear };
}

export function useOverview(query: AnalyticsOverviewQuery) {
  return useQuery({
    queryKey: analyticsKeys.overview(query),
    queryFn: ({ signal }) => call(analyticsApi.overview, { query }, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useWorkshopsTable(query: PeriodQuery, sort: 'demand' | 'rating') {
  return useQuery({
    queryKey: analyticsKeys.table(sort === 'demand' ? 'workshopsByDemand' : 'workshopsByRating', query),
    queryFn: ({ signal }) => call(analyticsApi.workshops, { query: { ...query, sort } }, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useTeamsTable(query: PeriodQuery) {
  return useQuery({
    queryKey: analyticsKeys.table('teams', query),
    queryFn: ({ signal }) => call(analyticsApi.teams, { query }, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useHostsTable(query: PeriodQuery) {
  return useQuery({
    queryKey: analyticsKeys.table('hosts', query),
    queryFn: ({ signal }) => call(analyticsApi.hosts, { query }, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useChannelsTable(query: PeriodQuery) {
  return useQuery({
    queryKey: analyticsKeys.table('channels', query),
    queryFn: ({ signal }) => call(analyticsApi.channels, { query }, { signal }),
    placeholderData: keepPreviousData,
    retry: retryUnlessRefused,
  });
}

export function useAnalyticsSettings(enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.settings,
    queryFn: ({ signal }) => call(analyticsApi.settings, {}, { signal }),
    enabled,
  });
}

export function useUpdateAnalyticsSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof analyticsSettingsBody>) => call(analyticsApi.updateSettings, { body }),
    onSuccess: (saved) => {
      qc.setQueryData(analyticsKeys.settings, saved);
      // Preparation hours change engineer-hours; the threshold the default comparison.
      void qc.invalidateQueries({ queryKey: analyticsKeys.overviews });
    },
  });
}

export function useDashboardViewers(enabled = true) {
  return useQuery({
    queryKey: analyticsKeys.viewers,
    queryFn: ({ signal }) => call(analyticsApi.viewers, {}, { signal }),
    enabled,
  });
}

export function useSetDashboardViewers() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (personIds: string[]) => call(analyticsApi.setViewers, { body: { personIds } }),
    onSuccess: (saved) => qc.setQueryData(analyticsKeys.viewers, saved),
  });
}
