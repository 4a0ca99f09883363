import { Button, Group, NativeSelect } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type FeedbackSummary, feedbackApi, fillPath } from '../../../contracts/index.js';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';

const ALL = '';

/** Which runs to look at (all, or one via ?sessionId=), and the CSV exports (never with names). */
export function SummaryToolbar({
  workshopId,
  sessions,
  sessionId,
  onSessionChange,
}: {
  workshopId: string;
  sessions: FeedbackSummary['sessions'];
  sessionId?: string;
  onSessionChange: (sessionId: string | undefined) => void;
}) {
  const zone = useViewerZone();
  // Newest first: the run people ask about is usually the last one.
  const runs = [...sessions].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const data = [
    { value: ALL, label: 'All sessions' },
    ...runs.map((r) => ({
      value: r.sessionId,
      label: `${formatDateTime(r.startsAt, zone)} · ${r.responses === 1 ? '1 answer' : `${r.responses} answers`}`,
    })),
  ];
  return (
    <Group justify="space-between" align="flex-end" gap="sm">
      <NativeSelect
        label="Sessions"
        data={data}
        value={sessionId ?? ALL}
        onChange={(e) => onSessionChange(e.currentTarget.value || undefined)}
        w={{ base: '100%', xs: 320 }}
      />
      <Group gap="xs">
        <Button
          component="a"
          href={fillPath(feedbackApi.workshopCsv.path, { id: workshopId })}
          download
          variant="default"
          leftSection={<IconDownload size={18} aria-hidden="true" />}
        >
          Workshop CSV
        </Button>
        {sessionId && (
          <Button
            component="a"
            href={fillPath(feedbackApi.sessionCsv.path, { id: sessionId })}
            download
            variant="default"
            leftSection={<IconDownload size={18} aria-hidden="true" />}
          >
            Session CSV
          </Button>
        )}
      </Group>
    </Group>
  );
}
