import { Stack, Title } from '@mantine/core';
import type { AnalyticsOverview } from '../../../contracts/index.js';
import { ChecklistEffect } from './ChecklistEffect';
import { DemandChart } from './DemandChart';
import type { PeriodQuery } from './filters';
import { HostsTable } from './HostsTable';
import { MonthlyChart } from './MonthlyChart';
import { RatingChart } from './RatingChart';
import { TeamsChart } from './TeamsChart';
import { WorkshopsDemandTable } from './WorkshopsDemandTable';

/**
 * Every chart with its table beneath. This module (and recharts with it) is loaded on its own,
 * after the figures: nothing else in the app pulls the chart library in.
 */
export default function Charts({
  overview,
  query,
  onThreshold,
}: {
  overview: AnalyticsOverview;
  query: PeriodQuery;
  onThreshold: (t: number) => void;
}) {
  return (
    <Stack gap="lg">
      <Title order={2} fz="h3">
        Charts and tables
      </Title>
      <MonthlyChart series={overview.series.byMonth} period={overview.period} />
      <TeamsChart query={query} />
      <DemandChart query={query} />
      <WorkshopsDemandTable query={query} />
      <RatingChart distribution={overview.ratingDistribution} query={query} />
      <HostsTable query={query} />
      <ChecklistEffect effect={overview.checklistEffect} onThreshold={onThreshold} />
    </Stack>
  );
}
