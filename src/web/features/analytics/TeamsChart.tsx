import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { analyticsApi } from '../../../contracts/index.js';
import { withQuery } from '../../api/client';
import { axisTick, ChartCard, ChartImage, chartColours, legendText, useCategoryAxis } from './ChartFrame';
import { CsvLink, DataTable } from './DataTable';
import type { PeriodQuery } from './filters';
import { useTeamsTable } from './hooks';
import { formatNumber, formatPercent } from './labels';
import { TableState } from './TableState';

const CHART_TEAMS = 12;

/** Learners per team, and how much of each team's headcount that is. */
export function TeamsChart({ query }: { query: PeriodQuery }) {
  const teams = useTeamsTable(query);
  const axis = useCategoryAxis();
  const rows = [...(teams.data?.items ?? [])].sort((a, b) => b.learners - a.learners || a.team.localeCompare(b.team));
  const drawn = rows.slice(0, CHART_TEAMS).map((t) => ({ team: axis.short(t.team), learners: t.learners, headcount: t.headcount }));
  return (
    <ChartCard
      id="chart-teams"
      title="Learners per team"
      description="Different people who attended at least one session, beside the team's headcount. Teams with no learners show where to reach out."
    >
      <TableState query={teams} what="The teams">
        {drawn.some((t) => t.learners + t.headcount > 0) && (
          <ChartImage
            label={`Bar chart of learners and headcount for the ${drawn.length} teams with the most learners.`}
            height={Math.max(180, drawn.length * 34 + 60)}
          >
            <BarChart data={drawn} layout="vertical" accessibilityLayer={false} margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
              <CartesianGrid stroke={chartColours.grid} horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={axisTick} />
              <YAxis type="category" dataKey="team" width={axis.width} tick={axisTick} interval={0} />
              <Tooltip />
              <Legend formatter={legendText} />
              <Bar isAnimationActive={false} dataKey="learners" name="Learners" fill={chartColours.now} />
              <Bar
                isAnimationActive={false}
                dataKey="headcount"
                name="Headcount"
                fill="var(--mantine-color-gray-4)"
                stroke={chartColours.before}
              />
            </BarChart>
          </ChartImage>
        )}
        <DataTable
          caption="Teams by participation"
          rows={rows}
          rowKey={(t) => t.team}
          empty="Nobody in this view: no team matches these filters."
          columns={[
            { header: 'Team', cell: (t) => t.team, rowHeader: true },
            { header: 'Headcount', cell: (t) => formatNumber(t.headcount), numeric: true },
            { header: 'Learners', cell: (t) => formatNumber(t.learners), numeric: true },
            { header: 'Reached', cell: (t) => formatPercent(t.reach), numeric: true },
            { header: 'Seats filled', cell: (t) => formatNumber(t.seatsFilled), numeric: true },
            { header: 'Attended', cell: (t) => formatNumber(t.attended), numeric: true },
            { header: 'Learning hours', cell: (t) => formatNumber(t.learningHours), numeric: true },
          ]}
        />
        <CsvLink href={withQuery(analyticsApi.teamsCsv.path, query)} label="teams by participation" />
      </TableState>
    </ChartCard>
  );
}
