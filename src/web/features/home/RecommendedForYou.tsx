import { Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { HitGrid } from './HitGrid';
import { HOME_ROW, useRecommendations } from './hooks';

/** One row: two cards across on a wide screen. */
const FIRST = HOME_ROW;

/** Sessions picked for me, each with the reason it is shown ("Because you follow Security"). */
export function RecommendedForYou() {
  const recs = useRecommendations();
  const [all, setAll] = useState(false);
  const items = recs.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <section aria-labelledby="recommended">
      <Group justify="space-between" mb="xs">
        <Title order={2} fz="h3" id="recommended">
          Recommended for you
        </Title>
        <Anchor component={Link} to="/channels" fz="sm">
          Follow channels to tune these
        </Anchor>
      </Group>
      {recs.isPending && <ListSkeleton count={2} />}
      {recs.isError && <ErrorNotice error={recs.error} onRetry={() => void recs.refetch()} title="Recommendations could not load" />}
      {recs.isSuccess && items.length === 0 && (
        <Text c="dimmed">
          Nothing to recommend yet.{' '}
          <Anchor component={Link} to="/channels">
            Follow a few channels
          </Anchor>{' '}
          or hosts, and their next sessions show up here.
        </Text>
      )}
      <HitGrid items={shown.map((r) => ({ hit: r.hit, reason: r.reason.text }))} label="Recommended sessions" list="rec" />
      {items.length > FIRST && (
        <Group justify="center" mt="sm">
          <Button variant="default" onClick={() => setAll(!all)}>
            {all ? 'Show fewer' : `Show all ${items.length} recommendations`}
          </Button>
        </Group>
      )}
    </section>
  );
}
