import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Session } from '../../../contracts/index.js';

/** "Cancel your registration?" / "Leave the waitlist?", loaded when first asked (see RegistrationActions). */
export function LeaveModal(props: { opened: boolean; session: Session; name: string; onClose: () => void; onConfirm: () => void }) {
  const { session: s, name } = props;
  const reg = s.myRegistration;
  const waitlisted = reg?.status === 'waitlisted';
  const late = Date.parse(s.startsAt) - Date.now() < 24 * 3600_000;
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={waitlisted ? 'Leave the waitlist?' : 'Cancel your registration?'} centered>
      <Stack>
        <Text>{name}</Text>
        <Text fz="sm">
          {waitlisted
            ? 'You lose your place in line. You can join again later, at the back.'
            : 'Your seat goes to the next person in line. You can register again while seats are free.'}
        </Text>
        {!waitlisted && late && (
          <Text fz="sm" className="text-warn">
            It starts in less than 24 hours, so this counts as a late cancellation.
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Keep it
          </Button>
          <Button color="red" onClick={props.onConfirm}>
            {waitlisted ? 'Leave the waitlist' : 'Cancel registration'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
