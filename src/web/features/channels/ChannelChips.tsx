import { Badge, Group } from '@mantine/core';
import { IconHash } from '@tabler/icons-react';
import { Link } from 'react-router';

type ChannelRef = { slug: string; name: string };

/** A workshop's channels as links to their pages (topic hubs people can follow). */
export function ChannelChips({ channels, size = 'sm' }: { channels: ChannelRef[]; size?: 'sm' | 'md' }) {
  if (channels.length === 0) return null;
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Channels">
      {channels.map((c) => (
        <li key={c.slug}>
          <Badge
            component={Link}
            to={`/channels/${c.slug}`}
            variant="light"
            size={size}
            tt="none"
            leftSection={<IconHash size={12} aria-hidden="true" />}
            style={{ cursor: 'pointer' }}
          >
            {c.name}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
