import { Anchor, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { HitGrid } from './HitGrid';
import { useNewest } from './hooks';

const WEEK_MS = 7 * 24 * 3_600_000;

/** Workshops published in the last seven days: what colleagues just started to teach. */
export function NewThisWeek() {
  const newest = useNewest(4);
  const since = Date.now() - WEEK_MS;
  const items = (newest.data?.items ?? []).filter((hit) => Date.parse(hit.workshop.publishedAt) >= since);
  return (
    <section aria-labelledby="new-this-week">
      <Title order={2} fz="h3" id="new-this-week" mb="xs">
        New this week
      </Title>
      {newest.isPending && <ListSkeleton count={2} />}
      {newest.isError && <ErrorNotice error={newest.error} onRetry={() => void newest.refetch()} title="New workshops could not load" />}
      {newest.isSuccess && items.length === 0 && (
        <Text c="dimmed">
          Nothing new this week.{' '}
          <Anchor component={Link} to="/workshops/new">
            Share what you know
          </Anchor>{' '}
          — a workshop takes three fields to start.
        </Text>
      )}
      <HitGrid items={items.map((hit) => ({ hit }))} label="New this week" list="new" />
    </section>
  );
}
