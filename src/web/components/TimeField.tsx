import { TimePicker, type TimePickerProps } from '@mantine/dates';
import { timePickerFormat } from '../lib/time';

/**
 * The app's time input: the viewer's clock (24-hour where their locale uses it, else 12-hour with
 * "am"/"pm" as the app writes them), whatever the browser's own time input would show. Value "HH:mm".
 */
export function TimeField(props: Omit<TimePickerProps, 'format' | 'amPmLabels'>) {
  return <TimePicker {...timePickerFormat()} {...props} />;
}
