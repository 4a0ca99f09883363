import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarPlus, IconPencil, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { calendarApi, fillPath, type Session } from '../../../contracts/index.js';
import { formatDateTime } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { RegistrationActions } from '../registrations/RegistrationActions';
import { ModeLabel, SeatsLabel } from './labels';
import { SessionRecording } from './SessionRecording';
import { SessionTime } from './SessionTime';
import { VideoLink } from './VideoLink';

type Props = {
  session: Session;
  past?: boolean;
  /** False while the workshop is a draft: registration opens when it is published. */
  published?: boolean;
  /** Hosts see a link to the roster. */
  canEdit?: boolean;
  workshopTitle?: string;
  /** Hosts' action: cancel (published) or delete (draft); undefined hides it. */
  onRemove?: (s: Session) => void;
  removeLabel?: string;
  /** Hosts' action: edit an upcoming session; undefined hides it. */
  onEdit?: (s: Session) => void;
  /** The viewer is one of the workshop's hosts: no "Register" on their own session. */
  hosting?: boolean;
};

/** One session of a workshop: when, where, seats, and the viewer's registration on the right. */
export function SessionRow({
  session: s,
  past = false,
  published = true,
  canEdit = false,
  workshopTitle,
  onRemove,
  removeLabel = 'Cancel session',
  onEdit,
  hosting = false,
}: Props) {
  const cancelled = s.status === 'cancelled';
  const zone = useViewerZone();
  return (
    <Card withBorder padding="sm" component="li" bg={cancelled || past ? 'gray.0' : undefined}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={6} style={{ flex: '1 1 16rem', minWidth: 0 }}>
          {past && !cancelled && (
            <Group gap="xs">
              <Badge color="gray" variant="light">
                Ended
              </Badge>
            </Group>
          )}
          <SessionTime startsAt={s.startsAt} endsAt={s.endsAt} timeZone={s.timeZone} struck={cancelled} size="sm" />
          <Group gap="md" wrap="wrap" c={cancelled ? 'dimmed' : undefined}>
            <ModeLabel mode={s.mode} />
            {s.location && <Text fz="sm">{s.location}</Text>}
            {!past && !cancelled && <SeatsLabel session={s} />}
            {!cancelled && !past && <VideoLink session={s} canEdit={canEdit} />}
            {published && !cancelled && !past && (
              <Anchor href={fillPath(calendarApi.sessionFile.path, { id: s.id })} download="session.ics" fz="sm">
                <Group gap={4} wrap="nowrap" component="span">
                  <IconCalendarPlus size={16} aria-hidden="true" /> Add to calendar
                </Group>
              </Anchor>
            )}
          </Group>
          {past && !cancelled && <SessionRecording session={s} canEdit={canEdit} />}
          {canEdit && published && !past && !cancelled && s.seats !== null && s.waitlistCount > s.seats && (
            <Text fz="sm" className="text-warn" fw={600}>
              {s.waitlistCount} people wait for {s.seats} {s.seats === 1 ? 'seat' : 'seats'}:{' '}
              <Anchor component={Link} to={`/workshops/${s.workshopId}/sessions/new`} fz="sm" fw={600} underline="always">
                schedule another session
              </Anchor>{' '}
              and they are told.
            </Text>
          )}
        </Stack>
        <div data-slot="session-actions" className="session-actions">
          <RegistrationActions session={s} published={published} title={workshopTitle} hosting={hosting} />
          {(canEdit || onRemove || onEdit) && (
            <Group gap="xs" className="reg-actions">
              {canEdit && published && (
                <Button
                  component={Link}
                  to={`/sessions/${s.id}/roster`}
                  aria-label={`Roster for ${formatDateTime(s.startsAt, zone)}`}
                  variant="default"
                  size="xs"
                  leftSection={<IconUsers size={14} aria-hidden="true" />}
                >
                  Roster
                </Button>
              )}
              {onEdit && !cancelled && !past && (
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden="true" />}
                  aria-label={`Edit the session on ${formatDateTime(s.startsAt, zone)}`}
                  onClick={() => onEdit(s)}
                >
                  Edit
                </Button>
              )}
              {onRemove && !cancelled && !past && (
                <Button variant="subtle" color="red" size="xs" onClick={() => onRemove(s)}>
                  {removeLabel}
                </Button>
              )}
            </Group>
          )}
        </div>
      </Group>
    </Card>
  );
}
