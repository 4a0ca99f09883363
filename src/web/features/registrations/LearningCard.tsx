import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { CatalogEntry, FeedbackRequest } from '../../../contracts/index.js';
import { FeedbackAction } from '../feedback/FeedbackAction';
import { ModeLabel } from '../sessions/labels';
import { SessionTime } from '../sessions/SessionTime';
import { VideoLink } from '../sessions/VideoLink';
import { RegistrationActions } from './RegistrationActions';

/** One of my sessions: what, when, where, and my registration with its next step (after it: feedback). */
export function LearningCard({ entry, past = false, feedback }: { entry: CatalogEntry; past?: boolean; feedback?: FeedbackRequest }) {
  const w = entry.workshop;
  const cancelled = entry.status === 'cancelled';
  return (
    <Card withBorder padding="md" component="li" bg={past || cancelled ? 'gray.0' : undefined} aria-labelledby={`learn-${entry.id}`}>
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Title order={3} fz="md" id={`learn-${entry.id}`}>
            <Anchor component={Link} to={`/workshops/${w.id}`} c="inherit" fw={700} fz="inherit">
              {w.title}
            </Anchor>
          </Title>
          <SessionTime startsAt={entry.startsAt} endsAt={entry.endsAt} timeZone={entry.timeZone} struck={cancelled} size="sm" />
          <Group gap="md" wrap="wrap">
            <ModeLabel mode={entry.mode} />
            {entry.location && <Text fz="sm">{entry.location}</Text>}
            {!past && !cancelled && <VideoLink session={entry} />}
          </Group>
        </Stack>
        <div className="session-actions">
          <RegistrationActions session={entry} title={w.title} />
          {past && <FeedbackAction request={feedback} title={w.title} />}
        </div>
      </Group>
    </Card>
  );
}
