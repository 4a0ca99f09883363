import { Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { DashboardRefused } from '../features/analytics/DashboardRefused';
import { FiltersBar } from '../features/analytics/FiltersBar';
import { activeFilterCount } from '../features/analytics/filters';
import { useDashboardFilters, useOverview } from '../features/analytics/hooks';
import { KpiCards } from '../features/analytics/KpiCards';
import { formatPeriod } from '../features/analytics/labels';
import { isEmptyView, NothingHere } from '../features/analytics/NothingHere';
import { SettingsCard } from '../features/analytics/SettingsCard';
import { useMe } from '../features/auth/hooks';
import { EducationHeader } from '../features/education/EducationHeader';

// The charts (and the chart library) arrive after the figures, in their own chunk.
const Charts = lazy(() => import('../features/analytics/Charts'));

/** The education team's dashboard: filters on top, figures with the previous period, charts with their tables. */
export function AdminDashboardPage() {
  useDocumentTitle('Dashboard · Education team · Lyceum');
  const me = useMe();
  const admin = me.data?.role === 'admin';
  const { filters, query, overviewQuery, set, clear } = useDashboardFilters();
  const overview = useOverview(overviewQuery);

  if (overview.isError && isApiError(overview.error) && overview.error.status === 403) return <DashboardRefused />;
  const data = overview.data;
  return (
    <Stack gap="lg">
      <EducationHeader
        title="Dashboard"
        description={
          admin
            ? 'How learning goes across the organisation, each figure beside the previous period.'
            : 'How learning goes across the organisation, shared with you read-only by the education team.'
        }
        nav={admin}
      />
      <FiltersBar filters={filters} query={query} set={set} clear={clear} />
      {overview.isError && (
        <ErrorNotice error={overview.error} onRetry={() => void overview.refetch()} title="The figures could not load" />
      )}
      {overview.isPending && <Skeleton height={420} aria-label="Loading the figures" />}
      {data && (
        <Stack gap="lg" aria-busy={overview.isFetching}>
          {!overview.isPlaceholderData && isEmptyView(data) && <NothingHere filtered={activeFilterCount(filters) > 0} onClear={clear} />}
          <section aria-labelledby="figures">
            <Title order={2} fz="h3" id="figures">
              Figures
            </Title>
            <Text fz="sm" c="dimmed" mb="sm" role="status">
              {/* Said in words rather than by fading the figures (faded text fails contrast). */}
              {overview.isPlaceholderData
                ? 'Updating for the new filters…'
                : `${formatPeriod(data.period)}, against the previous ${formatPeriod(data.previous)}.`}
            </Text>
            <KpiCards overview={data} />
          </section>
          <Suspense fallback={<Skeleton height={600} aria-label="Loading the charts" />}>
            <Charts overview={data} query={query} onThreshold={(threshold) => set({ threshold }, true)} />
          </Suspense>
        </Stack>
      )}
      {admin && <SettingsCard query={query} />}
    </Stack>
  );
}
