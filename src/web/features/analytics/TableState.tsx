import { Skeleton } from '@mantine/core';
import { ErrorNotice } from '../../components/States';

type QueryLike = { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };

/** A table's loading placeholder or error, else its content. */
export function TableState({ query, what, children }: { query: QueryLike; what: string; children: React.ReactNode }) {
  if (query.isPending) return <Skeleton height={160} aria-label={`${what}: loading`} />;
  if (query.isError) return <ErrorNotice error={query.error} onRetry={() => void query.refetch()} title={`${what} could not load`} />;
  return children;
}
