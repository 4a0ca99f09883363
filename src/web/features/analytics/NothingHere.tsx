import { Alert, Button, Group, Text } from '@mantine/core';
import { IconFilterOff, IconInfoCircle } from '@tabler/icons-react';
import type { AnalyticsOverview } from '../../../contracts/index.js';

/** Whether nothing at all happened in this view (every figure 0 or nothing to count). */
export function isEmptyView(overview: AnalyticsOverview): boolean {
  return Object.values(overview.kpis).every((k) => !k.value) && overview.unmetDemand.wishes + overview.unmetDemand.openRequests === 0;
}

/** Says so when the filters match nothing, and offers the way out. */
export function NothingHere({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  return (
    <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} title="Nothing happened in this view">
      <Text fz="sm">
        {filtered
          ? 'No sessions, learners or hosts match these filters in this period. Clear a filter or choose a longer period.'
          : 'No sessions, learners or hosts in this period. Choose a longer period.'}
      </Text>
      {filtered && (
        <Group mt="xs">
          <Button size="xs" variant="white" leftSection={<IconFilterOff size={14} aria-hidden="true" />} onClick={onClear}>
            Clear filters
          </Button>
        </Group>
      )}
    </Alert>
  );
}
