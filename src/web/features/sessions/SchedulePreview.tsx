import { Card, List, Text } from '@mantine/core';
import { sessionTimeText } from '../../lib/time';
import { occurrences, type ScheduleValues, startEnd } from './scheduleModel';

/** What will be created, in the viewer's zone and the session's, before anyone presses the button. */
export function SchedulePreview({ values, viewerZone }: { values: ScheduleValues; viewerZone: string }) {
  const times = startEnd(values);
  const starts = occurrences(values);
  if (!times || starts.length === 0) return null;
  const length = times.end.getTime() - times.start.getTime();
  const shown = starts.slice(0, 6);
  return (
    <Card withBorder bg="gray.0" padding="sm" aria-live="polite">
      <Text fw={600} fz="sm" mb={4}>
        {starts.length === 1 ? 'You are scheduling' : `You are scheduling ${starts.length} sessions`}
      </Text>
      <List size="sm" spacing={2}>
        {shown.map((s) => {
          const t = sessionTimeText(s.toISOString(), new Date(s.getTime() + length).toISOString(), values.timeZone, viewerZone);
          return (
            <List.Item key={s.toISOString()}>
              {t.local} {t.localZone}
              {t.sessionZone && (
                <Text span c="dimmed" fz="sm">
                  {' '}
                  · {t.sessionZone}
                </Text>
              )}
            </List.Item>
          );
        })}
      </List>
      {starts.length > shown.length && (
        <Text fz="sm" c="dimmed" mt={4}>
          …and {starts.length - shown.length} more.
        </Text>
      )}
    </Card>
  );
}
