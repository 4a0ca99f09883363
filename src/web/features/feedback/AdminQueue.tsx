import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FeedbackQueue } from '../../../contracts/index.js';
import { Empty } from '../../components/Empty';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { oneDecimal } from './SummaryBars';

const wrap = { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' } as const;
const plain = { listStyle: 'none', padding: 0, margin: 0 } as const;
const FIRST = 8;
/** Only a really low average is marked in colour; the number is always written beside it. */
const averageColor = (avg: number) => (avg < 3 ? 'red' : avg < 3.5 ? 'orange' : 'gray');

/** The first few of a long list, and a button for the rest. */
function useFirst<T>(rows: T[]) {
  const [all, setAll] = useState(false);
  const more =
    rows.length > FIRST ? (
      <Group justify="center" mt="sm">
        <Button variant="default" onClick={() => setAll((v) => !v)}>
          {all ? 'Show fewer' : `Show all ${rows.length}`}
        </Button>
      </Group>
    ) : null;
  return { shown: all ? rows : rows.slice(0, FIRST), more };
}

const tabOf = (workshopId: string, sessionId: string) => `/workshops/${workshopId}/feedback?sessionId=${encodeURIComponent(sessionId)}`;

function LowRow({ row, zone }: { row: FeedbackQueue['lowest'][number]; zone: string }) {
  return (
    <Card withBorder padding="sm" component="li">
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={tabOf(row.workshopId, row.sessionId)} fw={700} style={{ overflowWrap: 'anywhere' }}>
            {row.title}
          </Anchor>
          <Text fz="sm" c="dimmed">
            {formatDate(row.startsAt, zone)} · {row.responses === 1 ? '1 answer' : `${row.responses} answers`}
          </Text>
          {row.hosts.length > 0 && (
            <Text fz="sm">
              Hosted by{' '}
              {row.hosts.map((h, i) => (
                <span key={h.id}>
                  {i > 0 && (i === row.hosts.length - 1 ? ' and ' : ', ')}
                  <Anchor component={Link} to={`/people/${h.id}`} fz="sm">
                    {h.name}
                  </Anchor>
                </span>
              ))}
            </Text>
          )}
        </Stack>
        <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge color={averageColor(row.average)} variant="light" size="lg">
            {oneDecimal(row.average)} / 5
          </Badge>
          {row.usefulness !== null && (
            <Text fz="xs" c="dimmed">
              useful {oneDecimal(row.usefulness)} / 5
            </Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

/** The lowest-rated sessions of the last 30 days: who could use a hand. */
export function LowestSessions({ rows }: { rows: FeedbackQueue['lowest'] }) {
  const zone = useViewerZone();
  const { shown, more } = useFirst(rows);
  return (
    <section aria-labelledby="fb-lowest">
      <Title order={2} fz="h3" id="fb-lowest">
        Lowest-rated sessions, last 30 days
      </Title>
      <Text c="dimmed" mb="sm">
        A low score is a reason to offer the hosts help — a dry run, a co-host, a checklist — not a verdict.
      </Text>
      {rows.length === 0 ? (
        <Empty
          order={3}
          icon={<IconMoodSmile size={28} aria-hidden="true" />}
          title="No session to look at"
          description="Sessions show up here once at least 3 people answered, lowest average first."
        />
      ) : (
        <Stack gap="sm" component="ol" style={plain}>
          {shown.map((r) => (
            <LowRow key={r.sessionId} row={r} zone={zone} />
          ))}
        </Stack>
      )}
      {more}
    </section>
  );
}

/** Comments asking for something: a reason to reach out to the hosts, never to police them. */
export function AskingComments({ rows }: { rows: FeedbackQueue['asks'] }) {
  const zone = useViewerZone();
  const { shown, more } = useFirst(rows);
  return (
    <section aria-labelledby="fb-asks">
      <Title order={2} fz="h3" id="fb-asks">
        Comments asking for something
      </Title>
      <Text c="dimmed" mb="sm">
        What learners asked for under "what to improve", without names: to reach out, not to police.
      </Text>
      {rows.length === 0 ? (
        <Text>No requests in the last 30 days.</Text>
      ) : (
        <Stack gap="sm" component="ul" style={plain}>
          {shown.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: comments carry no id (they must not lead back to a person)
            <Card key={i} withBorder padding="sm" component="li">
              <Text style={wrap}>{a.improve}</Text>
              <Text fz="sm" c="dimmed" mt={4}>
                <Anchor component={Link} to={tabOf(a.workshopId, a.sessionId)} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {a.title}
                </Anchor>{' '}
                · {formatDate(a.at, zone)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {more}
    </section>
  );
}
