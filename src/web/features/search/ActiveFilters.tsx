import { Button, Group, Pill } from '@mantine/core';
import { formatLabels, modeLabels } from '../../../contracts/index.js';
import { formatDate } from '../../lib/time';
import type { CatalogFilters, FacetKey } from './filters';

type Props = {
  filters: CatalogFilters;
  /** Channel slug → name, from the facets or the channel list. */
  channelName: (slug: string) => string;
  onRemove: (key: FacetKey, value: string) => void;
  onClearDates: () => void;
  onClearSeats: () => void;
  onClearAll: () => void;
};

/** What narrows the results right now, each removable, and one "Clear all". */
export function ActiveFilters({ filters: f, channelName, onRemove, onClearDates, onClearSeats, onClearAll }: Props) {
  const pills: { key: string; label: string; remove: () => void }[] = [
    ...f.tag.map((v) => ({ key: `tag-${v}`, label: `#${v}`, remove: () => onRemove('tag', v) })),
    ...f.channel.map((v) => ({ key: `ch-${v}`, label: channelName(v), remove: () => onRemove('channel', v) })),
    ...f.mode.map((v) => ({ key: `mode-${v}`, label: modeLabels[v], remove: () => onRemove('mode', v) })),
    ...f.format.map((v) => ({ key: `fmt-${v}`, label: formatLabels[v], remove: () => onRemove('format', v) })),
    ...f.location.map((v) => ({ key: `loc-${v}`, label: v, remove: () => onRemove('location', v) })),
  ];
  if (f.from || f.to) {
    const day = (d: string) => formatDate(`${d}T12:00:00Z`, 'UTC');
    const label = f.from && f.to ? `${day(f.from)} – ${day(f.to)}` : f.from ? `From ${day(f.from)}` : `Until ${day(f.to as string)}`;
    pills.push({ key: 'dates', label, remove: onClearDates });
  }
  if (f.hasSeats) pills.push({ key: 'seats', label: 'Has seats left', remove: onClearSeats });
  if (pills.length === 0) return null;
  return (
    <Group gap={6} aria-label="Active filters" role="group">
      {pills.map((p) => (
        <Pill
          key={p.key}
          size="md"
          withRemoveButton
          onRemove={p.remove}
          // Mantine hides this button from keyboards and screen readers (it is made for inputs); here it is the way to remove a filter.
          removeButtonProps={{ 'aria-label': `Remove filter ${p.label}`, 'aria-hidden': false, tabIndex: 0 }}
        >
          {p.label}
        </Pill>
      ))}
      <Button variant="subtle" size="compact-sm" onClick={onClearAll}>
        Clear all
      </Button>
    </Group>
  );
}
