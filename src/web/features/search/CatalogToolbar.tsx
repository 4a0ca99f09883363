import { Group, NativeSelect, SegmentedControl, Text, VisuallyHidden } from '@mantine/core';
import { type CatalogFilters, type CatalogView, effectiveSort, type SearchSort } from './filters';

const sortLabels: Record<SearchSort, string> = {
  relevance: 'Best match',
  soonest: 'Soonest',
  popular: 'Most popular',
  newest: 'Newest',
};

type Props = {
  filters: CatalogFilters;
  view: CatalogView;
  summary: string;
  busy: boolean;
  onSort: (sort: string | null) => void;
  onView: (view: CatalogView) => void;
};

/** How many results, in which order, as a list or a calendar. */
export function CatalogToolbar({ filters, view, summary, busy, onSort, onView }: Props) {
  const sort = effectiveSort(filters);
  const defaultSort: SearchSort = filters.q ? 'relevance' : 'soonest';
  const sorts = (Object.keys(sortLabels) as SearchSort[]).filter((s) => s !== 'relevance' || filters.q);
  return (
    <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
      {/* Announced to screen readers as results change under the typing. */}
      <Text c="dimmed" fz="sm" aria-live="polite" aria-busy={busy} style={{ flex: '1 1 14rem' }}>
        {summary}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {view === 'list' && (
          <NativeSelect
            label="Sort by"
            size="xs"
            value={sort}
            data={sorts.map((s) => ({ value: s, label: sortLabels[s] }))}
            onChange={(e) => onSort(e.currentTarget.value === defaultSort ? null : e.currentTarget.value)}
          />
        )}
        <div>
          <VisuallyHidden id="view-label">Show as</VisuallyHidden>
          <SegmentedControl
            size="xs"
            aria-labelledby="view-label"
            value={view}
            onChange={(v) => onView(v as CatalogView)}
            data={[
              { value: 'list', label: 'List' },
              { value: 'week', label: 'Week' },
              { value: 'month', label: 'Month' },
            ]}
          />
        </div>
      </Group>
    </Group>
  );
}

/** "38 workshops, soonest first" / "2 workshops matching “kafka”, best match first". */
export function resultSummary(total: number, filters: CatalogFilters): string {
  const n = total === 1 ? '1 workshop' : `${total.toLocaleString('en-GB')} workshops`;
  const what = filters.q ? ` matching “${filters.q}”` : '';
  return `${n}${what}, ${sortLabels[effectiveSort(filters)].toLowerCase()} first`;
}
