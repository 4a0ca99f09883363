import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { Empty } from '../components/Empty';
import { ErrorNotice } from '../components/States';
import { SummaryView } from '../features/feedback/SummaryView';
import { WorkshopTabs } from '../features/feedback/WorkshopTabs';
import { useWorkshop } from '../features/workshops/hooks';
import { WorkshopStatusBadge } from '../features/workshops/StatusBadge';
import { NotFoundPage } from './NotFoundPage';

/** The workshop's Feedback tab (hosts, co-hosts, admins): the same header as the workshop page, then the summary. */
export function WorkshopFeedbackPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get('sessionId') || undefined;
  const workshop = useWorkshop(id);
  useDocumentTitle(workshop.data ? `Feedback · ${workshop.data.title} · Lyceum` : 'Feedback · Lyceum');

  if (workshop.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="60%" />
        <Skeleton height={16} width="40%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (workshop.isError) {
    if (isApiError(workshop.error) && workshop.error.status === 404) return <NotFoundPage what="workshop" />;
    return <ErrorNotice error={workshop.error} onRetry={() => void workshop.refetch()} title="This workshop could not load" />;
  }
  const w = workshop.data;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="sm" align="center">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {w.title}
          </Title>
          {w.status === 'draft' && <WorkshopStatusBadge status="draft" />}
        </Group>
        <Text fz="sm" c="dimmed">
          Hosted by{' '}
          {w.hosts.map((h, i) => (
            <span key={h.id}>
              {i > 0 && (i === w.hosts.length - 1 ? ' and ' : ', ')}
              <Anchor component={Link} to={`/people/${h.id}`} fz="sm">
                {h.name}
              </Anchor>
            </span>
          ))}
        </Text>
        {w.canEdit && <WorkshopTabs workshopId={w.id} current="feedback" />}
      </Stack>
      {w.canEdit ? (
        <SummaryView
          workshopId={w.id}
          sessionId={sessionId}
          onSessionChange={(next) => setParams(next ? { sessionId: next } : {}, { replace: true })}
        />
      ) : (
        <Empty
          icon={<IconLock size={32} aria-hidden="true" />}
          title="Feedback is for the workshop's hosts and the education team"
          description="Learners' answers are shown to the people who run the workshop, never with names."
        >
          <Button component={Link} to={`/workshops/${w.id}`}>
            Back to the workshop
          </Button>
        </Empty>
      )}
    </Stack>
  );
}
