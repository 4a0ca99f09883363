import { Group, Progress, Text } from '@mantine/core';
import type { PhaseProgress } from '../../../contracts/index.js';

/** "3 of 5 answered" */
export function answeredText(p: PhaseProgress): string {
  return `${p.answered} of ${p.total} answered`;
}

/**
 * One bar for the answered share, split into yes / no / n.a. so the mix is visible; the words
 * under it carry the same numbers, never colour alone.
 */
export function AnswerMixBar({ progress: p, label }: { progress: PhaseProgress; label: string }) {
  const share = (n: number) => (p.total === 0 ? 0 : (n / p.total) * 100);
  return (
    <div>
      <Progress.Root
        size="lg"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p.percent}
        aria-valuetext={`${p.percent}%, ${answeredText(p)}`}
      >
        <Progress.Section value={share(p.yes)} color="teal.8" withAria={false} />
        <Progress.Section value={share(p.no)} color="red.8" withAria={false} />
        <Progress.Section value={share(p.na)} color="gray.6" withAria={false} />
      </Progress.Root>
      <Group gap="md" mt={6} style={{ rowGap: 0 }}>
        <Text fz="sm" fw={600}>
          {answeredText(p)} ({p.percent}%)
        </Text>
        <Text fz="sm" c="dimmed">
          {p.yes} yes · {p.no} no · {p.na} not applicable
        </Text>
      </Group>
    </div>
  );
}

/** A small answered-share bar with its percentage beside it (tabs, tables, cards). */
export function SmallBar({ percent, label, width = 120 }: { percent: number; label: string; width?: number | string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Progress value={percent} size="sm" w={width} aria-label={label} color={percent === 100 ? 'teal.8' : undefined} />
      <Text fz="xs" c="dimmed" w="3.2em" ta="right" aria-hidden="true">
        {Math.round(percent)}%
      </Text>
    </Group>
  );
}
