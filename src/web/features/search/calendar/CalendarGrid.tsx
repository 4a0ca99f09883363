import { Button, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../../contracts/index.js';
import { CalendarItem } from './CalendarItem';
import { type CalendarMode, dayAfterKey, dayLabel, dayOfMonth, fullDay, monthOf, weekdayName } from './calendarModel';

type Props = {
  mode: CalendarMode;
  weeks: string[][];
  anchor: string;
  today: string;
  days: Map<string, SearchHit[]>;
  zone: string;
  /** The day that holds keyboard focus (roving tabindex). */
  focused: string;
  onFocusDay: (day: string) => void;
  onShowDay: (day: string) => void;
  /** Phones: days show counts only, the chosen day's sessions are listed under the grid. */
  compact: boolean;
  labelledBy: string;
};

const MONTH_CELL_ITEMS = 3;
const sessions = (n: number) => (n === 0 ? 'no sessions' : n === 1 ? '1 session' : `${n} sessions`);

/**
 * A week or month as an ARIA grid (a real table). Arrow keys move between days (←/→ a day, ↑/↓ a
 * week), Home/End to the week's ends, PageUp/PageDown a period; moving past the edge turns the
 * page. Only the focused day is a Tab stop; Tab goes on into its sessions, which are plain links.
 */
export function CalendarGrid({ mode, weeks, anchor, today, days, zone, focused, onFocusDay, onShowDay, compact, labelledBy }: Props) {
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const wantFocus = useRef(false);
  // Keys can arrive faster than the page re-renders: move from where the last key went, not the stale cell.
  const latest = useRef(focused);
  latest.current = focused;

  // Focus follows the keyboard (only after a key moved it), once the day is on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: weeks changes when a key turned the page
  useEffect(() => {
    const el = cells.current.get(focused);
    if (wantFocus.current && el) {
      el.focus();
      wantFocus.current = false;
    }
  }, [focused, weeks]);

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableCellElement>) => {
    if (e.target !== e.currentTarget) return; // keys inside a day's links keep their usual meaning
    const next = dayAfterKey(e.key, latest.current, mode);
    if (!next) return;
    e.preventDefault();
    wantFocus.current = true;
    latest.current = next;
    onFocusDay(next);
  };

  const header = weeks[0] ?? [];
  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the ARIA grid pattern is what tells screen readers arrow keys move between days
    <table role="grid" aria-labelledby={labelledBy} className={`cal-grid cal-${mode}${compact ? ' cal-compact' : ''}`}>
      <thead>
        <tr>
          {header.map((d) => (
            <th key={d} scope="col" className="cal-colhead">
              {mode === 'week' && !compact ? `${weekdayName(d)} ${dayOfMonth(d)}` : weekdayName(d)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr key={week[0]}>
            {week.map((d) => {
              const list = days.get(d) ?? [];
              const outside = mode === 'month' && monthOf(d) !== monthOf(anchor);
              const shown = mode === 'month' ? list.slice(0, MONTH_CELL_ITEMS) : list;
              const classes = [
                'cal-cell',
                d === today && 'cal-today',
                outside && 'cal-outside',
                d === focused && 'cal-focused',
                d < today && 'cal-past',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <td
                  key={d}
                  ref={(el) => {
                    if (el) cells.current.set(d, el);
                    else cells.current.delete(d);
                  }}
                  tabIndex={d === focused ? 0 : -1}
                  aria-current={d === today ? 'date' : undefined}
                  className={classes}
                  onClick={() => onFocusDay(d)}
                  onKeyDown={onKeyDown}
                >
                  {(mode === 'month' || compact) && (
                    <Text fz="xs" fw={d === today ? 800 : 600} className="cal-daynum" aria-hidden="true">
                      {dayLabel(d)}
                    </Text>
                  )}
                  <span className="visually-hidden">
                    {fullDay(d)}
                    {d === today ? ', today' : ''}, {sessions(list.length)}
                  </span>
                  {compact ? (
                    list.length > 0 && (
                      <Text fz="xs" fw={700} c="lyceum.9" aria-hidden="true" className="cal-count">
                        {list.length}
                      </Text>
                    )
                  ) : (
                    <Stack gap={4}>
                      {shown.map((h) => (
                        <CalendarItem key={h.workshop.id} hit={h} zone={zone} lines={mode === 'week' ? 4 : 2} />
                      ))}
                      {list.length > shown.length && (
                        <Button variant="subtle" size="compact-xs" onClick={() => onShowDay(d)}>
                          +{list.length - shown.length} more
                          <span className="visually-hidden"> on {fullDay(d)}</span>
                        </Button>
                      )}
                    </Stack>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
