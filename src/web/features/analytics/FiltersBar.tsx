import { Autocomplete, Button, Card, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatLabels, workshopFormats } from '../../../contracts/index.js';
import { DATE_FORMAT } from '../../lib/time';
import { useChannelOptions } from '../channels/hooks';
import { usePeople } from '../people/hooks';
import { activeFilterCount, type DashboardFilters, type PeriodChoice, type PeriodQuery, periodChoices } from './filters';
import { useTeamsTable } from './hooks';
import { formatPeriod } from './labels';
import { PersonSelect } from './PersonSelect';

type Props = {
  filters: DashboardFilters;
  query: PeriodQuery;
  set: (change: Partial<DashboardFilters>, replace?: boolean) => void;
  clear: () => void;
};

const formatOptions = workshopFormats.map((f) => ({ value: f, label: formatLabels[f] }));

/** The period and who/what the figures are about; every choice goes into the URL. */
export function FiltersBar({ filters, query, set, clear }: Props) {
  const teams = useTeamsTable({ from: query.from, to: query.to });
  const channels = useChannelOptions();
  const people = usePeople('', 100);
  const teamOptions = unique([...(teams.data?.items.map((t) => t.team) ?? []), filters.team]);
  const locations = unique((people.data?.pages.flatMap((p) => p.items) ?? []).map((p) => p.location));
  const channelOptions = (channels.data?.items ?? []).map((c) => ({ value: c.slug, label: c.name }));
  if (filters.channel && !channelOptions.some((c) => c.value === filters.channel))
    channelOptions.push({ value: filters.channel, label: filters.channel });
  const active = activeFilterCount(filters);

  return (
    <Card withBorder padding="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
        <Select
          label="Period"
          data={periodChoices.map((c) => ({ value: c.value, label: c.label }))}
          value={filters.period}
          allowDeselect={false}
          onChange={(v) => {
            if (v === 'custom') set({ period: 'custom', from: query.from, to: query.to });
            else if (v) set({ period: v as PeriodChoice });
          }}
          leftSection={<IconCalendar size={16} aria-hidden="true" />}
        />
        {filters.period === 'custom' && <CustomDates from={query.from} to={query.to} onChange={(from, to) => set({ from, to })} />}
        <Select
          label="Team"
          placeholder="All teams"
          searchable
          clearable
          data={teamOptions}
          value={filters.team}
          onChange={(team) => set({ team })}
          nothingFoundMessage="No team by that name"
        />
        <PersonSelect label="Manager’s organisation" value={filters.manager} onChange={(manager) => set({ manager })} />
        <LocationInput value={filters.location} options={locations} onChange={(location) => set({ location })} />
        <Select
          label="Channel"
          placeholder="All channels"
          searchable
          clearable
          data={channelOptions}
          value={filters.channel}
          onChange={(channel) => set({ channel })}
          nothingFoundMessage="No channel by that name"
        />
        <Select
          label="Format"
          placeholder="All formats"
          clearable
          data={formatOptions}
          value={filters.format}
          onChange={(format) => set({ format: format as DashboardFilters['format'] })}
        />
      </SimpleGrid>
      <Group justify="space-between" mt="sm" gap="xs">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {formatPeriod(query)}
          {active > 0 && ` · ${active} filter${active === 1 ? '' : 's'} on`}
        </Text>
        {active > 0 && (
          <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={clear}>
            Clear filters
          </Button>
        )}
      </Group>
    </Card>
  );
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))].sort((a, b) => a.localeCompare(b));
}

/** Two dates; the period changes once both are set and in order. */
function CustomDates({ from, to, onChange }: { from: string; to: string; onChange: (from: string, to: string) => void }) {
  const [a, setA] = useState<string | null>(from);
  const [b, setB] = useState<string | null>(to);
  useEffect(() => {
    setA(from);
    setB(to);
  }, [from, to]);
  const wrongWay = a && b && a > b ? 'The first day must be on or before the last.' : null;
  const commit = (x: string | null, y: string | null) => {
    if (x && y && x <= y) onChange(x, y);
  };
  return (
    <>
      <DatePickerInput
        label="From"
        valueFormat={DATE_FORMAT}
        firstDayOfWeek={1}
        value={a}
        onChange={(v) => {
          setA(v);
          commit(v, b);
        }}
        leftSection={<IconCalendar size={16} aria-hidden="true" />}
      />
      <DatePickerInput
        label="To"
        valueFormat={DATE_FORMAT}
        firstDayOfWeek={1}
        value={b}
        error={wrongWay}
        onChange={(v) => {
          setB(v);
          commit(a, v);
        }}
        leftSection={<IconCalendar size={16} aria-hidden="true" />}
      />
    </>
  );
}

/** A location as people record it (their office); suggestions from the directory, any text accepted. */
function LocationInput({ value, options, onChange }: { value: string | null; options: string[]; onChange: (v: string | null) => void }) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = (v: string) => {
    const next = v.trim() || null;
    if (next !== value) onChange(next);
  };
  return (
    <Autocomplete
      label="Location"
      placeholder="All locations"
      data={options}
      value={text}
      onChange={setText}
      onOptionSubmit={commit}
      onBlur={() => commit(text)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(text);
      }}
    />
  );
}
