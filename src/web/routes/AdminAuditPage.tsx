import { Button, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconHistory } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { AuditFilters } from '../features/audit/AuditFilters';
import { AuditTable } from '../features/audit/AuditTable';
import { type AuditFilterValues, auditCsvHref, useAuditLog } from '../features/audit/hooks';
import { useViewerZone } from '../features/auth/hooks';
import { EducationHeader } from '../features/education/EducationHeader';

const KEYS = ['actor', 'action', 'from', 'to'] as const;

export function AdminAuditPage() {
  useDocumentTitle('Audit log · Lyceum');
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  );
}

/** The audit log: filters in the URL, a page of 50 at a time, and the same selection as CSV. */
function AuditLog() {
  const zone = useViewerZone();
  const [params, setParams] = useSearchParams();
  const filters: AuditFilterValues = Object.fromEntries(KEYS.flatMap((k) => (params.get(k) ? [[k, params.get(k) as string]] : [])));
  // A period the wrong way round is not asked for: the server would refuse it (400).
  const usable = !(filters.from && filters.to && filters.from > filters.to);
  const log = useAuditLog(usable ? filters : { ...filters, from: undefined, to: undefined });
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  const set = (change: Partial<AuditFilterValues>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(change)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };

  return (
    <Stack gap="md">
      <EducationHeader
        title="Audit log"
        description="Sign-ins, API tokens, integrations, templates and admins' changes: who did what, when and from where."
        actions={
          <Button
            component="a"
            href={auditCsvHref(usable ? filters : {})}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            Download CSV
          </Button>
        }
      />
      <AuditFilters filters={filters} set={set} clear={() => setParams({}, { replace: true })} />
      {log.isPending && <ListSkeleton count={4} height={48} />}
      {log.isError && <ErrorNotice error={log.error} onRetry={() => void log.refetch()} title="The audit log could not load" />}
      {log.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconHistory size={32} aria-hidden="true" />}
          title="Nothing recorded here"
          description="No entry matches these filters. Entries older than the retention period are deleted."
        />
      )}
      {items.length > 0 && <AuditTable entries={items} zone={zone} />}
      <LoadMore query={log} />
    </Stack>
  );
}
