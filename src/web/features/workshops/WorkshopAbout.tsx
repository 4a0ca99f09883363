import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatLabels, type Workshop } from '../../../contracts/index.js';
import { Markdown } from '../../components/Markdown';
import { formatDuration } from '../../lib/time';

/** Objectives, description and materials: the main column of a workshop page. */
export function WorkshopAbout({ workshop: w }: { workshop: Workshop }) {
  return (
    <Stack gap="lg">
      {w.objectives.length > 0 && (
        <section aria-labelledby="objectives">
          <Title order={2} fz="h3" id="objectives" mb="xs">
            You will be able to…
          </Title>
          <List spacing="xs" icon={<IconCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden="true" />}>
            {w.objectives.map((o, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list that never reorders
              <List.Item key={i}>{o}</List.Item>
            ))}
          </List>
        </section>
      )}
      {w.description.trim() && (
        <section aria-labelledby="about">
          <Title order={2} fz="h3" id="about" mb="xs">
            About this workshop
          </Title>
          <Markdown>{w.description}</Markdown>
        </section>
      )}
      {w.materials.length > 0 && (
        <section aria-labelledby="materials">
          <Title order={2} fz="h3" id="materials" mb="xs">
            Materials
          </Title>
          <List spacing={4}>
            {w.materials.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a static list that never reorders
              <List.Item key={i}>
                <Anchor href={m.url} target="_blank" rel="noopener noreferrer nofollow">
                  {m.title} <IconExternalLink size={14} aria-label="(opens in a new tab)" />
                </Anchor>
              </List.Item>
            ))}
          </List>
        </section>
      )}
    </Stack>
  );
}

/** Format, duration, tags, audience and prerequisites: the side column. */
export function WorkshopFacts({ workshop: w }: { workshop: Workshop }) {
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <div>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            Format
          </Text>
          <Text>
            {formatLabels[w.format]} · {formatDuration(w.durationMinutes)}
          </Text>
        </div>
        <div>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            Who it is for
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{w.audience || 'Anyone curious: no audience given.'}</Text>
        </div>
        <div>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            Prerequisites
          </Text>
          <Text style={{ whiteSpace: 'pre-line' }}>{w.prerequisites || 'None.'}</Text>
        </div>
        {w.tags.length > 0 && (
          <div>
            <Text fz="xs" tt="uppercase" fw={700} c="dimmed" mb={4}>
              Tags
            </Text>
            <Group gap={4}>
              {w.tags.map((t) => (
                <Badge
                  key={t}
                  variant="light"
                  color="gray"
                  component={Link}
                  to={`/?tag=${encodeURIComponent(t)}`}
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                >
                  #{t}
                </Badge>
              ))}
            </Group>
          </div>
        )}
      </Stack>
    </Card>
  );
}
