import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { checkInBody } from '../../../contracts/index.js';
import { contractValidator, errorMessage, notifySuccess, serverFieldErrors } from '../../lib/forms';
import { useSelfCheckIn } from './hooks';

const validateCheckIn = contractValidator(checkInBody);

type Props = { sessionId: string; title: string; opened: boolean; onClose: () => void };

/** Asks for the code the host shows in the room; a wrong code is explained next to the field. */
export function CheckInModal({ sessionId, title, opened, onClose }: Props) {
  const form = useForm({ initialValues: { code: '' }, validate: validateCheckIn });
  const checkIn = useSelfCheckIn(sessionId);

  const close = () => {
    form.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    checkIn.mutate(checkInBody.parse(values).code, {
      onSuccess: () => {
        notifySuccess('Enjoy the session.', 'You are checked in');
        close();
      },
      onError: (err) => form.setErrors({ code: serverFieldErrors(err).code ?? errorMessage(err) }),
    });
  });

  return (
    <Modal opened={opened} onClose={close} title="Check in" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text fz="sm">{title}</Text>
          <TextInput
            label="Check-in code"
            description="The host shows it in the room or on the screen."
            placeholder="K7QX2M"
            value={form.values.code}
            onChange={(e) => form.setFieldValue('code', e.currentTarget.value.toUpperCase())}
            error={form.errors.code}
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
