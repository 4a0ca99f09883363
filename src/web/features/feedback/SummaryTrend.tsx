import { Anchor, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { FeedbackSummary } from '../../../contracts/index.js';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { oneDecimal } from './SummaryBars';

type Run = FeedbackSummary['sessions'][number];

const answered = (r: Run) => `${r.responses} of ${r.asked} answered`;

function RunRow({ run, workshopId, selected, zone }: { run: Run; workshopId: string; selected: boolean; zone: string }) {
  const date = formatDate(run.startsAt, zone);
  return (
    <Stack gap={4} component="li">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Anchor
          component={Link}
          to={`/workshops/${workshopId}/feedback?sessionId=${encodeURIComponent(run.sessionId)}`}
          fw={selected ? 700 : 500}
          aria-current={selected ? 'page' : undefined}
          fz="sm"
        >
          {date}
        </Anchor>
        <Text fz="sm" fw={700}>
          {run.hidden || run.average === null ? '' : `${oneDecimal(run.average)} / 5`}
        </Text>
      </Group>
      {run.hidden || run.average === null ? (
        <Text fz="sm" c="dimmed">
          {answered(run)} · fewer than 3 answers — hidden so nobody can be singled out
        </Text>
      ) : (
        <>
          <Progress value={(run.average / 5) * 100} size="sm" aria-label={`${date}: ${oneDecimal(run.average)} out of 5`} />
          <Text fz="sm" c="dimmed">
            {answered(run)}
          </Text>
        </>
      )}
    </Stack>
  );
}

/** Every run of the workshop, oldest first, with its average: is it getting better? */
export function SummaryTrend({
  workshopId,
  sessions,
  average,
  orgMedian,
  selectedId,
}: {
  workshopId: string;
  sessions: Run[];
  average: number | null;
  orgMedian: number | null;
  selectedId?: string;
}) {
  const zone = useViewerZone();
  const runs = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="fb-trend">
      <Title order={2} fz="h4" id="fb-trend">
        Across runs
      </Title>
      <Group gap="xl" mt={4} mb="sm">
        <div>
          <Text fz="sm" c="dimmed">
            This workshop
          </Text>
          <Text fw={700}>{average === null ? '–' : `${oneDecimal(average)} / 5`}</Text>
        </div>
        {orgMedian !== null && (
          <div>
            <Text fz="sm" c="dimmed">
              Organisation median
            </Text>
            <Text fw={700}>{oneDecimal(orgMedian)} / 5</Text>
          </div>
        )}
      </Group>
      {runs.length === 0 ? (
        <Text fz="sm">No session has ended yet. Each run appears here once its learners are asked.</Text>
      ) : (
        <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {runs.map((r) => (
            <RunRow key={r.sessionId} run={r} workshopId={workshopId} selected={r.sessionId === selectedId} zone={zone} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
