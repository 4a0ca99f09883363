import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  type ICalCalendar,
  type ICalCalendarData,
  ICalCalendarMethod,
  type ICalEventData,
  ICalEventStatus,
} from 'ical-generator';
import { LRUCache } from 'lru-cache';

/** One session as a calendar event shows it (the video link only when the reader may see it). */
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

/** A session in a person's feed or file, with the SEQUENCE of the person's latest invitation (0: none was sent). */
export interface PublishedSession extends CalendarSession {
  sequence: number;
}

const END = 'END:VCALENDAR';

/**
 * The one way a calendar becomes text: ical-generator's, with its events folded here. RFC 5545
 * (3.1) ends every content line with CRLF, the last one too; ical-generator leaves the final
 * END:VCALENDAR without it. The text is the library's own, byte for byte (calendar.test.ts).
 */
export function renderCalendar(options: ICalCalendarData, events: ICalEventData[]): string {
  const calendar = ical(options);
  let text = calendarHead(options);
  for (const event of events) text += foldLines(calendar.createEvent(event).toString());
  return `${text}${END}\r\n`;
}

/** The calendar's text up to its first event. */
function calendarHead(options: ICalCalendarData): string {
  const shell = ical(options).toString();
  if (!shell.endsWith(END)) throw new Error('ical-generator wrote something after END:VCALENDAR');
  return shell.slice(0, -END.length);
}

/** What an event's text depends on, besides the person (UID, SEQUENCE). */
const SAID = ['workshop_id', 'title', 'summary', 'starts_at', 'ends_at', 'mode', 'location', 'video_url', 'status'] as const;

/**
 * Rendered events kept across feeds, for one Lyceum (one address and organizer): each session's
 * event is the same text for everyone who sees it alike, but for its first three lines (BEGIN,
 * the person's UID, SEQUENCE), written per feed. Kept by session and video link, checked against
 * what the session says now (a changed session is rendered anew), as UTF-8 ready to send; its
 * DTSTAMP is when its text was first made. About 1 KB each.
 */
export class EventFragments {
  private readonly kept = new LRUCache<string, { from: CalendarSession; text: Buffer }>({ max: 20_000 });

  /** The event's text after its SEQUENCE line; `make` gives the event when it has to be rendered. */
  rest(session: CalendarSession, make: () => { calendar: ICalCalendar; event: ICalEventData }): Buffer {
    const key = session.video_url === null ? session.id : `${session.id} ${session.video_url}`;
    const found = this.kept.get(key);
    if (found && SAID.every((field) => found.from[field] === session[field])) return found.text;
    const { calendar, event } = make();
    const text = calendar.createEvent({ ...event, stamp: new Date() }).toString();
    const at = text.indexOf('\r\nDTSTAMP:');
    if (!text.startsWith('BEGIN:VEVENT\r\nUID:') || at < 0) throw new Error('ical-generator changed the order of an event');
    const rendered = Buffer.from(foldLines(text.slice(at + 2)));
    const from = { ...session };
    this.kept.set(key, { from, text: rendered });
    return rendered;
  }
}

/**
 * Folds content lines longer than 75 octets (RFC 5545 3.1) exactly as ical-generator does (74
 * octets, then CRLF, a space and up to 74 more), without its cost: it encodes each character with
 * a new TextEncoder, 97 % of the time a 500-event feed took (about 250 ms of 258).
 */
export function foldLines(text: string): string {
  const lines = text.split('\r\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.length > 18 && Buffer.byteLength(line) > 74) lines[i] = foldLine(line);
  }
  return lines.join('\r\n');
}

/** UTF-8 octets of one UTF-16 code unit (a lone surrogate is written as U+FFFD: three). */
const octetsOf = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : 3);

function foldLine(line: string): string {
  let result = '';
  let octets = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let ch = line[i] as string;
    let size = octetsOf(code);
    if (code >= 0xd800 && code <= 0xdbff) {
      // A high surrogate is taken with what follows: a pair is four octets; alone it becomes U+FFFD.
      ch += line.charAt(++i);
      const next = ch.charCodeAt(1);
      if (next >= 0xdc00 && next <= 0xdfff) size = 4;
      else if (ch.length === 2) size += octetsOf(next);
    }
    octets += size;
    if (octets > 74) {
      result += '\r\n ';
      octets = size;
    }
    result += ch;
  }
  return result;
}

