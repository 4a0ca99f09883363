import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight } from '@tabler/icons-react';
import { type AnalyticsOverview, type ChecklistPhase, type KpiName, phaseLabels } from '../../../contracts/index.js';
import { type Change, describeChange, formatPercent, formatValue, kpiCopy, kpiGroups } from './labels';

/** Every figure as a card: the value, the previous period's beside it, and the change in words with an arrow (never colour alone). */
export function KpiCards({ overview }: { overview: AnalyticsOverview }) {
  return (
    <Stack gap="lg">
      {kpiGroups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <Title order={3} fz="h4" mb="xs">
            {group.title}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
            {group.names.map((name) => (
              <KpiCard key={name} name={name} overview={overview} />
            ))}
          </SimpleGrid>
        </section>
      ))}
      <Details overview={overview} />
    </Stack>
  );
}

function KpiCard({ name, overview }: { name: KpiName; overview: AnalyticsOverview }) {
  const copy = kpiCopy[name];
  const kpi = overview.kpis[name] ?? { value: null, previous: null };
  const described = describeChange(copy.kind, kpi.value, kpi.previous, copy.lowerIsBetter);
  const change = copy.neutral ? { ...described, good: null } : described;
  const id = `kpi-${name}`;
  return (
    <Card withBorder padding="sm" component="article" aria-labelledby={id} data-kpi={name}>
      <Text fz="sm" fw={600} id={id}>
        {copy.label}
      </Text>
      <Group gap="xs" align="baseline" wrap="wrap">
        <Text fz={28} fw={700} lh={1.2}>
          {formatValue(copy.kind, kpi.value)}
        </Text>
        <ChangeText change={change} />
      </Group>
      <Text fz="xs" c="dimmed">
        Previous period: {formatValue(copy.kind, kpi.previous)}
      </Text>
      <Text fz="xs" c="dimmed" mt={4}>
        {copy.help}
      </Text>
    </Card>
  );
}

/** Label and value side by side, values right-aligned. */
const factsStyle: React.CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '1fr auto',
  gap: '4px 12px',
  margin: '8px 0 0',
  fontSize: 'var(--mantine-font-size-sm)',
};
const ddStyle: React.CSSProperties = { margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' };

const changeColour = (good: boolean | null) => (good === null ? 'dimmed' : good ? 'teal.9' : 'red.9');

function ChangeText({ change }: { change: Change }) {
  const Icon = change.direction === 'up' ? IconArrowUpRight : change.direction === 'down' ? IconArrowDownRight : IconArrowRight;
  return (
    <Group gap={2} wrap="nowrap">
      {change.direction !== 'none' && <Icon size={16} aria-hidden="true" />}
      <Text fz="sm" c={changeColour(change.good)} fw={500}>
        {change.text}
      </Text>
    </Group>
  );
}

/** What unmet demand is made of, and checklist completion per ADDIE phase. */
function Details({ overview }: { overview: AnalyticsOverview }) {
  const { unmetDemand, checklistPhases } = overview;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <Card withBorder padding="sm" component="section" aria-labelledby="unmet-parts">
        <Text fw={600} fz="sm" id="unmet-parts">
          Unmet demand, in parts
        </Text>
        <dl style={factsStyle}>
          <dt>Waited and never got a seat</dt>
          <dd style={ddStyle}>{unmetDemand.waitedWithoutSeat}</dd>
          <dt>“Notify me” wishes</dt>
          <dd style={ddStyle}>{unmetDemand.wishes}</dd>
          <dt>Open requests</dt>
          <dd style={ddStyle}>{unmetDemand.openRequests}</dd>
        </dl>
      </Card>
      <Card withBorder padding="sm" component="section" aria-labelledby="phase-completion">
        <Text fw={600} fz="sm" id="phase-completion">
          Checklist completion per phase
        </Text>
        {checklistPhases.length === 0 ? (
          <Text fz="sm" c="dimmed">
            No workshop in this view used a checklist.
          </Text>
        ) : (
          <dl style={factsStyle}>
            {checklistPhases.map((p) => (
              <PhaseRow key={p.phase} phase={p} />
            ))}
          </dl>
        )}
      </Card>
    </SimpleGrid>
  );
}

function PhaseRow({ phase }: { phase: AnalyticsOverview['checklistPhases'][number] }) {
  const change = describeChange('rate', phase.completion, phase.previous);
  return (
    <>
      <dt>{phaseLabels[phase.phase as ChecklistPhase] ?? phase.phase}</dt>
      <dd style={ddStyle}>
        {formatPercent(phase.completion)}{' '}
        <Text span fz="xs" c="dimmed">
          (previous {formatPercent(phase.previous)}, {change.text})
        </Text>
      </dd>
    </>
  );
}
