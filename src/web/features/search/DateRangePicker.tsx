import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { DATE_FORMAT } from '../../lib/time';

export type DateRangeProps = {
  from: string | null;
  to: string | null;
  onChange: (from: string | null, to: string | null) => void;
};

/**
 * The catalog's date range picker (Mantine dates), loaded the first time someone reaches for it
 * (see DateRange in FilterPanel). Changes the URL only once both ends are picked (or it is
 * cleared). `openNow`: the click that loaded it opens it, so that click is not lost.
 */
export default function DateRangePicker({ from, to, onChange, openNow }: DateRangeProps & { openNow?: boolean }) {
  const [value, setValue] = useState<DatesRangeValue<string>>([from, to]);
  useEffect(() => setValue([from, to]), [from, to]);
  const input = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!openNow) return;
    input.current?.focus();
    input.current?.click();
  }, [openNow]);
  return (
    <DatePickerInput
      ref={input}
      type="range"
      label="Dates"
      placeholder="Any date"
      clearable
      allowSingleDateInRange
      firstDayOfWeek={1}
      valueFormat={DATE_FORMAT}
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
