import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Channel } from '../../../contracts/index.js';
import { FollowButton } from './FollowButton';
import { useFollowChannel } from './hooks';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** A channel in the list: what it is about, how alive it is, and the follow toggle. */
export function ChannelCard({ channel: c }: { channel: Channel }) {
  const follow = useFollowChannel();
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={`ch-${c.slug}`}>
      <Stack gap={6} h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="lg" id={`ch-${c.slug}`} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/channels/${c.slug}`} c="inherit" fw={700} fz="inherit">
              {c.name}
            </Anchor>
          </Title>
          <FollowButton
            size="xs"
            following={c.following}
            name={c.name}
            onToggle={(on) => follow.mutate({ slug: c.slug, name: c.name, follow: on, followerCount: c.followerCount })}
          />
        </Group>
        <Text c="dimmed" fz="sm" lineClamp={2} style={{ flex: 1 }}>
          {c.description || 'No description yet.'}
        </Text>
        <Text fz="sm">
          {count(c.upcomingCount, 'upcoming session', 'upcoming sessions')} · {count(c.workshopCount, 'workshop', 'workshops')} ·{' '}
          {count(c.followerCount, 'follower', 'followers')}
        </Text>
      </Stack>
    </Card>
  );
}
