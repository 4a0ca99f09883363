import { Alert, Button, Card, Group, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { errorMessage } from '../lib/forms';

/** Card-shaped placeholders while a list loads. */
export function ListSkeleton({ count = 4, height = 96 }: { count?: number; height?: number }) {
  return (
    <Stack gap="sm" aria-busy="true" aria-label="Loading">
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Card key={i} withBorder padding="md">
          <Skeleton height={18} width="55%" mb="sm" />
          <Skeleton height={12} width="85%" mb={8} />
          <Skeleton height={12} width="40%" />
          {height > 96 && <Skeleton height={height - 96} mt="sm" />}
        </Card>
      ))}
    </Stack>
  );
}

/** An error as a notice with a retry button. */
export function ErrorNotice({ error, onRetry, title = 'Could not load this' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} title={title} role="alert">
      <Stack gap="xs">
        <span>{errorMessage(error)}</span>
        {onRetry && (
          <Group>
            <Button size="xs" variant="default" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

type InfiniteLike = { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };

/** "Load more" for cursor-paged lists. */
export function LoadMore({ query, label = 'Load more' }: { query: InfiniteLike; label?: string }) {
  if (!query.hasNextPage) return null;
  return (
    <Group justify="center" mt="md">
      <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
        {label}
      </Button>
    </Group>
  );
}
