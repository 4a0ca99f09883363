import { Card, Stack, Text, Title } from '@mantine/core';
import type { SearchHit } from '../../../../contracts/index.js';
import { CalendarItem } from './CalendarItem';
import { fullDay } from './calendarModel';

/** The chosen day's sessions under the grid, where a phone has no room for them inside it. */
export function DayAgenda({ day, hits, zone }: { day: string; hits: SearchHit[]; zone: string }) {
  return (
    <Card withBorder padding="sm" aria-live="polite">
      <Title order={4} fz="sm" mb={6}>
        {fullDay(day)}
      </Title>
      {hits.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No sessions on this day.
        </Text>
      ) : (
        <Stack gap={6}>
          {hits.map((h) => (
            <CalendarItem key={h.workshop.id} hit={h} zone={zone} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
