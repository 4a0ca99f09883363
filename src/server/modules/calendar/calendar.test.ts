import ical, { ICalCalendarMethod, type ICalEventData } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { EventFragments, feed, type PublishedSession, personalFeed, renderCalendar } from './calendar.js';

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

describe('a personal feed', () => {
  const session = (n: number, changes: Partial<PublishedSession> = {}): PublishedSession => ({
    id: `s${n}`,
    workshop_id: `w${n}`,
    title: `Workshop ${n}: ${'a title long enough to fold over the line '.repeat(2)}`,
    summary: 'What you will learn · in Amsterdam, with ümlauts and a 🎉',
    starts_at: `2026-12-${10 + n}T09:00:00.000Z`,
    ends_at: `2026-12-${10 + n}T10:00:00.000Z`,
    mode: n % 2 ? 'online' : 'in_person',
    location: n % 2 ? null : 'Amsterdam · Room Turing',
    video_url: n % 2 ? `https://meet.example.com/${n}` : null,
    status: 'scheduled',
    sequence: n,
    ...changes,
  });
  const input = (sessions: PublishedSession[], personId = 'person-with-a-long-identifier-01JXYZ') => ({
    name: 'Lyceum',
    sessions,
    personId,
    organizer: { name: 'Lyceum', email: 'lyceum@example.com' },
    publicUrl: 'https://lyceum.example.com',
  });
  // Events kept across feeds keep the DTSTAMP of when they were first written.
  const unstamped = (text: string) => text.replace(/^DTSTAMP:.*$/gm, 'DTSTAMP');

  it('says what the one-off file says, event for event, however often its events are reused', () => {
    const fragments = new EventFragments();
    const sessions = [session(1), session(2), session(3)];
    const first = personalFeed(input(sessions), fragments).toString('utf8');
    expect(unstamped(first)).toBe(unstamped(feed(input(sessions))));
    // Another person's feed reuses the events with their own UIDs and sequences.
    const other = input([session(2, { sequence: 7 }), session(3)], 'someone-else');
    expect(unstamped(personalFeed(other, fragments).toString('utf8'))).toBe(unstamped(feed(other)));
  });

  it('renders a session anew when what it says changed, and shows a video link only to whom it is given', () => {
    const fragments = new EventFragments();
    personalFeed(input([session(1)]), fragments);
    const moved = input([session(1, { starts_at: '2026-12-20T13:00:00.000Z', ends_at: '2026-12-20T14:00:00.000Z' })]);
    expect(personalFeed(moved, fragments).toString('utf8')).toContain('DTSTART:20261220T130000Z');
    const withoutLink = input([session(1, { video_url: null })]);
    expect(personalFeed(withoutLink, fragments).toString('utf8')).not.toContain('meet.example.com');
    expect(personalFeed(input([session(1)]), fragments).toString('utf8')).toContain('meet.example.com/1');
  });
});
