import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { analyticsApi } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { ChartCard } from './ChartFrame';
import { CsvLink, DataTable } from './DataTable';
import type { PeriodQuery } from './filters';
import { useHostsTable } from './hooks';
import { formatNumber } from './labels';
import { TableState } from './TableState';

/** Who teaches: hosts by sessions and rating. Names only for admins; the shared view shows teams. */
export function HostsTable({ query }: { query: PeriodQuery }) {
  const hosts = useHostsTable(query);
  const rows = hosts.data?.items ?? [];
  const named = rows.some((h) => h.host !== null);
  return (
    <ChartCard
      id="table-hosts"
      title="Hosts by sessions and rating"
      description={
        rows.length > 0 && !named ? (
          <Text span fz="sm" c="dimmed">
            Names are shown to the education team only; this shared view lists hosts by team.
          </Text>
        ) : (
          'Who teaches, how many learners they reached, and how their sessions were rated.'
        )
      }
    >
      <TableState query={hosts} what="The hosts">
        <DataTable
          caption="Hosts by sessions and rating"
          rows={rows}
          rowKey={(h, i) => h.host?.id ?? `anonymous-${i}`}
          empty="Nobody hosted a session in this view."
          columns={[
            {
              header: 'Host',
              rowHeader: true,
              cell: (h) =>
                h.host ? (
                  <Anchor component={Link} to={`/people/${h.host.id}`} fz="sm">
                    {h.host.name}
                  </Anchor>
                ) : (
                  <Text span fz="sm" c="dimmed">
                    Name hidden
                  </Text>
                ),
            },
            { header: 'Team', cell: (h) => h.team ?? 'No team' },
            { header: 'Sessions', cell: (h) => formatNumber(h.sessions), numeric: true },
            { header: 'Learners', cell: (h) => formatNumber(h.learners), numeric: true },
            { header: 'Average rating', cell: (h) => formatNumber(h.averageRating, 1), numeric: true },
          ]}
        />
        <CsvLink href={withQuery(analyticsApi.hostsCsv.path, query)} label="hosts by sessions and rating" />
      </TableState>
    </ChartCard>
  );
}
