import { Text } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { analyticsApi, formatLabels, type WorkshopFormat } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { axisTick, ChartCard, ChartImage, chartColours } from './ChartFrame';
import { CsvLink, DataTable } from './DataTable';
import type { PeriodQuery } from './filters';
import { useWorkshopsTable } from './hooks';
import { formatNumber } from './labels';
import { TableState } from './TableState';

const stars = ['1 (poor)', '2', '3', '4', '5 (excellent)'];

/** How the answered ratings spread over 1–5, and the workshops rated best. */
export function RatingChart({ distribution, query }: { distribution: number[]; query: PeriodQuery }) {
  const total = distribution.reduce((a, b) => a + b, 0);
  const rows = distribution.map((count, i) => ({ rating: stars[i] ?? String(i + 1), count, share: total ? count / total : null }));
  const workshops = useWorkshopsTable(query, 'rating');
  const rated = (workshops.data?.items ?? []).filter((w) => w.averageRating !== null);
  return (
    <ChartCard id="chart-ratings" title="Ratings" description="How learners rated the sessions held (1–5), and the workshops rated best.">
      {total > 0 && (
        <ChartImage label={`Bar chart of the ${total} ratings given, by rating from 1 to 5.`} height={200}>
          <BarChart data={rows} accessibilityLayer={false} margin={{ top: 24, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke={chartColours.grid} vertical={false} />
            <XAxis dataKey="rating" tick={axisTick} />
            <YAxis allowDecimals={false} tick={axisTick} />
            <Bar
              isAnimationActive={false}
              dataKey="count"
              name="Answers"
              fill={chartColours.now}
              label={{ position: 'top', fill: chartColours.text, fontSize: 12 }}
            />
          </BarChart>
        </ChartImage>
      )}
      <DataTable
        caption="Answers per rating"
        rows={total > 0 ? rows : []}
        rowKey={(r) => r.rating}
        empty="No ratings for sessions in this view yet."
        minWidth={280}
        columns={[
          { header: 'Rating', cell: (r) => r.rating, rowHeader: true },
          { header: 'Answers', cell: (r) => formatNumber(r.count), numeric: true },
          { header: 'Share', cell: (r) => (r.share === null ? '—' : `${Math.round(r.share * 100)}%`), numeric: true },
        ]}
      />
      <Text fw={600} fz="sm" mt="xs" id="best-rated">
        Top workshops by rating
      </Text>
      <TableState query={workshops} what="The workshops">
        <DataTable
          caption="Top workshops by rating"
          rows={rated}
          rowKey={(w) => w.workshopId}
          empty="No workshop in this view has ratings yet."
          columns={[
            { header: 'Workshop', cell: (w) => w.title, rowHeader: true },
            { header: 'Format', cell: (w) => formatLabels[w.format as WorkshopFormat] ?? w.format },
            { header: 'Sessions', cell: (w) => formatNumber(w.sessions), numeric: true },
            { header: 'Answers', cell: (w) => formatNumber(w.responses), numeric: true },
            { header: 'Average rating', cell: (w) => formatNumber(w.averageRating, 1), numeric: true },
          ]}
        />
        <CsvLink href={withQuery(analyticsApi.workshopsCsv.path, { ...query, sort: 'rating' })} label="top workshops by rating" />
      </TableState>
    </ChartCard>
  );
}
