import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

/** One session as a calendar event shows it. */
export interface CalendarSession {
  id: string;
  workshop_id: string;
  title: string;
  summary: string;
  starts_at: string;
  ends_at: string;
  mode: 'in_person' | 'online' | 'hybrid';
  location: string | null;
  video_url: string | null;
  status: 'scheduled' | 'cancelled';
}

export interface Organizer {
  name: string;
  email: string;
}

/** "Lyceum <lyceum@example.com>" → its name and address. */
export function parseAddress(from: string): Organizer {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || 'Lyceum', email: match[2] as string } : { name: 'Lyceum', email: from.trim() };
}

/** Stable per session and person: every update and cancellation of an invitation names the same event. */
export const inviteUid = (sessionId: string, personId: string, domain: string) => `session-${sessionId}-${personId}@${domain}`;

const sessionLink = (publicUrl: string, s: CalendarSession) => `${publicUrl}/workshops/${s.workshop_id}?session=${s.id}`;

function describe(s: CalendarSession, publicUrl: string): string {
  return [s.summary, s.video_url ? `Video link: ${s.video_url}` : '', `In Lyceum: ${sessionLink(publicUrl, s)}`]
    .filter(Boolean)
    .join('\n\n');
}

function place(s: CalendarSession): string | undefined {
  if (s.mode === 'online') return s.video_url ?? 'Online';
  if (s.mode === 'hybrid') return [s.location, s.video_url].filter(Boolean).join(' · ') || undefined;
  return s.location ?? undefined;
}

/**
 * An iTIP message (RFC 5546) for one person: METHOD:REQUEST invites or updates (same UID, higher
 * SEQUENCE), METHOD:CANCEL withdraws. Times are UTC, which every calendar converts correctly.
 */
export function invitation(input: {
  method: 'REQUEST' | 'CANCEL';
  sequence: number;
  session: CalendarSession;
  attendee: { name: string; email: string; id: string };
  organizer: Organizer;
  publicUrl: string;
}): string {
  const { session: s, attendee, organizer, publicUrl } = input;
  const domain = new URL(publicUrl).hostname;
  const calendar = ical({
    prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: inviteUid(s.id, attendee.id, domain),
    sequence: input.sequence,
    start: new Date(s.starts_at),
    end: new Date(s.ends_at),
    stamp: new Date(),
    summary: s.title,
    description: describe(s, publicUrl),
    location: place(s),
    url: sessionLink(publicUrl, s),
    status: input.method === 'CANCEL' || s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer,
    attendees: [
      {
        name: attendee.name,
        email: attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
      },
    ],
  });
  return calendar.toString();
}

/** A calendar of sessions to subscribe to or download (METHOD:PUBLISH): one event per session. */
export function feed(input: { name: string; sessions: CalendarSession[]; personId: string; publicUrl: string }): string {
  const domain = new URL(input.publicUrl).hostname;
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 3600,
  });
  for (const s of input.sessions) {
    calendar.createEvent({
      // The same UID as the person's invitation: a calendar that has both shows one event.
      id: inviteUid(s.id, input.personId, domain),
      start: new Date(s.starts_at),
      end: new Date(s.ends_at),
      stamp: new Date(),
      summary: s.title,
      description: describe(s, input.publicUrl),
      location: place(s),
      url: sessionLink(input.publicUrl, s),
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
