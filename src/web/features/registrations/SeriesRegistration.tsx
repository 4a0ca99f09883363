import { Alert, Button, Group, Text } from '@mantine/core';
import { IconStack2 } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Registration, Session, Workshop } from '../../../contracts/index.js';
import { api } from '../../api/client';
import { notifyError, notifySuccess } from '../../lib/forms';
import { refreshRegistrations } from './cache';

type Result = { items: Registration[] };

/** For a workshop marked as a series: one registration for every upcoming part, or none. */
export function SeriesRegistration({ workshop, upcoming }: { workshop: Workshop; upcoming: Session[] }) {
  const qc = useQueryClient();
  const parts = upcoming.filter((s) => s.status === 'scheduled');
  const mine = parts.filter((s) => s.myRegistration);
  const path = `/workshops/${encodeURIComponent(workshop.id)}/registrations`;
  const join = useMutation({
    mutationFn: () => api.post<Result>(path, {}),
    onSuccess: (r) => {
      const waiting = r.items.some((x) => x.status === 'waitlisted');
      notifySuccess(
        waiting ? 'One part is full: you wait for all parts together and move up as one.' : 'You have a seat in every part.',
        'Registered for the series',
      );
    },
    onError: (error) => notifyError(error, 'Could not register for the series'),
    onSettled: () => refreshRegistrations(qc),
  });
  const leave = useMutation({
    mutationFn: () => api.delete<Result>(`${path}/me`),
    onSuccess: () => notifySuccess('You left every upcoming part.', 'Left the series'),
    onError: (error) => notifyError(error, 'Could not leave the series'),
    onSettled: () => refreshRegistrations(qc),
  });
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
