import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { analyticsApi } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { axisTick, ChartCard, ChartImage, chartColours, legendText, useCategoryAxis } from './ChartFrame';
import { CsvLink, DataTable } from './DataTable';
import type { PeriodQuery } from './filters';
import { useChannelsTable } from './hooks';
import { formatNumber } from './labels';
import { TableState } from './TableState';

const CHART_TOPICS = 10;

/** Demand (people waiting, wishes, requests) against supply (sessions offered), per channel: where to find hosts. */
export function DemandChart({ query }: { query: PeriodQuery }) {
  const channels = useChannelsTable(query);
  const axis = useCategoryAxis();
  const rows = (channels.data?.items ?? [])
    .map((c) => ({ ...c, demand: c.waitlisted + c.wishes + c.requests }))
    // A channel with nothing offered nor asked for says nothing here.
    .filter((c) => c.demand + c.sessionsOffered + c.seatsFilled > 0)
    .sort((a, b) => b.demand - a.demand || b.sessionsOffered - a.sessionsOffered || a.name.localeCompare(b.name));
  const drawn = rows.slice(0, CHART_TOPICS).map((c) => ({ name: axis.short(c.name), demand: c.demand, supply: c.sessionsOffered }));
  return (
    <ChartCard
      id="chart-demand"
      title="Demand and supply by topic"
      description="Per channel: people on waitlists, “notify me” wishes and open requests, against sessions offered."
    >
      <TableState query={channels} what="The channels">
        {drawn.some((c) => c.demand + c.supply > 0) && (
          <ChartImage
            label={`Bar chart of demand against sessions offered for the ${drawn.length} channels with the most demand.`}
            height={Math.max(180, drawn.length * 34 + 60)}
          >
            <BarChart data={drawn} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColours.grid} horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={axisTick} />
              <YAxis type="category" dataKey="name" width={axis.width} tick={axisTick} interval={0} />
              <Tooltip />
              <Legend formatter={legendText} />
              <Bar isAnimationActive={false} dataKey="demand" name="Demand (waiting, wishes, requests)" fill={chartColours.demand} />
              <Bar isAnimationActive={false} dataKey="supply" name="Sessions offered" fill={chartColours.supply} />
            </BarChart>
          </ChartImage>
        )}
        <DataTable
          caption="Channels: demand and supply"
          rows={rows}
          rowKey={(c) => c.channelId}
          empty="No channel has sessions or demand in this view."
          columns={[
            { header: 'Channel', cell: (c) => c.name, rowHeader: true },
            { header: 'Sessions offered', cell: (c) => formatNumber(c.sessionsOffered), numeric: true },
            { header: 'Seats filled', cell: (c) => formatNumber(c.seatsFilled), numeric: true },
            { header: 'Waitlisted', cell: (c) => formatNumber(c.waitlisted), numeric: true },
            { header: 'Wishes', cell: (c) => formatNumber(c.wishes), numeric: true },
            { header: 'Requests', cell: (c) => formatNumber(c.requests), numeric: true },
          ]}
        />
        <CsvLink href={withQuery(analyticsApi.channelsCsv.path, query)} label="channels" />
      </TableState>
    </ChartCard>
  );
}
