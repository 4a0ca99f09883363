import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus, IconSchool } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useMe } from '../features/auth/hooks';
import { useWorkshops } from '../features/workshops/hooks';
import { WorkshopCard } from '../features/workshops/WorkshopCard';

type StatusFilter = 'all' | 'draft' | 'published';

export function MyWorkshopsPage() {
  useDocumentTitle('My workshops · Lyceum');
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: StatusFilter = raw === 'draft' || raw === 'published' ? raw : 'all';
  const hostId = me.data?.id ?? '';
  const workshops = useWorkshops({ hostId, status: status === 'all' ? undefined : status }, hostId !== '');
  const items = workshops.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My workshops</Title>
          <Text c="dimmed">Workshops you host or co-host, drafts included.</Text>
        </div>
        <Button component={Link} to="/workshops/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
          Create a workshop
        </Button>
      </Group>
      <SegmentedControl
        w="fit-content"
        aria-label="Show"
        value={status}
        onChange={(value) => setParams(value === 'all' ? {} : { status: value }, { replace: true })}
        data={[
          { value: 'all', label: 'All' },
          { value: 'draft', label: 'Drafts' },
          { value: 'published', label: 'Published' },
        ]}
      />
      {workshops.isPending && <ListSkeleton count={3} />}
      {workshops.isError && <ErrorNotice error={workshops.error} onRetry={() => void workshops.refetch()} />}
      {workshops.isSuccess && items.length === 0 && (
        <Empty
          icon={<IconSchool size={32} aria-hidden="true" />}
          title={status === 'all' ? 'You are not hosting anything yet' : status === 'draft' ? 'No drafts' : 'Nothing published yet'}
          description="Share what you know: a title, a one-line summary and a format are enough to start. It stays a draft until you publish it."
        >
          <Button component={Link} to="/workshops/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            Create a workshop
          </Button>
        </Empty>
      )}
      <Stack gap="sm">
        {items.map((w) => (
          <WorkshopCard key={w.id} workshop={w} />
        ))}
      </Stack>
      <LoadMore query={workshops} />
    </Stack>
  );
}
