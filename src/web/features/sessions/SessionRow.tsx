import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconArmchair, IconVideo } from '@tabler/icons-react';
import type { Session } from '../../../contracts/index.js';
import { ModeLabel, seatsLabel } from './labels';
import { SessionTime } from './SessionTime';

type Props = {
  session: Session;
  past?: boolean;
  /** Hosts' action: cancel (published) or delete (draft); undefined hides it. */
  onRemove?: (s: Session) => void;
  removeLabel?: string;
};

/** One session of a workshop; registration actions will join the right-hand slot. */
export function SessionRow({ session: s, past = false, onRemove, removeLabel = 'Cancel session' }: Props) {
  const cancelled = s.status === 'cancelled';
  return (
    <Card withBorder padding="sm" component="li" bg={cancelled || past ? 'gray.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          <Group gap="xs">
            {cancelled && (
              <Badge color="red" variant="filled">
                Cancelled
              </Badge>
            )}
            {past && !cancelled && (
              <Badge color="gray" variant="light">
                Ended
              </Badge>
            )}
          </Group>
          <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} struck={cancelled} size="sm" />
          <Group gap="md" wrap="wrap" c={cancelled ? 'dimmed' : undefined}>
            <ModeLabel mode={s.mode} />
            {s.location && <Text fz="sm">{s.location}</Text>}
            <Group gap={4} wrap="nowrap">
              <IconArmchair size={16} aria-hidden="true" />
              <Text fz="sm">{seatsLabel(s.seats)}</Text>
            </Group>
            {s.videoUrl && !cancelled && !past && (
              <Anchor href={s.videoUrl} target="_blank" rel="noopener noreferrer" fz="sm">
                <Group gap={4} wrap="nowrap" component="span">
                  <IconVideo size={16} aria-hidden="true" /> Video link
                </Group>
              </Anchor>
            )}
          </Group>
        </Stack>
        <Group gap="xs" data-slot="session-actions">
          {/* Register / waitlist buttons go here once registrations exist. */}
          {onRemove && !cancelled && !past && (
            <Button variant="subtle" color="red" size="xs" onClick={() => onRemove(s)}>
              {removeLabel}
            </Button>
          )}
        </Group>
      </Group>
    </Card>
  );
}
