import { Button, Card, Group, Select, SimpleGrid } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { DATE_FORMAT } from '../../lib/time';
import { PersonSelect } from '../analytics/PersonSelect';
import { auditActionChoices } from './actions';
import type { AuditFilterValues } from './hooks';

type Props = {
  filters: AuditFilterValues;
  set: (change: Partial<AuditFilterValues>) => void;
  clear: () => void;
};

/** Who, what and when: each choice goes into the URL, so a filtered log can be shared as a link. */
export function AuditFilters({ filters, set, clear }: Props) {
  const actions: { value: string; label: string }[] = [...auditActionChoices];
  // An action from a shared link that the list does not offer still shows as chosen.
  if (filters.action && !actions.some((a) => a.value === filters.action)) actions.push({ value: filters.action, label: filters.action });
  const wrongWay = filters.from && filters.to && filters.from > filters.to ? '"To" is before "From"' : undefined;
  const active = [filters.actor, filters.action, filters.from, filters.to].filter(Boolean).length;
  return (
    <Card withBorder padding="md" component="section" aria-label="Filters">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
        <Select
          label="What"
          placeholder="Every action"
          data={actions}
          value={filters.action ?? null}
          onChange={(v) => set({ action: v ?? undefined })}
          clearable
          searchable
        />
        <PersonSelect label="Who" value={filters.actor ?? null} onChange={(id) => set({ actor: id ?? undefined })} />
        <DatePickerInput
          label="From"
          placeholder="The beginning"
          valueFormat={DATE_FORMAT}
          firstDayOfWeek={1}
          clearable
          value={filters.from ?? null}
          onChange={(v) => set({ from: v ?? undefined })}
          leftSection={<IconCalendar size={16} aria-hidden="true" />}
        />
        <DatePickerInput
          label="To"
          placeholder="Today"
          valueFormat={DATE_FORMAT}
          firstDayOfWeek={1}
          clearable
          value={filters.to ?? null}
          error={wrongWay}
          onChange={(v) => set({ to: v ?? undefined })}
          leftSection={<IconCalendar size={16} aria-hidden="true" />}
        />
      </SimpleGrid>
      {active > 0 && (
        <Group justify="flex-end" mt="sm">
          <Button variant="subtle" size="xs" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={clear}>
            Clear filters
          </Button>
        </Group>
      )}
    </Card>
  );
}
