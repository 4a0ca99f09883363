import { Alert, Anchor, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEdit, IconInfoCircle, IconWorldUpload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { ChannelChips } from '../features/channels/ChannelChips';
import { RunAgainCard } from '../features/channels/RunAgainCard';
import { WorkshopChannelsCard } from '../features/channels/WorkshopChannelsCard';
import { ChecklistButton, PreparedWithBadge } from '../features/checklists/WorkshopChecklistLinks';
import { WorkshopTabs } from '../features/feedback/WorkshopTabs';
import { WorkshopSessions } from '../features/sessions/WorkshopSessions';
import { HostsCard } from '../features/workshops/HostsCard';
import { usePublishWorkshop, useWorkshop } from '../features/workshops/hooks';
import { WorkshopStatusBadge } from '../features/workshops/StatusBadge';
import { WorkshopAbout, WorkshopFacts } from '../features/workshops/WorkshopAbout';
import { notifyError, notifySuccess } from '../lib/forms';
import { NotFoundPage } from './NotFoundPage';

export function WorkshopPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const publish = usePublishWorkshop(id);
  useDocumentTitle(workshop.data ? `${workshop.data.title} · Lyceum` : 'Workshop · Lyceum');

  if (workshop.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="60%" />
        <Skeleton height={16} width="80%" />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (workshop.isError) {
    if (isApiError(workshop.error) && workshop.error.status === 404) return <NotFoundPage what="workshop" />;
    return <ErrorNotice error={workshop.error} onRetry={() => void workshop.refetch()} title="This workshop could not load" />;
  }
  const w = workshop.data;
  const hosts = w.hosts;

  const doPublish = () =>
    publish.mutate(undefined, {
      onSuccess: () =>
        notifySuccess(
          w.upcomingSessionCount > 0
            ? `It is in the catalog now with ${w.upcomingSessionCount === 1 ? 'its session' : `its ${w.upcomingSessionCount} sessions`}: people can register.`
            : 'It is in the catalog now. Schedule a session so people can sign up.',
          'Published',
        ),
      onError: (err) => notifyError(err, 'Could not publish'),
    });

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1}>{w.title}</Title>
          {w.status === 'draft' && <WorkshopStatusBadge status="draft" />}
        </Group>
        <Text fz="sm" c="dimmed">
          Hosted by{' '}
          {hosts.map((h, i) => (
            <span key={h.id}>
              {i > 0 && (i === hosts.length - 1 ? ' and ' : ', ')}
              <Anchor component={Link} to={`/people/${h.id}`} fz="sm">
                {h.name}
              </Anchor>
            </span>
          ))}
        </Text>
        {w.canEdit && <WorkshopTabs workshopId={w.id} current="about" />}
        <Text fz="lg">{w.summary}</Text>
        <ChannelChips channels={w.channels} size="md" />
        {w.preparedWith && (
          <Group>
            <PreparedWithBadge workshop={w} />
          </Group>
        )}
        {w.canEdit && (
          <Group gap="sm" mt="xs">
            {w.status === 'draft' && (
              <Button onClick={doPublish} loading={publish.isPending} leftSection={<IconWorldUpload size={18} aria-hidden="true" />}>
                Publish
              </Button>
            )}
            <Button
              component={Link}
              to={`/workshops/${w.id}/edit`}
              variant="default"
              leftSection={<IconEdit size={18} aria-hidden="true" />}
            >
              Edit
            </Button>
            <ChecklistButton workshop={w} />
          </Group>
        )}
        {w.status === 'draft' && w.canEdit && (
          <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            This is a draft: only its hosts and admins can see it. Publish it to put its sessions in the catalog.
          </Alert>
        )}
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <RunAgainCard workshop={w} />
            <WorkshopSessions workshop={w} />
            <WorkshopAbout workshop={w} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <HostsCard workshop={w} />
            {w.canEdit && <WorkshopChannelsCard workshop={w} />}
            <WorkshopFacts workshop={w} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
