import ical, { ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { renderCalendar } from './calendar.js';

/** ical-generator's own text for the same calendar, with the CRLF Lyceum adds after END:VCALENDAR. */
function libraryText(options: Parameters<typeof ical>[0], events: ICalEventData[]): string {
  const calendar = ical(options);
  for (const event of events) calendar.createEvent(event);
  return `${calendar.toString()}\r\n`;
}

const at = new Date('2026-12-10T09:00:00Z');
const event = (summary: string, description: string): ICalEventData => ({
  id: `session-${summary.length}@lyceum.example.com`,
  start: at,
  end: new Date(at.getTime() + 3_600_000),
  stamp: at,
  summary,
  description,
  location: 'Amsterdam · Room Turing',
  url: 'https://lyceum.example.com/workshops/w1?session=s1',
  organizer: { name: 'Lyceum', email: 'lyceum@example.com' },
});

describe('a calendar as text', () => {
  it("is ical-generator's own, byte for byte, however long or wide its lines", () => {
    const options = {
      name: 'Lyceum',
      prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
      method: ICalCalendarMethod.PUBLISH,
    };
    const events = [
      event('Short', 'One line.'),
      event('Exactly seventy-four octets in the summary line, counted by hand.....', 'x'.repeat(300)),
      event('Ünïcödé ümlauts everywhere in a title that is long enough to fold over', 'é'.repeat(200)),
      event('日本語のワークショップのタイトルはとても長くなることがありますので折り返します', '漢字'.repeat(90)),
      event('Emoji 🎉🎉🎉 across the fold 🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻🧑‍💻', '🎉'.repeat(80)),
      event('A lone surrogate \ud800 here and \ud800x there and at the end \ud800', `tail \udc00 ${'a'.repeat(70)}\ud800`),
      event('Paragraphs', `First paragraph.\n\n${'Second, long. '.repeat(20)}\n\nVideo link: https://meet.example.com/${'a'.repeat(90)}`),
    ];
    expect(renderCalendar(options, events)).toBe(libraryText(options, events));
    expect(renderCalendar(options, [])).toBe(libraryText(options, []));
  });
});
