import { Badge, Button, Card, Code, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconMailCheck, IconRefresh } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { OutboxMessage } from '../../contracts/index.js';
import { AdminOnly } from '../components/AdminOnly';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { EducationHeader } from '../features/education/EducationHeader';
import { type OutboxStatus, useOutbox, useRetryMessage } from '../features/notifications/hooks';
import { topicLabel } from '../features/notifications/topics';
import { notifyError, notifySuccess } from '../lib/forms';
import { formatDateTime } from '../lib/time';

const isStatus = (v: string | null): v is OutboxStatus => v === 'pending' || v === 'done' || v === 'dead';

export function AdminOutboxPage() {
  useDocumentTitle('Outbox · Lyceum');
  return (
    <AdminOnly>
      <Outbox />
    </AdminOnly>
  );
}

const emptyCopy: Record<OutboxStatus, { title: string; description: string }> = {
  dead: { title: 'No dead letters', description: 'Every message reached its destination, or is still being tried.' },
  pending: { title: 'Nothing waiting', description: 'Messages wait here for a moment before they are delivered, and between retries.' },
  done: { title: 'Nothing delivered yet', description: 'Registrations and session changes send mail; it shows up here once delivered.' },
};

/** What Lyceum sends: waiting, delivered, and dead letters (tried too often) that can be sent again. */
function Outbox() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: OutboxStatus = isStatus(raw) ? raw : 'dead';
  const outbox = useOutbox(status);
  const counts = outbox.data?.pages[0]?.counts;
  const items = outbox.data?.pages.flatMap((p) => p.items) ?? [];
  const count = (s: OutboxStatus) => (counts ? ` (${counts[s].toLocaleString()})` : '');

  return (
    <Stack gap="md">
      <EducationHeader
        title="Outbox"
        description="Mail and invitations Lyceum sends. Failed deliveries are retried, then kept here as dead letters."
      />
      <SegmentedControl
        aria-label="Show"
        value={status}
        onChange={(v) => setParams(v === 'dead' ? {} : { status: v }, { replace: true })}
        data={[
          { value: 'dead', label: `Dead letters${count('dead')}` },
          { value: 'pending', label: `Waiting${count('pending')}` },
          { value: 'done', label: `Delivered${count('done')}` },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {outbox.isPending && <ListSkeleton count={3} height={80} />}
      {outbox.isError && <ErrorNotice error={outbox.error} onRetry={() => void outbox.refetch()} title="The outbox could not load" />}
      {outbox.isSuccess && items.length === 0 && <Empty icon={<IconMailCheck size={32} aria-hidden="true" />} {...emptyCopy[status]} />}
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages">
        {items.map((m) => (
          <MessageCard key={m.id} m={m} />
        ))}
      </Stack>
      <LoadMore query={outbox} />
    </Stack>
  );
}

function MessageCard({ m }: { m: OutboxMessage }) {
  const zone = useViewerZone();
  const retry = useRetryMessage();
  return (
    <Card component="li" withBorder padding="md" aria-label={topicLabel(m.topic)}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600}>{topicLabel(m.topic)}</Text>
            <Badge variant="light" color="gray">
              {m.channel}
            </Badge>
          </Group>
          {(m.recipient || m.about) && (
            <Text fz="sm">
              {m.recipient ? `To ${m.recipient}` : ''}
              {m.recipient && m.about ? ' · ' : ''}
              {m.about ?? ''}
            </Text>
          )}
          <Text fz="sm" c="dimmed">
            Created {formatDateTime(m.createdAt, zone)}
            {m.status === 'done' && m.doneAt ? ` · delivered ${formatDateTime(m.doneAt, zone)}` : ''}
            {m.status === 'pending' ? ` · next try ${formatDateTime(m.runAt, zone)}` : ''}
            {m.attempts > 0 ? ` · ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}` : ''}
          </Text>
          {m.lastError && (
            <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {m.lastError}
            </Code>
          )}
        </Stack>
        {m.status === 'dead' && (
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            loading={retry.isPending}
            onClick={() =>
              retry.mutate(m.id, {
                onSuccess: () => notifySuccess('It goes out with the next delivery round.', 'Sending again'),
                onError: (err) => notifyError(err, 'Could not send it again'),
              })
            }
          >
            Send again
          </Button>
        )}
      </Group>
    </Card>
  );
}
