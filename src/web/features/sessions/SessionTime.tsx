import { Badge, Group, Stack, Text } from '@mantine/core';
import { relativeHint, sessionTimeText } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';

type Props = { startsAt: string; endsAt: string; timeZone: string; struck?: boolean; size?: 'sm' | 'md' };

/** A session's time in the viewer's zone, its own zone beside it when different, and "in 2 hours". */
export function SessionTime({ startsAt, endsAt, timeZone, struck = false, size = 'md' }: Props) {
  const viewerZone = useViewerZone();
  const text = sessionTimeText(startsAt, endsAt, timeZone, viewerZone);
  const hint = struck ? null : relativeHint(startsAt, endsAt, viewerZone);
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <Text component="time" dateTime={startsAt} fw={600} fz={size} className={struck ? 'struck' : undefined}>
          {text.local}{' '}
          <Text span c="dimmed" fz="sm" fw={400}>
            {text.localZone}
          </Text>
        </Text>
        {hint && (
          <Badge variant="light" color={hint === 'happening now' ? 'green' : 'lyceum'} size="sm" tt="none">
            {hint}
          </Badge>
        )}
      </Group>
      {text.sessionZone && (
        <Text fz="xs" c="dimmed" className={struck ? 'struck' : undefined}>
          {text.sessionZone}
        </Text>
      )}
    </Stack>
  );
}
