import { Anchor, Avatar, Badge, Card, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Person } from '../../../contracts/index.js';
import { initials } from '../../components/UserMenu';

export function PersonCard({ person: p }: { person: Person }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Group wrap="nowrap" gap="sm">
        <Avatar color="lyceum" radius="xl" alt="" aria-hidden="true">
          {initials(p.name)}
        </Avatar>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs">
            <Anchor component={Link} to={`/people/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            {p.role === 'admin' && (
              <Badge size="xs" variant="light" color="grape">
                Admin
              </Badge>
            )}
            {!p.active && (
              <Badge size="xs" variant="light" color="gray">
                Left
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed" truncate>
            {[p.title, p.team, p.location].filter(Boolean).join(' · ')}
          </Text>
        </div>
      </Group>
    </Card>
  );
}
