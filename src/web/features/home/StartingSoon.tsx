import { Text, Title } from '@mantine/core';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { HitGrid } from './HitGrid';
import { useStartingSoon } from './hooks';

/** "Starting soon with seats left": the coming week, for people who have an hour to spare. */
export function StartingSoon() {
  const soon = useStartingSoon(4);
  const items = soon.data?.items ?? [];
  return (
    <section aria-labelledby="starting-soon">
      <Title order={2} fz="h3" id="starting-soon" mb="xs">
        Starting soon with seats left
      </Title>
      {soon.isPending && <ListSkeleton count={2} />}
      {soon.isError && <ErrorNotice error={soon.error} onRetry={() => void soon.refetch()} title="These sessions could not load" />}
      {soon.isSuccess && items.length === 0 && (
        <Text c="dimmed">Every session of the coming week is full; the waitlists are open below.</Text>
      )}
      <HitGrid items={items.map((hit) => ({ hit }))} label="Starting soon" list="soon" />
    </section>
  );
}
