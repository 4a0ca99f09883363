import ICAL from 'ical.js';

/**
 * The parts of an iTIP message a calendar acts on, read with ical.js (not with Lyceum's own code):
 * of its first event, or of the one whose UID starts with `uidPrefix` (a feed has many).
 */
export function readInvitation(text: string, uidPrefix?: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent');
  const event = uidPrefix ? events.find((e) => String(e.getFirstPropertyValue('uid')).startsWith(uidPrefix)) : events[0];
  if (!event) throw new Error(uidPrefix ? `no VEVENT with a UID starting ${uidPrefix}` : 'no VEVENT in the calendar');
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
    description: event.getFirstPropertyValue('description') as string | null,
    url: event.getFirstPropertyValue('url') as string | null,
  };
}
