import { SimpleGrid } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { AnalyticsOverview } from '../../../contracts/index.js';
import { axisTick, ChartCard, ChartImage, chartColours, legendText } from './ChartFrame';
import { DataTable } from './DataTable';
import { formatMonth, formatNumber } from './labels';

type Month = AnalyticsOverview['series']['byMonth'][number];

type Period = { from: string; to: string };

const dayMonth = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const day = (d: string) => dayMonth.format(new Date(`${d}T00:00:00Z`));

/** The part of the month in the period, when it is not all of it ("from 3 Dec", "to 2 Dec"): a short month is not a drop. */
function partOfMonth(ym: string, period: Period): string | null {
  const [y, m] = ym.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).toISOString().slice(0, 10);
  if (period.from > `${ym}-01`) return `from ${day(period.from)}`;
  if (period.to < last) return `to ${day(period.to)}`;
  return null;
}
const longLabel = (ym: string, period: Period) => {
  const part = partOfMonth(ym, period);
  return part ? `${formatMonth(ym)} (${part})` : formatMonth(ym);
};
const shortLabel = (ym: string, period: Period) => `${formatMonth(ym)}${partOfMonth(ym, period) ? '*' : ''}`;

function MonthLines({ data, metric, name, period }: { data: Month[]; metric: 'sessions' | 'learners'; name: string; period: Period }) {
  const rows = data.map((m) => ({
    month: shortLabel(m.month, period),
    now: m[metric],
    before: m.lastYear[metric],
  }));
  return (
    <LineChart data={rows} accessibilityLayer={false} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
      <CartesianGrid stroke={chartColours.grid} vertical={false} />
      <XAxis dataKey="month" tick={axisTick} />
      <YAxis allowDecimals={false} tick={axisTick} />
      <Tooltip />
      <Legend formatter={legendText} />
      <Line
        isAnimationActive={false}
        type="linear"
        dataKey="now"
        name={`${name}, this period`}
        stroke={chartColours.now}
        strokeWidth={2.5}
        dot={{ r: 3 }}
      />
      <Line
        isAnimationActive={false}
        type="linear"
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
export function MonthlyChart({ series, period }: { series: Month[]; period: Period }) {
  const empty = series.every((m) => m.sessions + m.learners + m.lastYear.sessions + m.lastYear.learners === 0);
  return (
    <ChartCard
      id="chart-months"
      title="Sessions and learners per month"
      description="Solid lines: this period. Dashed: the same months a year earlier. A month marked * is only partly in the period."
    >
      {!empty && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ChartImage height={240} label="Sessions held per month, this period (solid) against a year earlier (dashed).">
            <MonthLines data={series} metric="sessions" name="Sessions" period={period} />
          </ChartImage>
          <ChartImage height={240} label="Unique learners per month, this period (solid) against a year earlier (dashed).">
            <MonthLines data={series} metric="learners" name="Learners" period={period} />
          </ChartImage>
        </SimpleGrid>
      )}
      <DataTable
        caption="Sessions, learners and hours per month, with the same month a year earlier"
        shownAtFirst={61}
        rows={empty ? [] : series}
        rowKey={(m) => m.month}
        empty="No sessions in this period or a year earlier."
        columns={[
          { header: 'Month', cell: (m) => longLabel(m.month, period), rowHeader: true },
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
