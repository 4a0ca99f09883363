import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice, ListSkeleton } from '../components/States';
import { useMe } from '../features/auth/hooks';
import { ChecklistRunView } from '../features/checklists/ChecklistRunView';
import { useChecklistRun, useStartRun } from '../features/checklists/runHooks';
import { TemplateChooser } from '../features/checklists/TemplateChooser';
import { useWorkshop } from '../features/workshops/hooks';
import { notifyError, notifySuccess } from '../lib/forms';
import { NotFoundPage } from './NotFoundPage';

/** A workshop's instructional checklist, for its hosts: choose a template, then work through it. */
export function ChecklistPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const me = useMe();
  const canEdit = workshop.data?.canEdit ?? false;
  const run = useChecklistRun(id, canEdit);
  const start = useStartRun(id);
  const title = workshop.data?.title;
  useDocumentTitle(title ? `Checklist · ${title} · Lyceum` : 'Checklist · Lyceum');

  if (workshop.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="40%" />
        <Skeleton height={80} />
        <ListSkeleton count={3} />
      </Stack>
    );
  }
  if (workshop.isError) {
    if (isApiError(workshop.error) && workshop.error.status === 404) return <NotFoundPage what="workshop" />;
    return <ErrorNotice error={workshop.error} onRetry={() => void workshop.refetch()} title="This workshop could not load" />;
  }
  const w = workshop.data;
  // Admins may look at any checklist, but only hosts start and answer one.
  const isHost = w.hosts.some((h) => h.id === me.data?.id);

  const header = (
    <Stack gap={4}>
      <Anchor component={Link} to={`/workshops/${w.id}`} fz="sm">
        ← {w.title}
      </Anchor>
      <Title order={1}>{run.data ? `Checklist: ${run.data.templateName}` : 'Checklist'}</Title>
      <Text c="dimmed">Optional — publishing and registration never wait on it. Use what helps, mark the rest “not applicable”.</Text>
    </Stack>
  );

  if (!canEdit) {
    return (
      <Stack>
        {header}
        <Text>A workshop’s checklist is for its hosts. Ask a host to add you as a co-host if you are preparing it together.</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      {header}
      {run.isPending && <ListSkeleton count={4} />}
      {run.isError && <ErrorNotice error={run.error} onRetry={() => void run.refetch()} title="The checklist could not load" />}
      {run.data && <ChecklistRunView run={run.data} workshop={w} />}
      {run.isSuccess && run.data === null && !isHost && <Text>This workshop does not use a checklist. Only its hosts can start one.</Text>}
      {run.isSuccess && run.data === null && isHost && (
        <Stack gap="md">
          <div>
            <Title order={2} fz="h3">
              Prepare with a checklist?
            </Title>
            <Text>
              Short yes/no items from the education team, from knowing your audience to following up weeks later. Pick one, or carry on
              without: nothing changes for your workshop either way.
            </Text>
          </div>
          <TemplateChooser
            workshop={w}
            busyId={start.isPending ? (start.variables ?? null) : null}
            onChoose={(t) =>
              start.mutate(t.id, {
                onSuccess: () => notifySuccess(`Started ${t.name}. Answer what you can; skip the rest.`),
                onError: (err) => notifyError(err, 'Could not start the checklist'),
              })
            }
          />
          <Group>
            <Button
              component={Link}
              to={`/workshops/${w.id}`}
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden="true" />}
            >
              No checklist, back to the workshop
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
