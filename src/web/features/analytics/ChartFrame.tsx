import { Card, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { ResponsiveContainer } from 'recharts';

/** Colours of the charts; every series also differs by shape or pattern and is named in a legend and the table. */
export const chartColours = {
  now: 'var(--mantine-color-lyceum-7)',
  before: 'var(--mantine-color-gray-6)',
  demand: 'var(--mantine-color-orange-8)',
  supply: 'var(--mantine-color-lyceum-7)',
  grid: 'var(--mantine-color-gray-3)',
  text: 'var(--mantine-color-gray-8)',
};

export const axisTick = { fill: chartColours.text, fontSize: 12 };

/** Legend entries in the text colour (the swatch carries the series colour, the words stay AA-readable). */
export const legendText = (value: string) => <span style={{ color: chartColours.text }}>{value}</span>;

/** A chart section: its heading, its one-line reading, then the drawing(s) and the table beneath. */
export function ChartCard({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="h4" id={id}>
            {title}
          </Title>
          {description && (
            <Text fz="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * The drawing as one image with a short name: the table under it is its text alternative and
 * carries the figures (recharts' own keyboard layer is off, so nothing focusable hides inside).
 */
export function ChartImage({ label, height = 260, children }: { label: string; height?: number; children: React.ReactElement }) {
  return (
    <div role="img" aria-label={`${label} The table below has the figures.`} style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The names beside horizontal bars: narrower on a phone, long names cut in the drawing only (the table has them whole). */
export function useCategoryAxis(): { width: number; short: (name: string) => string } {
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const max = phone ? 14 : 24;
  return { width: phone ? 100 : 170, short: (name) => (name.length > max ? `${name.slice(0, max - 1)}…` : name) };
}
