import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { type CatalogEntry, formatLabels } from '../../../contracts/index.js';
import { RegistrationActions } from '../registrations/RegistrationActions';
import { ModeLabel, SeatsLabel } from './labels';
import { SessionTime } from './SessionTime';

/** One upcoming session in the catalog: enough to decide whether to go. */
export function CatalogCard({ entry }: { entry: CatalogEntry }) {
  const w = entry.workshop;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`cat-${entry.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="lg" id={`cat-${entry.id}`} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/workshops/${w.id}`} c="inherit" fw={700} fz="inherit">
              {w.title}
            </Anchor>
          </Title>
          <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
            {formatLabels[w.format]}
          </Badge>
        </Group>
        <Text c="dimmed" lineClamp={1}>
          {w.summary}
        </Text>
        <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
          <Stack gap="xs" style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <SessionTime startsAt={entry.startsAt} endsAt={entry.endsAt} timeZone={entry.timeZone} />
            <Group gap="md" wrap="wrap">
              <ModeLabel mode={entry.mode} />
              {entry.location && (
                <Text fz="sm" c="dimmed">
                  {entry.location}
                </Text>
              )}
              <SeatsLabel session={entry} />
            </Group>
          </Stack>
          <div className="session-actions">
            <RegistrationActions session={entry} title={w.title} />
          </div>
        </Group>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fz="sm">
            {w.hosts.length > 0 && (
              <Text span c="dimmed" fz="sm">
                Hosted by{' '}
              </Text>
            )}
            {w.hosts.map((h, i) => (
              <span key={h.id}>
                {i > 0 && ', '}
                <Anchor component={Link} to={`/people/${h.id}`} fz="sm">
                  {h.name}
                </Anchor>
              </span>
            ))}
          </Text>
          {w.tags.length > 0 && (
            <Group gap={4} aria-label="Tags">
              {w.tags.slice(0, 5).map((t) => (
                <Badge
                  key={t}
                  variant="light"
                  color="gray"
                  size="sm"
                  component={Link}
                  to={`/?tag=${encodeURIComponent(t)}`}
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                >
                  #{t}
                </Badge>
              ))}
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
