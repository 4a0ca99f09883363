import { Text, Title } from '@mantine/core';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { useMyRegistrations } from '../registrations/hooks';
import { HitGrid } from './HitGrid';
import { HOME_ROW, useRecommendations, useStartingSoon } from './hooks';

/** "Starting soon with seats left": the coming week, for people who have an hour to spare. */
export function StartingSoon() {
  // One row: two cards across on a wide screen, leaving out what I am already registered for
  // (it is in "Your next sessions" just above); the catalog has the rest.
  const soon = useStartingSoon(6);
  const mine = useMyRegistrations('upcoming');
  const recs = useRecommendations();
  // Nor what the row above already shows.
  const booked = new Set([
    ...(mine.data?.pages ?? []).flatMap((p) => p.items.map((e) => e.workshop.id)),
    ...(recs.data?.items ?? []).slice(0, HOME_ROW).map((r) => r.hit.workshop.id),
  ]);
  const items = (soon.data?.items ?? []).filter((hit) => !booked.has(hit.workshop.id)).slice(0, HOME_ROW);
  return (
    <section aria-labelledby="starting-soon">
      <Title order={2} fz="h3" id="starting-soon" mb="xs">
        Starting soon with seats left
      </Title>
      {soon.isPending && <ListSkeleton count={2} />}
      {soon.isError && <ErrorNotice error={soon.error} onRetry={() => void soon.refetch()} title="These sessions could not load" />}
      {soon.isSuccess && items.length === 0 && (
        <Text c="dimmed">Every session of the coming week is full; their waitlists are open in the catalog.</Text>
      )}
      <HitGrid items={items.map((hit) => ({ hit }))} label="Starting soon" list="soon" />
    </section>
  );
}
