import { Grid, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { WorkshopRequest } from '../../contracts/index.js';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useMe, useViewerZone } from '../features/auth/hooks';
import { type RequestStatus, useRequests } from '../features/requests/hooks';
import { LinkWorkshopModal } from '../features/requests/LinkWorkshopModal';
import { RequestCard } from '../features/requests/RequestCard';
import { RequestForm } from '../features/requests/RequestForm';

const statuses: { value: RequestStatus | 'any'; label: string }[] = [
  { value: 'any', label: 'All' },
  { value: 'open', label: 'Open' },
  { value: 'claimed', label: 'Being prepared' },
  { value: 'answered', label: 'Answered' },
];

/** What colleagues would like to learn, most votes first; hosts pick a topic up and link their workshop. */
export function RequestsPage() {
  useDocumentTitle('Requests · Lyceum');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: RequestStatus | null = raw === 'claimed' || raw === 'answered' || raw === 'open' ? raw : null;
  const requests = useRequests(status);
  const me = useMe();
  const zone = useViewerZone();
  const [linking, setLinking] = useState<WorkshopRequest | null>(null);
  const items = requests.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Requests</Title>
        <Text c="dimmed">Ask for a workshop, upvote the ones you want too, or pick one up and host it.</Text>
      </div>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <RequestForm initialTitle={params.get('title') ?? ''} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="sm">
            <SegmentedControl
              w="fit-content"
              aria-label="Show requests"
              value={status ?? 'any'}
              onChange={(v) => setParams(v === 'any' ? {} : { status: v }, { replace: true })}
              data={statuses}
            />
            <div aria-live="polite">
              {requests.isPending && <ListSkeleton count={3} />}
              {requests.isError && (
                <ErrorNotice error={requests.error} onRetry={() => void requests.refetch()} title="Requests could not load" />
              )}
              {requests.isSuccess && items.length === 0 && (
                <Empty
                  icon={<IconBulb size={32} aria-hidden="true" />}
                  title={status === null ? 'No requests yet — ask for the first one' : 'None here yet'}
                  description="Say what you would like to learn. Colleagues upvote, and someone who knows the topic can offer to host it."
                />
              )}
              <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Requests, most votes first">
                {items.map((r) => (
                  <RequestCard key={r.id} request={r} meId={me.data?.id ?? ''} zone={zone} onLink={setLinking} />
                ))}
              </Stack>
              <LoadMore query={requests} label="More requests" />
            </div>
          </Stack>
        </Grid.Col>
      </Grid>
      <LinkWorkshopModal request={linking} onClose={() => setLinking(null)} />
    </Stack>
  );
}
