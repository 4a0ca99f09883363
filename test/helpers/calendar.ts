import ICAL from 'ical.js';

/** The parts of an iTIP message a calendar acts on, read with ical.js (not with Lyceum's own code). */
export function readInvitation(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const event = events[0];
  if (!event) throw new Error('no VEVENT in the calendar');
  const dtstart = event.getFirstPropertyValue('dtstart') as ICAL.Time;
  const dtend = event.getFirstPropertyValue('dtend') as ICAL.Time;
  return {
    method: calendar.getFirstPropertyValue('method') as string | null,
    events: events.length,
    uid: event.getFirstPropertyValue('uid') as string,
    sequence: Number(event.getFirstPropertyValue('sequence') ?? 0),
    status: event.getFirstPropertyValue('status') as string | null,
    start: dtstart.toJSDate().toISOString(),
    end: dtend.toJSDate().toISOString(),
    organizer: String(event.getFirstPropertyValue('organizer') ?? ''),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue())),
    location: event.getFirstPropertyValue('location') as string | null,
    url: event.getFirstPropertyValue('url') as string | null,
  };
}