/**
 * ical-generator writes the calendar's NAME and X-WR-CALNAME verbatim, so a workshop title with a
 * line break in it would end the line early (a bare LF) and could add properties of its own.
 * A name is one line of TEXT (RFC 5545 3.3.11): line breaks become spaces, separators are escaped.
 */
const calendarName = (name: string) =>
  name
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .trim();

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
  const options = {
    prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  };
  const event: ICalEventData = {
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
  };
  return renderCalendar(options, [event]);
}

interface FeedInput {
  name: string;
  sessions: PublishedSession[];
  personId: string;
  organizer: Organizer;
  publicUrl: string;
}

const feedOptions = (name: string): ICalCalendarData => ({
  name: calendarName(name),
  prodId: { company: 'Lyceum', product: 'Lyceum', language: 'EN' },
  method: ICalCalendarMethod.PUBLISH,
  ttl: 3600,
});

/** One session of a feed as an event: the same UID and SEQUENCE as the person's invitation for it. */
function feedEvent(s: PublishedSession, input: FeedInput, domain: string, stamp: Date): ICalEventData {
  return {
    // The same UID as the person's invitation: a calendar that has both shows one event.
    id: inviteUid(s.id, input.personId, domain),
    sequence: s.sequence,
    start: new Date(s.starts_at),
    end: new Date(s.ends_at),
    stamp,
    summary: s.title,
    description: describe(s, input.publicUrl),
    location: place(s),
    url: sessionLink(input.publicUrl, s),
    status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // RFC 5546 3.2.1: a published event names its organizer, as the invitations do.
    organizer: input.organizer,
  };
}

/**
 * A calendar of sessions to subscribe to or download (METHOD:PUBLISH): one event per session,
 * each the same event as the person's invitation for it (UID and SEQUENCE), so a calendar that
 * has both shows one event, and the newer of the two wins.
 */
export function feed(input: FeedInput): string {
  const domain = new URL(input.publicUrl).hostname;
  const stamp = new Date();
  return renderCalendar(
    feedOptions(input.name),
    input.sessions.map((s) => feedEvent(s, input, domain, stamp)),
  );
}

/**
 * A personal feed as the bytes to send: the text `feed` makes, but each event's body taken from
 * `fragments` (rendered once for everyone who sees the session alike) and only its UID and
 * SEQUENCE written for this person.
 */
export function personalFeed(input: FeedInput, fragments: EventFragments): Buffer {
  const domain = new URL(input.publicUrl).hostname;
  const options = feedOptions(input.name);
  let calendar: ICalCalendar | undefined;
  const chunks: Buffer[] = [Buffer.from(calendarHead(options))];
  for (const s of input.sessions) {
    const head = foldLines(`BEGIN:VEVENT\r\nUID:${inviteUid(s.id, input.personId, domain)}\r\nSEQUENCE:${s.sequence}\r\n`);
    chunks.push(Buffer.from(head));
    chunks.push(
      fragments.rest(s, () => {
        calendar ??= ical(options);
        return { calendar, event: feedEvent(s, input, domain, new Date()) };
      }),
    );
  }
  chunks.push(Buffer.from(`${END}\r\n`));
  return Buffer.concat(chunks);
}

/**
 * Invitations as the mail that carries them sends them: from MAIL_FROM (the organizer), linking
 * to this Lyceum. The notifications module gets it through the container, to add to its messages.
 */
export function calendarInvitations(settings: { mailFrom: string; publicUrl: string }) {
  const organizer = parseAddress(settings.mailFrom);
  return {
    invitation: (input: {
      method: 'REQUEST' | 'CANCEL';
      sequence: number;
      session: CalendarSession;
      attendee: { name: string; email: string; id: string };
    }) => invitation({ ...input, organizer, publicUrl: settings.publicUrl }),
  };
}
