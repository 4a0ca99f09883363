import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { useMyRegistrations } from '../registrations/hooks';
import { LearningCard } from '../registrations/LearningCard';

const SHOWN = 3;

/** What I am registered for next, with check-in when it is time (LearningCard's actions). */
export function NextSessions() {
  const upcoming = useMyRegistrations('upcoming');
  const items = upcoming.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section aria-labelledby="next-sessions">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h3" id="next-sessions">
          Your next sessions
        </Title>
        {items.length > 0 && (
          <Anchor component={Link} to="/my/learning" fz="sm">
            All of My learning
          </Anchor>
        )}
      </Group>
      {upcoming.isPending && <ListSkeleton count={1} />}
      {upcoming.isError && (
        <ErrorNotice error={upcoming.error} onRetry={() => void upcoming.refetch()} title="Your sessions could not load" />
      )}
      {upcoming.isSuccess && items.length === 0 && (
        <Text c="dimmed">Nothing booked yet. Find a session in the catalog: it shows up here, with check-in when it starts.</Text>
      )}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.slice(0, SHOWN).map((e) => (
          <LearningCard key={e.id} entry={e} />
        ))}
      </Stack>
    </section>
  );
}
