import { Stack, Switch } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { formatLabels, modeLabels, type SearchResponse, type SessionMode, workshopFormats } from '../../../contracts/index.js';
import { useChannelOptions } from '../channels/hooks';
import { FacetGroup, type FacetOption } from './FacetGroup';
import type { CatalogFilters, FacetKey } from './filters';

type Facets = SearchResponse['facets'];
type Facet = Facets['tags'];

/**
 * Options for one facet. The server counts within the current results, so once one mode (or
 * channel, format, location: "any of") is chosen the others drop out of its counts; they stay
 * on screen without a count so a second one can still be added.
 */
function optionsFor(facet: Facet, selected: string[], known: { value: string; label: string }[]): FacetOption[] {
  const out: FacetOption[] = facet.map((f) => ({ value: f.value, label: f.label, count: f.count }));
  const seen = new Set(out.map((o) => o.value));
  const extra = selected.length > 0 ? known : known.filter((k) => selected.includes(k.value));
  for (const k of extra) {
    if (seen.has(k.value)) continue;
    out.push({ value: k.value, label: k.label, count: null });
    seen.add(k.value);
  }
  for (const v of selected) if (!seen.has(v)) out.push({ value: v, label: v, count: 0 });
  return out;
}

const modeOptions = (Object.keys(modeLabels) as SessionMode[]).map((m) => ({ value: m, label: modeLabels[m] }));
const formatOptions = workshopFormats.map((f) => ({ value: f, label: formatLabels[f] }));

type Props = {
  filters: CatalogFilters;
  facets: Facets | undefined;
  onToggle: (key: FacetKey, value: string) => void;
  onDates: (from: string | null, to: string | null) => void;
  onHasSeats: (on: boolean) => void;
};

/** Dates, seats and the facets with their counts. */
export function FilterPanel({ filters: f, facets, onToggle, onDates, onHasSeats }: Props) {
  const channels = useChannelOptions();
  const channelOptions = (channels.data?.items ?? []).map((c) => ({ value: c.slug, label: c.name }));
  const empty: Facets = { tags: [], channels: [], modes: [], formats: [], locations: [] };
  const fx = facets ?? empty;
  const tagOptions = optionsFor(fx.tags, f.tag, []).map((o) => ({ ...o, label: `#${o.label}` }));

  return (
    <Stack gap="md">
      <DateRange from={f.from} to={f.to} onChange={onDates} />
      <Switch label="Has seats left" checked={f.hasSeats} onChange={(e) => onHasSeats(e.currentTarget.checked)} />
      <FacetGroup
        id="facet-mode"
        title="Mode"
        options={optionsFor(fx.modes, f.mode, modeOptions)}
        selected={f.mode}
        onToggle={(v) => onToggle('mode', v)}
      />
      <FacetGroup
        id="facet-format"
        title="Format"
        options={optionsFor(fx.formats, f.format, formatOptions)}
        selected={f.format}
        onToggle={(v) => onToggle('format', v)}
      />
      <FacetGroup
        id="facet-channel"
        title="Channels"
        options={optionsFor(fx.channels, f.channel, channelOptions)}
        selected={f.channel}
        onToggle={(v) => onToggle('channel', v)}
      />
      <FacetGroup id="facet-tag" title="Tags" options={tagOptions} selected={f.tag} onToggle={(v) => onToggle('tag', v)} visible={12} />
      <FacetGroup
        id="facet-location"
        title="Location"
        options={optionsFor(fx.locations, f.location, [])}
        selected={f.location}
        onToggle={(v) => onToggle('location', v)}
        visible={5}
      />
    </Stack>
  );
}

/** A range picker that only changes the URL once both ends are picked (or the range is cleared). */
function DateRange({
  from,
  to,
  onChange,
}: {
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
}) {
  const [value, setValue] = useState<DatesRangeValue<string>>([from, to]);
  useEffect(() => setValue([from, to]), [from, to]);
  return (
    <DatePickerInput
      type="range"
      label="Dates"
      placeholder="Any date"
      clearable
      allowSingleDateInRange
      firstDayOfWeek={1}
      valueFormat="D MMM YYYY"
      leftSection={<IconCalendar size={16} aria-hidden="true" />}
      value={value}
      onChange={(v) => {
        setValue(v);
        const [a, b] = v;
        if ((a && b) || (!a && !b)) onChange(a, b);
      }}
    />
  );
}
