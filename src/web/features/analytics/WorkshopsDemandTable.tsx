import { analyticsApi, formatLabels, type WorkshopFormat } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { ChartCard } from './ChartFrame';
import { CsvLink, DataTable } from './DataTable';
import type { PeriodQuery } from './filters';
import { useWorkshopsTable } from './hooks';
import { formatNumber } from './labels';
import { TableState } from './TableState';

/** The workshops people wait for: a waitlist or wishes say "run it again". */
export function WorkshopsDemandTable({ query }: { query: PeriodQuery }) {
  const workshops = useWorkshopsTable(query, 'demand');
  return (
    <ChartCard
      id="table-demand"
      title="Top workshops by demand"
      description="Seats filled, people still on a waitlist and “notify me” wishes: candidates for another session."
    >
      <TableState query={workshops} what="The workshops">
        <DataTable
          caption="Top workshops by demand"
          rows={workshops.data?.items ?? []}
          rowKey={(w) => w.workshopId}
          empty="No workshop had sessions or wishes in this view."
          columns={[
            { header: 'Workshop', cell: (w) => w.title, rowHeader: true },
            { header: 'Format', cell: (w) => formatLabels[w.format as WorkshopFormat] ?? w.format },
            { header: 'Sessions', cell: (w) => formatNumber(w.sessions), numeric: true },
            { header: 'Seats filled', cell: (w) => formatNumber(w.seatsFilled), numeric: true },
            { header: 'Waitlisted', cell: (w) => formatNumber(w.waitlisted), numeric: true },
            { header: 'Wishes', cell: (w) => formatNumber(w.wishes), numeric: true },
          ]}
        />
        <CsvLink href={withQuery(analyticsApi.workshopsCsv.path, { ...query, sort: 'demand' })} label="top workshops by demand" />
      </TableState>
    </ChartCard>
  );
}
