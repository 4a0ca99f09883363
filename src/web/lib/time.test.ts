import { describe, expect, it } from 'vitest';
import { DATE_FORMAT, dateTimePickerFormat, formatDate, formatTime, timePickerFormat, uses24HourClock, zonedToUtc } from './time';

describe('one time format: 24-hour where the viewer locale uses it', () => {
  it('knows which locales use a 24-hour clock', () => {
    expect(uses24HourClock('en-GB')).toBe(true);
    expect(uses24HourClock('de-DE')).toBe(true);
    expect(uses24HourClock('fr-FR')).toBe(true);
    expect(uses24HourClock('en-US')).toBe(false);
    expect(uses24HourClock('en-IN')).toBe(false);
  });

  it('writes a time on either clock', () => {
    const at = new Date('2026-01-14T14:05:00Z');
    expect(formatTime(at, 'UTC', true)).toBe('14:05');
    expect(formatTime(at, 'UTC', false)).toBe('2:05 pm');
    expect(formatTime(new Date('2026-01-14T00:30:00Z'), 'UTC', false)).toBe('12:30 am');
    expect(formatTime(new Date('2026-01-14T09:00:00Z'), 'Europe/Amsterdam', true)).toBe('10:00');
  });

  it('gives the pickers the same clock and the same date format as the text', () => {
    const picker = timePickerFormat();
    expect(picker.format).toBe(uses24HourClock() ? '24h' : '12h');
    expect(picker.amPmLabels).toEqual({ am: 'am', pm: 'pm' });
    expect(DATE_FORMAT).toBe('D MMM YYYY');
    expect(dateTimePickerFormat()).toBe(uses24HourClock() ? 'D MMM YYYY, HH:mm' : 'D MMM YYYY, h:mm a');
    expect(formatDate('2026-01-14T09:00:00Z', 'UTC')).toBe('14 Jan 2026');
  });

  it('reads wall-clock times on a 24-hour clock whatever the display (zone arithmetic)', () => {
    expect(zonedToUtc('2026-01-14', '10:00', 'Europe/Amsterdam').toISOString()).toBe('2026-01-14T09:00:00.000Z');
    expect(zonedToUtc('2026-07-14', '22:30', 'America/New_York').toISOString()).toBe('2026-07-15T02:30:00.000Z');
  });
});
