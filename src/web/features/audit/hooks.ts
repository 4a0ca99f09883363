import { useInfiniteQuery } from '@tanstack/react-query';
import { auditApi } from '../../../contracts/index.js';
import { call, withQuery } from '../../api/client';

/** What the audit log page filters by; every value is in the page's URL. */
export type AuditFilterValues = {
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

/** The query keys of this feature. */
export const auditKeys = {
  all: ['audit'] as const,
  list: (f: AuditFilterValues) => ['audit', 'list', f.actor ?? '', f.action ?? '', f.from ?? '', f.to ?? ''] as const,
};

export function useAuditLog(filters: AuditFilterValues) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => call(auditApi.list, { query: { ...filters, limit: 50, cursor: pageParam } }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The same entries as a CSV file (the browser downloads it with the session cookie). */
export const auditCsvHref = (filters: AuditFilterValues) => withQuery(auditApi.csv.path, { ...filters });
