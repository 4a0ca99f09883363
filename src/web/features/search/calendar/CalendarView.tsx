import { Alert, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { ErrorNotice } from '../../../components/States';
import { addDays, dateInZone } from '../../../lib/time';
import { useViewerZone } from '../../auth/hooks';
import { type CatalogFilters, toSearchQuery } from '../filters';
import { useSearchWeeks } from '../hooks';
import { CalendarGrid } from './CalendarGrid';
import { byDay, type CalendarMode, periodTitle, shift, weeksFor } from './calendarModel';
import { DayAgenda } from './DayAgenda';

type Props = {
  filters: CatalogFilters;
  mode: CalendarMode;
  /** The day the calendar shows ("YYYY-MM-DD"); null is today. */
  date: string | null;
  onDate: (date: string | null) => void;
  onShowWeek: (date: string) => void;
};

/** The current filters' sessions in a week or month, in the viewer's zone. */
export function CalendarView({ filters, mode, date, onDate, onShowWeek }: Props) {
  const zone = useViewerZone();
  const today = dateInZone(new Date(), zone);
  const anchor = date ?? today;
  const weeks = weeksFor(mode, anchor);
  const visible = weeks.flat();
  // Phones get counts in the grid and the chosen day's sessions listed below it.
  const compact = useMediaQuery('(max-width: 37.5em)', false, { getInitialValueInEffect: false });
  const [focused, setFocused] = useState(anchor);

  // A new period (buttons, or the URL): keep the focused day inside it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the visible days change
  useEffect(() => {
    if (!visible.includes(focused)) setFocused(visible.includes(anchor) ? anchor : (visible[0] ?? anchor));
  }, [visible[0], visible.length]);

  const queries = weeks.map((w) => toSearchQuery(filters, zone, { from: w[0] as string, to: addDays(w[6] as string, 1) }));
  const results = useSearchWeeks(queries);
  const pending = results.some((r) => r.isPending);
  const failed = results.find((r) => r.isError);
  const days = byDay(
    results.flatMap((r) => r.data?.items ?? []),
    zone,
  );
  const truncated = results.some((r) => r.data?.nextCursor);

  const focusDay = (d: string) => {
    setFocused(d);
    // Arrowing past the edge turns the page.
    if (!visible.includes(d)) onDate(d);
  };

  const title = periodTitle(mode, anchor);
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3} fz="h4" id="cal-title" aria-live="polite">
          {title}
        </Title>
        <Group gap={6}>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
            onClick={() => onDate(shift(mode, anchor, -1))}
          >
            Previous<span className="visually-hidden"> {mode}</span>
          </Button>
          <Button variant="default" size="xs" onClick={() => onDate(null)} disabled={visible.includes(today) && date === null}>
            Today
          </Button>
          <Button
            variant="default"
            size="xs"
            rightSection={<IconChevronRight size={16} aria-hidden="true" />}
            onClick={() => onDate(shift(mode, anchor, 1))}
          >
            Next<span className="visually-hidden"> {mode}</span>
          </Button>
        </Group>
      </Group>
      <Text fz="xs" c="dimmed">
        Times in your zone ({zone}). Arrow keys move between days; Tab goes to a day’s sessions.
      </Text>
      {failed && <ErrorNotice error={failed.error} onRetry={() => void failed.refetch()} title="The calendar could not load" />}
      {truncated && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
          Some weeks have more sessions than fit here. Narrow the search or filters to see them all.
        </Alert>
      )}
      {pending && days.size === 0 ? (
        <Skeleton height={mode === 'week' ? 220 : 480} />
      ) : (
        <div aria-busy={pending}>
          <CalendarGrid
            mode={mode}
            weeks={weeks}
            anchor={anchor}
            today={today}
            days={days}
            zone={zone}
            focused={focused}
            onFocusDay={focusDay}
            onShowDay={onShowWeek}
            compact={compact}
            labelledBy="cal-title"
          />
        </div>
      )}
      {compact && <DayAgenda day={focused} hits={days.get(focused) ?? []} zone={zone} />}
      {!pending && days.size === 0 && (
        <Text c="dimmed">
          No sessions {mode === 'week' ? 'this week' : 'this month'} match. Try the next {mode}, or clear some filters.
        </Text>
      )}
    </Stack>
  );
}
