import { Alert, Button, Group, Text } from '@mantine/core';
import { IconBell, IconCalendarPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Workshop } from '../../../contracts/index.js';
import { useInterest } from './hooks';
import { NotifyMeButton } from './NotifyMeButton';

const people = (n: number) => (n === 1 ? '1 person wants' : `${n.toLocaleString('en-GB')} people want`);

/**
 * Nothing scheduled: learners ask to be told when it runs again; hosts see that demand
 * ("42 people want another run") next to the button that answers it.
 */
export function RunAgainCard({ workshop: w }: { workshop: Workshop }) {
  if (w.status !== 'published' || w.upcomingSessionCount > 0) return null;
  if (w.canEdit) return <Demand workshop={w} />;
  return (
    <Alert color="gray" variant="light" icon={<IconBell aria-hidden="true" />} title="Nothing scheduled right now">
      <Group justify="space-between" gap="sm">
        <Text fz="sm">Ask to be notified: the hosts see how many people are waiting for another run.</Text>
        <NotifyMeButton workshopId={w.id} title={w.title} />
      </Group>
    </Alert>
  );
}

function Demand({ workshop: w }: { workshop: Workshop }) {
  const interest = useInterest(w.id);
  const n = interest.data?.interestCount ?? 0;
  return (
    <Alert
      color="lyceum"
      variant="light"
      icon={<IconBell aria-hidden="true" />}
      title={n > 0 ? `${people(n)} another run` : 'Nothing scheduled'}
    >
      <Group justify="space-between" gap="sm">
        <Text fz="sm">
          {n > 0
            ? 'They asked to be notified when it runs again. Schedule a session to answer them.'
            : 'People can ask to be notified when it runs again; their number shows here.'}
        </Text>
        <Button
          component={Link}
          to={`/workshops/${w.id}/sessions/new`}
          size="xs"
          leftSection={<IconCalendarPlus size={16} aria-hidden="true" />}
        >
          Schedule a session
        </Button>
      </Group>
    </Alert>
  );
}
