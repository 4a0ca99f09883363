import { Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconHash, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Empty } from '../components/Empty';
import { ErrorNotice, ListSkeleton, LoadMore } from '../components/States';
import { useMe } from '../features/auth/hooks';
import { ChannelCard } from '../features/channels/ChannelCard';
import { ChannelFormModal } from '../features/channels/ChannelFormModal';
import { useChannels } from '../features/channels/hooks';
import { useUrlSearch } from '../lib/useUrlSearch';

/** Topic hubs: find one, follow it, and its sessions are recommended to you. */
export function ChannelsPage() {
  useDocumentTitle('Channels · Lyceum');
  const { input, setInput, value: q, params, setParams } = useUrlSearch('q', 150);
  const following = params.get('following') === 'true';
  const channels = useChannels(q, following);
  const items = channels.data?.pages.flatMap((p) => p.items) ?? [];
  const isAdmin = useMe().data?.role === 'admin';
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();

  const setFollowing = (on: boolean) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (on) next.set('following', 'true');
      else next.delete('following');
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Channels</Title>
          <Text c="dimmed">Topic hubs. Follow the ones you care about: their new sessions are recommended to you on the home page.</Text>
        </div>
        {isAdmin && (
          <Button variant="light" leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setCreating(true)}>
            New channel
          </Button>
        )}
      </Group>
      {isAdmin && creating && (
        <ChannelFormModal channel={null} opened onClose={() => setCreating(false)} onSaved={(c) => navigate(`/channels/${c.slug}`)} />
      )}
      <TextInput
        size="md"
        type="search"
        maxLength={100}
        label="Search channels"
        placeholder="Security, data, frontend…"
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        value={input}
        onChange={(e) => setInput(e.currentTarget.value)}
      />
      <SegmentedControl
        w="fit-content"
        aria-label="Which channels"
        value={following ? 'following' : 'all'}
        onChange={(v) => setFollowing(v === 'following')}
        data={[
          { value: 'all', label: 'All channels' },
          { value: 'following', label: 'Following' },
        ]}
      />
      <div aria-live="polite">
        {channels.isPending && <ListSkeleton count={4} />}
        {channels.isError && <ErrorNotice error={channels.error} onRetry={() => void channels.refetch()} title="Channels could not load" />}
        {channels.isSuccess && items.length === 0 && (
          <Empty
            icon={<IconHash size={32} aria-hidden="true" />}
            title={following ? 'You follow no channels yet' : q ? `No channel matches “${q}”` : 'No channels yet'}
            description={
              following
                ? 'Follow a few from “All channels”: their sessions will be recommended to you.'
                : 'Channels are created by the education team. Tags on workshops work for anything in between.'
            }
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Channels">
          {items.map((c) => (
            <ChannelCard key={c.slug} channel={c} />
          ))}
        </SimpleGrid>
        <LoadMore query={channels} label="Show more channels" />
      </div>
    </Stack>
  );
}
