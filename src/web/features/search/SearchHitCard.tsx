import { Anchor, Badge, Card, Group, Highlight, Stack, Text, Title } from '@mantine/core';
import { IconCalendarOff, IconPlayerPlay, IconSparkles } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatLabels, type SearchHit } from '../../../contracts/index.js';
import { ChannelChips } from '../channels/ChannelChips';
import { NotifyMeButton } from '../channels/NotifyMeButton';
import { WorkshopCover } from '../workshops/WorkshopCover';
import { HighlightedExcerpt } from './HighlightedExcerpt';
import { SessionFacts } from './SessionFacts';

type Props = {
  hit: SearchHit;
  /** The words typed, marked in the title too. */
  words?: string[];
  /** Why it is shown (recommendations): "Because you follow Data Engineering". */
  reason?: string;
  headingOrder?: 2 | 3;
  /** Which list it is in, so the same workshop in two lists on one page keeps unique ids. */
  list?: string;
};

/** One workshop in search results: enough to decide whether to open it. */
export function SearchHitCard({ hit, words = [], reason, headingOrder = 2, list }: Props) {
  const w = hit.workshop;
  const s = hit.nextSession;
  const headingId = `hit-${w.id}-${list ?? (reason ? 'rec' : 'res')}`;
  // An excerpt is only worth showing when it marks something; otherwise the summary says more.
  const excerpt = hit.highlight?.includes('<mark>') ? hit.highlight : null;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} h="100%">
      <Stack gap="xs">
        {reason && (
          <Group gap={6} wrap="nowrap">
            <IconSparkles size={16} aria-hidden="true" color="var(--mantine-color-lyceum-7)" />
            <Text fz="sm" c="lyceum.9" fw={500}>
              {reason}
            </Text>
          </Group>
        )}
        {/* The badges move under the title when they would squeeze it (on a phone, in a narrow column). */}
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Group gap="sm" align="center" wrap="nowrap" style={{ flex: '1 1 15rem', minWidth: 0 }}>
            <WorkshopCover workshop={w} size={48} />
            <Title order={headingOrder} fz="lg" id={headingId} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/workshops/${w.id}`} c="inherit" fw={700} fz="inherit">
                {words.length > 0 ? (
                  <Highlight component="span" highlight={words} inherit>
                    {w.title}
                  </Highlight>
                ) : (
                  w.title
                )}
              </Anchor>
            </Title>
          </Group>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {hit.hasRecording && (
              <Badge variant="light" color="grape" leftSection={<IconPlayerPlay size={12} aria-hidden="true" />}>
                Recording available
              </Badge>
            )}
            <Badge variant="outline" color="gray">
              {formatLabels[w.format]}
            </Badge>
          </Group>
        </Group>
        {excerpt ? (
          <HighlightedExcerpt html={excerpt} />
        ) : (
          <Text c="dimmed" lineClamp={1}>
            {w.summary}
          </Text>
        )}
        {s ? (
          <Stack gap="xs">
            <SessionFacts session={s} />
          </Stack>
        ) : (
          <Group gap="sm" wrap="wrap">
            <Group gap={6} wrap="nowrap">
              <IconCalendarOff size={16} aria-hidden="true" />
              <Text fz="sm" fw={600}>
                Nothing scheduled
              </Text>
            </Group>
            <NotifyMeButton workshopId={w.id} title={w.title} size="xs" />
          </Group>
        )}
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
          <Group gap={4} wrap="wrap">
            <ChannelChips channels={w.channels} />
            {w.tags.length > 0 && (
              <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Tags">
                {w.tags.slice(0, 4).map((t) => (
                  <li key={t}>
                    <Badge
                      variant="light"
                      color="gray"
                      size="sm"
                      component={Link}
                      to={`/?tag=${encodeURIComponent(t)}`}
                      style={{ cursor: 'pointer', textTransform: 'none' }}
                    >
                      #{t}
                    </Badge>
                  </li>
                ))}
              </Group>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
