import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconMessageCircle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatLabels, type Workshop } from '../../../contracts/index.js';
import { formatDuration } from '../../lib/time';
import { ChecklistButton } from '../checklists/WorkshopChecklistLinks';
import { WorkshopStatusBadge } from './StatusBadge';

function upcomingLabel(n: number): string {
  if (n === 0) return 'No upcoming sessions';
  return n === 1 ? '1 upcoming session' : `${n} upcoming sessions`;
}

/** A workshop in a list (My workshops, a profile); host actions when the viewer may edit it. */
export function WorkshopCard({ workshop: w, showActions = true }: { workshop: Workshop; showActions?: boolean }) {
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`ws-${w.id}`}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={2} fz="lg" id={`ws-${w.id}`} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/workshops/${w.id}`} c="inherit" fw={700} fz="inherit">
              {w.title}
            </Anchor>
          </Title>
          <WorkshopStatusBadge status={w.status} />
        </Group>
        <Text c="dimmed" lineClamp={2}>
          {w.summary}
        </Text>
        <Group gap="sm" fz="sm">
          <Text fz="sm">
            {formatLabels[w.format]} · {formatDuration(w.durationMinutes)}
          </Text>
          <Badge variant="light" color={w.upcomingSessionCount > 0 ? 'lyceum' : 'gray'}>
            {upcomingLabel(w.upcomingSessionCount)}
          </Badge>
        </Group>
        {showActions && w.canEdit && (
          <Group gap="xs" mt={4}>
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={`/workshops/${w.id}/sessions/new`}
              leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
              aria-label={`Schedule a session of ${w.title}`}
            >
              Schedule
            </Button>
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/workshops/${w.id}/edit`}
              leftSection={<IconEdit size={16} aria-hidden="true" />}
              aria-label={`Edit ${w.title}`}
            >
              Edit
            </Button>
            <ChecklistButton workshop={w} size="xs" />
            <Button
              size="xs"
              variant="default"
              component={Link}
              to={`/workshops/${w.id}/feedback`}
              leftSection={<IconMessageCircle size={16} aria-hidden="true" />}
              aria-label={`Feedback on ${w.title}`}
            >
              Feedback
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
