import { Button, Card, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import type { FollowUp } from '../../../contracts/index.js';
import { ErrorNotice, ListSkeleton } from '../../components/States';
import { errorMessage } from '../../lib/forms';
import { formatDate } from '../../lib/time';
import { useViewerZone } from '../auth/hooks';
import { useAnswerFollowUp, useMyFollowUps } from './learnerHooks';

type Applied = NonNullable<FollowUp['applied']>;
const choices: Array<{ value: Applied; label: string }> = [
  { value: 'not_yet', label: 'Not yet' },
  { value: 'a_little', label: 'A little' },
  { value: 'a_lot', label: 'A lot' },
];

/**
 * "Have you applied it?": the follow-ups sent a month after sessions people planned to apply.
 * Shown when there are some, or when the follow-up mail's link (`?followUps=1`) asked for it: then
 * the page puts it first, and it is outlined, scrolled to and focused.
 */
export function FollowUpsSection({ highlight }: { highlight: boolean }) {
  const followUps = useMyFollowUps();
  const items = followUps.data?.items ?? [];
  const ref = useRef<HTMLElement>(null);
  const ready = !followUps.isPending;

  useEffect(() => {
    if (!highlight || !ready) return;
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [highlight, ready]);

  if (!highlight && items.length === 0) return null;
  return (
    <Paper
      component="section"
      ref={ref}
      tabIndex={-1}
      aria-labelledby="follow-ups"
      withBorder={highlight}
      p={highlight ? 'md' : 0}
      bg={highlight ? 'lyceum.0' : 'transparent'}
      // Focus moves here for screen readers; the outline is the highlight's border already.
      style={{
        outline: 'none',
        scrollMarginTop: 80,
        ...(highlight ? { borderColor: 'var(--mantine-color-lyceum-6)', borderWidth: 2 } : {}),
      }}
    >
      <Title order={2} fz="h3" id="follow-ups">
        Have you applied it?
      </Title>
      <Text fz="sm" c="dimmed" mb="xs">
        You said you planned to apply these sessions. One click says how it went; an example helps the hosts most.
      </Text>
      {followUps.isPending && <ListSkeleton count={1} />}
      {followUps.isError && (
        <ErrorNotice error={followUps.error} onRetry={() => void followUps.refetch()} title="Your follow-ups could not load" />
      )}
      {followUps.isSuccess && items.length === 0 && <Text>Nothing to answer right now. Thank you!</Text>}
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((f) => (
          <FollowUpCard key={f.id} followUp={f} />
        ))}
      </Stack>
    </Paper>
  );
}

function FollowUpCard({ followUp: f }: { followUp: FollowUp }) {
  const zone = useViewerZone();
  const save = useAnswerFollowUp(f.id);
  const [example, setExample] = useState(f.example ?? '');
  const [error, setError] = useState<string | null>(null);
  // Optimistic: the pressed button shows the choice at once; an error puts the stored one back.
  const current = save.isPending ? save.variables.applied : f.applied;
  const headingId = `fu-${f.id}`;

  const answer = (applied: Applied) => {
    setError(null);
    const text = example.trim();
    save.mutate({ applied, ...(text ? { example: text } : {}) }, { onError: (err) => setError(errorMessage(err)) });
  };
  const exampleChanged = example.trim() !== (f.example ?? '');

  return (
    <Card component="li" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="md" id={headingId}>
            {f.title}
          </Title>
          <Text fz="sm" c="dimmed">
            Session on {formatDate(f.endedAt, zone)}
          </Text>
        </div>
        <SimpleGrid cols={3} spacing="xs" maw={360} role="group" aria-label={`Have you applied ${f.title}?`}>
          {choices.map((c) => {
            const on = current === c.value;
            return (
              <Button
                key={c.value}
                variant={on ? 'filled' : 'default'}
                aria-pressed={on}
                leftSection={on ? <IconCheck size={16} aria-hidden="true" /> : undefined}
                disabled={save.isPending}
                onClick={() => answer(c.value)}
                px="xs"
              >
                {c.label}
              </Button>
            );
          })}
        </SimpleGrid>
        <TextInput
          label="An example"
          description="Optional: what you did with it"
          placeholder="e.g. I added consumer-lag alerts to our dashboards"
          value={example}
          onChange={(e) => setExample(e.currentTarget.value)}
          maxLength={1000}
          error={error}
        />
        <Group gap="sm" aria-live="polite">
          {f.applied && exampleChanged && (
            <Button size="xs" variant="light" onClick={() => answer(f.applied as Applied)} loading={save.isPending}>
              Save example
            </Button>
          )}
          {f.answeredAt && !save.isPending && !exampleChanged && (
            <Text fz="sm" c="teal.9">
              Saved. Thank you!
            </Text>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
