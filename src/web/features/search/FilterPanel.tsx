import { Input, InputBase, Stack, Switch } from '@mantine/core';
import { IconCalendar } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { formatLabels, modeLabels, type SearchResponse, type SessionMode, workshopFormats } from '../../../contracts/index.js';
import { useChannelOptions } from '../channels/hooks';
import type { DateRangeProps } from './DateRangePicker';
import { FacetGroup, type FacetOption } from './FacetGroup';
import type { CatalogFilters, FacetKey } from './filters';
import { LocationFacet } from './LocationFacet';

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
  /** Locations by city, then room. */
  onLocations: (locations: string[]) => void;
};

/** Dates, seats and the facets with their counts. */
export function FilterPanel({ filters: f, facets, onToggle, onDates, onHasSeats, onLocations }: Props) {
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
      <LocationFacet facet={fx.locations} selected={f.location} onChange={onLocations} />
    </Stack>
  );
}

/** `2026-12-03` → `3 Dec 2026`, as the picker shows it (`D MMM YYYY`). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

const loadPicker = () => import('./DateRangePicker');
const DateRangePicker = lazy(loadPicker);

/**
 * The date range filter. Mantine's date pickers are a sizeable part of a first page, so they load
 * when someone reaches for the field (pointer over it, focus, a tap); until then the same field is
 * drawn without them, showing the same label, placeholder or chosen range; a click (or Enter)
 * swaps in the picker, opened.
 */
function DateRange(props: DateRangeProps) {
  const [opened, setOpened] = useState(false);
  const field = (
    <InputBase
      component="button"
      type="button"
      label="Dates"
      pointer
      leftSection={<IconCalendar size={16} aria-hidden="true" />}
      onPointerEnter={() => void loadPicker()}
      onFocus={() => void loadPicker()}
      onClick={() => setOpened(true)}
    >
      {props.from && props.to ? `${dayLabel(props.from)} – ${dayLabel(props.to)}` : <Input.Placeholder>Any date</Input.Placeholder>}
    </InputBase>
  );
  if (!opened) return field;
  return (
    <Suspense fallback={field}>
      <DateRangePicker {...props} openNow />
    </Suspense>
  );
}
