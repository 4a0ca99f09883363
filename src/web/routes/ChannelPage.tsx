import { Anchor, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconCalendarPlus, IconEdit, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { ErrorNotice } from '../components/States';
import { useViewerZone } from '../features/auth/hooks';
import { ChannelFormModal } from '../features/channels/ChannelFormModal';
import { FollowButton } from '../features/channels/FollowButton';
import { useChannel, useFollowChannel } from '../features/channels/hooks';
import { NotifyMeButton } from '../features/channels/NotifyMeButton';
import { SearchHitCard } from '../features/search/SearchHitCard';
import { formatDate } from '../lib/time';
import { NotFoundPage } from './NotFoundPage';

/** One topic hub: what it is, who looks after it, what is coming up and what ran before. */
export function ChannelPage() {
  const { slug = '' } = useParams();
  const page = useChannel(slug);
  const follow = useFollowChannel();
  const zone = useViewerZone();
  const [editing, setEditing] = useState(false);
  useDocumentTitle(page.data ? `${page.data.channel.name} · Channels · Lyceum` : 'Channel · Lyceum');

  if (page.isPending) {
    return (
      <Stack>
        <Skeleton height={36} width="40%" />
        <Skeleton height={16} width="70%" />
        <Skeleton height={240} />
      </Stack>
    );
  }
  if (page.isError) {
    if (isApiError(page.error) && page.error.status === 404) return <NotFoundPage what="channel" />;
    return <ErrorNotice error={page.error} onRetry={() => void page.refetch()} title="This channel could not load" />;
  }
  const { channel: c, upcoming, past } = page.data;
  const followers = `${c.followerCount.toLocaleString('en-GB')} ${c.followerCount === 1 ? 'follower' : 'followers'}`;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Anchor component={Link} to="/channels" fz="sm">
          ← All channels
        </Anchor>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1}>{c.name}</Title>
          <Group gap="sm">
            <Text fz="sm" c="dimmed">
              {followers}
            </Text>
            {c.canEdit && (
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            <FollowButton
              following={c.following}
              name={c.name}
              onToggle={(on) => follow.mutate({ slug: c.slug, name: c.name, follow: on, followerCount: c.followerCount })}
            />
          </Group>
        </Group>
        {c.description && <Text fz="lg">{c.description}</Text>}
        {c.owners.length > 0 && (
          <Text fz="sm" c="dimmed">
            Looked after by{' '}
            {c.owners.map((o, i) => (
              <span key={o.id}>
                {i > 0 && (i === c.owners.length - 1 ? ' and ' : ', ')}
                <Anchor component={Link} to={`/people/${o.id}`} fz="sm">
                  {o.name}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Stack>

      <section aria-labelledby="upcoming">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="h3" id="upcoming">
            Upcoming sessions
          </Title>
          <Anchor component={Link} to={`/?channel=${encodeURIComponent(c.slug)}`} fz="sm">
            <Group gap={4} component="span">
              <IconSearch size={14} aria-hidden="true" />
              Search and filter this channel
            </Group>
          </Anchor>
        </Group>
        {upcoming.length === 0 ? (
          <Card withBorder padding="md">
            <Stack gap="xs" align="flex-start">
              <Text>Nothing scheduled in {c.name} right now.</Text>
              <Button component={Link} to="/workshops/new" variant="light" leftSection={<IconCalendarPlus size={18} aria-hidden="true" />}>
                Host a workshop
              </Button>
            </Stack>
          </Card>
        ) : (
          <SimpleGrid
            cols={{ base: 1, md: 2 }}
            spacing="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label="Upcoming sessions"
          >
            {upcoming.map((hit) => (
              <li key={hit.workshop.id}>
                <SearchHitCard hit={hit} headingOrder={3} />
              </li>
            ))}
          </SimpleGrid>
        )}
      </section>

      {/* Keyed by the saved channel, so the form opens with what is saved now. */}
      {c.canEdit && <ChannelFormModal key={`${c.name}|${c.description}`} channel={c} opened={editing} onClose={() => setEditing(false)} />}
      {past.length > 0 && (
        <section aria-labelledby="past">
          <Title order={2} fz="h3" id="past" mb="xs">
            Ran before
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Past workshops">
            {past.map((w) => (
              <Card key={w.id} withBorder padding="sm" component="li">
                <Group justify="space-between" gap="sm" wrap="wrap">
                  <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
                    <Title order={3} fz="md">
                      <Anchor component={Link} to={`/workshops/${w.id}`} c="inherit" fw={700} fz="inherit">
                        {w.title}
                      </Anchor>
                    </Title>
                    <Text fz="sm" c="dimmed" lineClamp={1}>
                      {w.summary}
                    </Text>
                    {w.lastSessionAt && (
                      <Text fz="xs" c="dimmed">
                        Last ran {formatDate(w.lastSessionAt, zone)}
                      </Text>
                    )}
                  </div>
                  <NotifyMeButton workshopId={w.id} title={w.title} size="xs" />
                </Group>
              </Card>
            ))}
          </Stack>
        </section>
      )}
    </Stack>
  );
}
