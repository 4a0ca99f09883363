import { Group, Progress, Stack, Text } from '@mantine/core';

export type Bar = { label: string; count: number };

const percent = (n: number, total: number) => (total > 0 ? Math.round((n / total) * 100) : 0);

/**
 * Counts as horizontal bars with the number written beside each (never the bar alone), e.g. how
 * many gave 5, 4, … 1. A plain list keeps it readable on a phone and by a screen reader.
 */
export function SummaryBars({ bars, label }: { bars: Bar[]; label: string }) {
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  return (
    <Stack gap={6} component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {bars.map((b) => {
        const share = percent(b.count, total);
        return (
          <Group key={b.label} component="li" gap="sm" wrap="nowrap">
            <Text fz="sm" w={72} style={{ flexShrink: 0 }}>
              {b.label}
            </Text>
            <Progress value={share} size="lg" style={{ flex: 1 }} aria-label={`${b.label}: ${b.count} of ${total}`} />
            <Text fz="sm" w={64} ta="right" style={{ flexShrink: 0 }}>
              {b.count}{' '}
              <Text span fz="xs" c="dimmed">
                ({share}%)
              </Text>
            </Text>
          </Group>
        );
      })}
    </Stack>
  );
}

/** A 1–5 distribution, the best first: "5 – very good" is what people look for. */
export function scaleBars(distribution: number[]): Bar[] {
  return [5, 4, 3, 2, 1].map((score) => ({ label: `${score} of 5`, count: distribution[score - 1] ?? 0 }));
}

/** "4.3" — one decimal is all the precision a handful of answers deserves. */
export function oneDecimal(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : n.toFixed(1);
}

export function share(n: number, total: number): string {
  return `${percent(n, total)}%`;
}
