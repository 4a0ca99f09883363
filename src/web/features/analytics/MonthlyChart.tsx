import { SimpleGrid } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsOverview } from '../../../contracts/index.js';
import { axisTick, ChartCard, ChartImage, chartColours } from './ChartFrame';
import { DataTable } from './DataTable';
import { formatMonth, formatNumber } from './labels';

type Month = AnalyticsOverview['series']['byMonth'][number];

function MonthLines({ data, metric, name }: { data: Month[]; metric: 'sessions' | 'learners'; name: string }) {
  const rows = data.map((m) => ({ month: formatMonth(m.month), now: m[metric], before: m.lastYear[metric] }));
  return (
    <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
      <CartesianGrid stroke={chartColours.grid} vertical={false} />
      <XAxis dataKey="month" tick={axisTick} />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip />
      <Legend />
      <Line type="monotone" dataKey="now" name={`${name}, this period`} stroke={chartColours.now} strokeWidth={2.5} dot={{ r: 3 }} />
      <Line
        type="monotone"
        dataKey="before"
        name={`${name}, a year earlier`}
        stroke={chartColours.before}
        strokeWidth={2}
        strokeDasharray="6 4"
        dot={{ r: 3, strokeDasharray: '' }}
      />
    </LineChart>
  );
}

/** Sessions and learners per month against the same months a year earlier: is peer-led learning growing? */
export function MonthlyChart({ series }: { series: Month[] }) {
  const empty = series.every((m) => m.sessions + m.learners + m.lastYear.sessions + m.lastYear.learners === 0);
  return (
    <ChartCard
      id="chart-months"
      title="Sessions and learners per month"
      description="Solid lines: this period. Dashed: the same months a year earlier."
    >
      {!empty && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ChartImage height={240} label="Sessions held per month, this period (solid) against a year earlier (dashed).">
            <MonthLines data={series} metric="sessions" name="Sessions" />
          </ChartImage>
          <ChartImage height={240} label="Unique learners per month, this period (solid) against a year earlier (dashed).">
            <MonthLines data={series} metric="learners" name="Learners" />
          </ChartImage>
        </SimpleGrid>
      )}
      <DataTable
        caption="Sessions, learners and hours per month, with the same month a year earlier"
        rows={series}
        rowKey={(m) => m.month}
        empty="No sessions in this period or a year earlier."
        columns={[
          { header: 'Month', cell: (m) => formatMonth(m.month), rowHeader: true },
          { header: 'Sessions', cell: (m) => formatNumber(m.sessions), numeric: true },
          { header: 'A year earlier', cell: (m) => formatNumber(m.lastYear.sessions), numeric: true },
          { header: 'Learners', cell: (m) => formatNumber(m.learners), numeric: true },
          { header: 'A year earlier ', cell: (m) => formatNumber(m.lastYear.learners), numeric: true },
          { header: 'Learning hours', cell: (m) => formatNumber(m.hours), numeric: true },
        ]}
      />
    </ChartCard>
  );
}
