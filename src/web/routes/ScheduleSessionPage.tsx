import { Anchor, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { useMe, useViewerZone } from '../features/auth/hooks';
import { ScheduleForm } from '../features/sessions/ScheduleForm';
import { useWorkshop } from '../features/workshops/hooks';
import { notifySuccess } from '../lib/forms';
import { NotFoundPage } from './NotFoundPage';

export function ScheduleSessionPage() {
  const { id = '' } = useParams();
  const workshop = useWorkshop(id);
  const me = useMe();
  const zone = useViewerZone();
  const navigate = useNavigate();
  useDocumentTitle(workshop.data ? `Schedule ${workshop.data.title} · Lyceum` : 'Schedule a session · Lyceum');

  if (workshop.isPending) return <Skeleton height={400} />;
  if (workshop.isError) {
    if (isApiError(workshop.error) && workshop.error.status === 404) return <NotFoundPage what="workshop" />;
    return <ErrorNotice error={workshop.error} onRetry={() => void workshop.refetch()} />;
  }
  const w = workshop.data;
  const back = `/workshops/${w.id}`;
  if (!w.canEdit) {
    return (
      <Stack>
        <Title order={1}>Only hosts can schedule sessions</Title>
        <Text>
          Ask a host of{' '}
          <Anchor component={Link} to={back}>
            {w.title}
          </Anchor>{' '}
          to add you as a co-host.
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md" maw={760}>
      <div>
        <Anchor component={Link} to={back} fz="sm">
          ← {w.title}
        </Anchor>
        <Title order={1}>Schedule a session</Title>
        <Text c="dimmed">We filled in next week at 10:00 in your time zone; change anything you like.</Text>
      </div>
      <Card withBorder padding="lg">
        <ScheduleForm
          workshop={w}
          me={me.data ?? null}
          viewerZone={zone}
          onCancel={() => navigate(back)}
          onDone={(sessions) => {
            notifySuccess(sessions.length === 1 ? 'The session is scheduled.' : `${sessions.length} sessions are scheduled.`, 'Scheduled');
            navigate(back);
          }}
        />
      </Card>
    </Stack>
  );
}
