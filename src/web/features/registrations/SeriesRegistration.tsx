import { Alert, Button, Group, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import type { Session, Workshop } from '../../../contracts/index.js';
import { useSeriesRegistration } from './hooks';

/** For a workshop marked as a series: one registration for every upcoming part, or none. */
export function SeriesRegistration({ workshop, upcoming }: { workshop: Workshop; upcoming: Session[] }) {
  const parts = upcoming.filter((s) => s.status === 'scheduled');
  const mine = parts.filter((s) => s.myRegistration);
  const { join, leave } = useSeriesRegistration(workshop.id);
  if (workshop.status !== 'published' || parts.length < 2) return null;

  return (
    <Alert color="indigo" variant="light" icon={<IconStack2 aria-hidden="true" />} title={`A series of ${parts.length} parts`} mb="sm">
      <Group justify="space-between" gap="sm">
        <Text size="sm">
          {mine.length === 0
            ? 'The parts build on each other: register once for all of them.'
            : `You are registered for ${mine.length} of ${parts.length} parts.`}
        </Text>
        {mine.length === 0 ? (
          <Button onClick={() => join.mutate()} loading={join.isPending}>
            Register for all {parts.length} parts
          </Button>
        ) : (
          <Button variant="subtle" color="red" onClick={() => leave.mutate()} loading={leave.isPending}>
            Leave all parts
          </Button>
        )}
      </Group>
    </Alert>
  );
}
