import { Alert, Slider, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AnalyticsOverview } from '../../../contracts/index.js';
import { ChartCard } from './ChartFrame';
import { DataTable } from './DataTable';
import { IntervalPlot, type IntervalRow } from './IntervalPlot';
import { formatNumber } from './labels';

type Effect = AnalyticsOverview['checklistEffect'];

/** Below this many sessions on a side, a difference says little. */
const FEW = 10;

const signed = (v: number | null, d = 2) => (v === null ? '—' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${formatNumber(Math.abs(v), d)}`);
/** The API sends an interval as a two-number array (OpenAPI 3.0 has no tuples). */
const pair = (c: number[] | null): [number, number] | null => (c && c.length === 2 ? [c[0] as number, c[1] as number] : null);
const ci = (c: [number, number] | null) => (c ? `${signed(c[0])} to ${signed(c[1])}` : '—');

/** What the numbers say, in one sentence, without claiming more than they show. */
function finding(effect: Effect, percent: number): string {
  const { difference } = effect;
  const ci95 = pair(effect.ci95);
  if (difference === null || !ci95) return 'There are too few rated sessions on one side (fewer than two) to compare in this view.';
  const size = formatNumber(Math.abs(difference), 2);
  const direction = difference >= 0 ? 'higher' : 'lower';
  const range = `95 % confidence interval ${signed(ci95[0])} to ${signed(ci95[1])}`;
  const clear = ci95[0] > 0 || ci95[1] < 0;
  return `Sessions of workshops prepared with a checklist (at least ${percent}% answered) were rated ${size} points ${direction} on average than sessions of workshops without one (${range})${clear ? '.' : ' — the interval includes zero, so no difference is shown either way.'}`;
}

/**
 * "Do checklists help?": ratings of sessions whose workshop was prepared with a checklist against
 * sessions without one, with Welch's interval, for the rating, usefulness and hosts' confidence.
 */
export function ChecklistEffect({ effect, onThreshold }: { effect: Effect; onThreshold: (t: number) => void }) {
  const percent = Math.round(effect.threshold * 100);
  const [slider, setSlider] = useState(percent);
  useEffect(() => setSlider(percent), [percent]);
  const few = effect.difference !== null && (effect.with.n < FEW || effect.without.n < FEW);

  const rows: (IntervalRow & { withN: number | null; withMean: number | null; withoutN: number | null; withoutMean: number | null })[] = [
    {
      label: 'Overall rating',
      value: effect.difference,
      ci95: pair(effect.ci95),
      withN: effect.with.n,
      withMean: effect.with.mean,
      withoutN: effect.without.n,
      withoutMean: effect.without.mean,
    },
    {
      label: 'Usefulness',
      value: effect.usefulness.difference,
      ci95: pair(effect.usefulness.ci95),
      withN: effect.usefulness.with.n,
      withMean: effect.usefulness.with.mean,
      withoutN: effect.usefulness.without.n,
      withoutMean: effect.usefulness.without.mean,
    },
    {
      label: "Hosts' confidence, after − before",
      value: effect.confidenceChange.mean,
      ci95: pair(effect.confidenceChange.ci95),
      withN: effect.confidenceChange.n,
      withMean: effect.confidenceChange.mean,
      withoutN: null,
      withoutMean: null,
    },
  ];

  return (
    <ChartCard
      id="chart-checklists"
      title="Do checklists help?"
      description="Sessions whose workshop was prepared with a checklist, against sessions whose workshop had none."
    >
      <Stack gap={4} maw={420}>
        <Text fz="sm" fw={500} id="threshold-label">
          Counts as “with a checklist” from {slider}% answered
        </Text>
        <Slider
          value={slider}
          onChange={setSlider}
          onChangeEnd={(v) => onThreshold(v / 100)}
          min={0}
          max={100}
          step={5}
          label={(v) => `${v}%`}
          marks={[
            { value: 0, label: '0%' },
            { value: 50, label: '50%' },
            { value: 100, label: '100%' },
          ]}
          thumbProps={{ 'aria-labelledby': 'threshold-label', 'aria-valuetext': `${slider}% answered` }}
          mb="md"
          mx={14}
        />
        <Text fz="xs" c="dimmed">
          Workshops whose checklist is answered less than this are left out of both groups.
        </Text>
      </Stack>
      <Text fz="sm" fw={500}>
        {finding(effect, percent)}
      </Text>
      {few && (
        <Alert color="yellow" icon={<IconInfoCircle aria-hidden="true" />} title="Few sessions" p="xs">
          With {effect.with.n} session{effect.with.n === 1 ? '' : 's'} with a checklist and {effect.without.n} without, the comparison is
          uncertain: a few ratings can move it a lot.
        </Alert>
      )}
      <IntervalPlot rows={rows} />
      <DataTable
        caption="Checklist comparison: with and without, the difference and its 95 % confidence interval"
        rows={rows}
        rowKey={(r) => r.label}
        empty=""
        minWidth={640}
        columns={[
          { header: 'Measure', cell: (r) => r.label, rowHeader: true },
          { header: 'With: n', cell: (r) => formatNumber(r.withN), numeric: true },
          { header: 'With: mean', cell: (r) => (r.withoutN === null ? signed(r.withMean) : formatNumber(r.withMean, 2)), numeric: true },
          { header: 'Without: n', cell: (r) => (r.withoutN === null ? '—' : formatNumber(r.withoutN)), numeric: true },
          { header: 'Without: mean', cell: (r) => formatNumber(r.withoutMean, 2), numeric: true },
          { header: 'Difference', cell: (r) => signed(r.value), numeric: true },
          { header: '95 % CI', cell: (r) => ci(r.ci95), numeric: true },
        ]}
      />
      <Text fz="sm" c="dimmed">
        What this shows: how sessions prepared with a checklist were rated compared with sessions prepared without one, in this period and
        view. What it does not show: that checklists cause better ratings. It is an observational comparison — hosts who choose a checklist
        may differ in experience, topic or format. The interval is Welch’s (unequal variances); confidence change is the hosts’ own
        before/after answers.
      </Text>
    </ChartCard>
  );
}
