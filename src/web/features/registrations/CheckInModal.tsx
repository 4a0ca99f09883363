import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { errorMessage, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useSelfCheckIn } from './hooks';

type Props = { sessionId: string; title: string; opened: boolean; onClose: () => void };

/** Asks for the code the host shows in the room; a wrong code is explained next to the field. */
export function CheckInModal({ sessionId, title, opened, onClose }: Props) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const checkIn = useSelfCheckIn(sessionId);

  const close = () => {
    setCode('');
    setError(null);
    onClose();
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const value = code.trim();
    if (!value) {
      setError('Type the code the host shows, e.g. K7QX2M.');
      return;
    }
    checkIn.mutate(value, {
      onSuccess: () => {
        notifySuccess('Enjoy the session.', 'You are checked in');
        close();
      },
      onError: (err) => setError(serverFieldErrors(err).code ?? errorMessage(err)),
    });
  };

  return (
    <Modal opened={opened} onClose={close} title="Check in" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fz="sm">{title}</Text>
          <TextInput
            label="Check-in code"
            description="The host shows it in the room or on the screen."
            value={code}
            onChange={(e) => {
              setCode(e.currentTarget.value.toUpperCase());
              setError(null);
            }}
            error={error}
            maxLength={20}
            autoComplete="off"
            autoCapitalize="characters"
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.15em', fontSize: '1.25rem' } }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Not now
            </Button>
            <Button type="submit" loading={checkIn.isPending}>
              Check in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
