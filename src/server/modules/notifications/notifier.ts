import type { FeedbackSummaryMail, WeeklySummaryMail } from '../../../contracts/index.js';
import { newId } from '../../platform/ids.js';
import type { outboxRepository, PersonMessage } from '../../platform/outbox/outbox.repository.js';
import type { Executor } from '../../platform/transaction.js';
import type { RegistrationRow } from '../registrations/registrations.repository.js';
import type { SessionRow } from '../sessions/sessions.repository.js';
import type { invitesRepository } from './invites.repository.js';
import type { IntegratorEvent, IntegratorEvents } from './ports.js';
import { kindOf } from './preferences.js';

/** What happened to one person's registration. */
export type RegistrationTopic =
  | 'registration.enrolled'
  | 'registration.waitlisted'
  | 'registration.promoted'
  | 'registration.offered'
  | 'registration.cancelled';

export type SessionTopic = 'session.updated' | 'session.cancelled';

export type Topic =
  | RegistrationTopic
  | SessionTopic
  | 'reminder.48h'
  | 'reminder.1h'
  | 'session.thanks'
  | 'session.message'
  | 'session.scheduled'
  | 'session.recording'
  | 'host.low_turnout'
  | 'host.checklist'
  | 'host.digest'
  | 'feedback.requested'
  | 'feedback.reminder'
  | 'feedback.follow_up'
  | 'host.feedback_summary'
  | 'host.left'
  | 'analytics.weekly'
  | 'manager.suggested';

/** What a message is about; the text is written when it is delivered, in the recipient's time zone. */
export interface MessagePayload {
  sessionId: string;
  personId: string;
  registrationId?: string;
  /** The calendar part: an invitation (or its update) or a cancellation, with its SEQUENCE. */
  calendar?: { method: 'REQUEST' | 'CANCEL'; sequence: number };
  /** For session.updated: what changed ("time", "place", "link"). */
  changes?: string[];
  /** A host's message to the people registered. */
  message?: { subject: string; body: string; author: string };
  /** For the low-turnout warning: seats taken of seats offered. */
  turnout?: { taken: number; seats: number };
  /** For checklist reminders: the items due, and the workshop's checklist. */
  checklist?: { workshopId: string; items: string[] };
  /** For the host digest: yesterday's roster changes per upcoming session. */
  digest?: { title: string; startsAt: string; joined: number; left: number }[];
  /** For feedback asks and their reminder: until when it can be given. */
  feedback?: { closesAt: string };
  /** For the hosts' mail when a session's feedback closes: its figures, or why they are hidden. */
  feedbackSummary?: FeedbackSummaryMail;
  /** For host.left: who left, and whether the workshop has no host left at all. */
  leaver?: { name: string; alone: boolean };
  /** For session.scheduled: the person waits for a seat at another session of the workshop (rather than asked to hear of it). */
  fromWaitlist?: boolean;
}

/** A message about no session: the weekly learning summary to an admin who opted in. */
export interface PersonMessagePayload {
  personId: string;
  weeklySummary: WeeklySummaryMail;
}

/** A manager suggested a workshop to one of their reports: about no session (the report picks one, or none). */
export interface SuggestionMessagePayload {
  personId: string;
  managerSuggestion: { id: string; workshopId: string; workshopTitle: string; managerName: string; note: string | null };
}

/** What the notifier reads from other modules' tables. */
export interface NotifierLookups {
  /** Who asked to hear when a workshop runs again (clearing the wish). */
  takeInterest(db: Executor, workshopId: string): Promise<string[]>;
  /** The workshop's channels that announce new sessions in Slack. */
  slackChannelsOf(db: Executor, workshopId: string): Promise<string[]>;
  /** Who asked to hear when a workshop runs again (the wish kept: a recording is not a new run). */
  interestedIn(db: Executor, workshopId: string): Promise<string[]>;
}

/**
 * Turns changes into messages in the outbox, inside the transaction of the change: a rollback
 * drops them, a commit keeps them for the worker. The dedup key names the change itself, so the
 * same change recorded twice (a retried request) is one message.
 */
export class Notifier {
  constructor(
    private readonly outbox: typeof outboxRepository,
    private readonly invites: typeof invitesRepository,
    private readonly lookups: NotifierLookups,
    private readonly webhooks: IntegratorEvents,
  ) {}

  /** `row` as it is after the change. */
  async registration(db: Executor, row: RegistrationRow, topic: RegistrationTopic): Promise<void> {
    const now = new Date().toISOString();
    const payload: MessagePayload = { sessionId: row.session_id, personId: row.person_id, registrationId: row.id };
    if (topic === 'registration.enrolled' || topic === 'registration.promoted') {
      // Waitlisted people get an invitation only once they have a seat.
      payload.calendar = { method: 'REQUEST', sequence: await this.invites.nextSequence(db, row.session_id, row.person_id, now) };
    } else if (topic === 'registration.cancelled' && (await this.invites.exists(db, row.session_id, row.person_id))) {
      payload.calendar = { method: 'CANCEL', sequence: await this.invites.nextSequence(db, row.session_id, row.person_id, now) };
    }
    await this.enqueue(db, topic, `${topic}:${row.id}:${row.updated_at}`, payload, now);
    const event = webhookEventOf(topic, row.created_at === row.updated_at);
    if (event) await this.webhooks.emit(db, event, `${row.id}:${row.updated_at}`, { registration: registrationData(row) }, refsOf(row));
  }

  /**
   * The person's messages for a registration not yet decided (its id chosen), as registration()
   * would write them once the seat or the waitlist place is taken, for a statement that writes the
   * place and its message together (registrationsRepository.takePlaces). The seat's calendar
   * invitation is left to that statement: its sequence is raised there.
   */
  placeMessages(r: { id: string; sessionId: string; personId: string }): { enrolled: PersonMessage; waitlisted: PersonMessage } {
    const now = new Date().toISOString();
    const payload: MessagePayload = { sessionId: r.sessionId, personId: r.personId, registrationId: r.id };
    // Keyed by the registration, new with this request, and the moment: one message per change, as registration()'s.
    const message = (topic: RegistrationTopic) => personMessage(topic, `${topic}:${r.id}:${now}`, payload, now);
    return { enrolled: message('registration.enrolled'), waitlisted: message('registration.waitlisted') };
  }

  /** Whether any integrator hears of a new registration's `topic` (registration() would emit its event). */
  async integratorsHear(db: Executor, topic: RegistrationTopic): Promise<boolean> {
    const event = webhookEventOf(topic, true);
    return event !== undefined && (await this.webhooks.listening(db, event));
  }

  /** Someone checked in (or walked in): for integrators only, people need no mail about it. */
  async attendance(db: Executor, row: RegistrationRow): Promise<void> {
    await this.webhooks.emit(
      db,
      'attendance.recorded',
      `${row.id}:${row.updated_at}`,
      { registration: registrationData(row) },
      refsOf(row),
    );
  }

  /**
   * A session changed or was cancelled: everyone registered hears of it; those holding an
   * invitation get its update (same UID, SEQUENCE raised) or its cancellation.
   */
  async session(db: Executor, session: SessionRow, topic: SessionTopic, registrations: RegistrationRow[], changes: string[] = []) {
    const now = new Date().toISOString();
    await this.webhooks.emit(
      db,
      topic,
      `${session.id}:${session.updated_at}`,
      { session: sessionData(session), changes },
      { sessionId: session.id },
    );
    for (const row of registrations) {
      if (row.status === 'cancelled' || row.status === 'no_show') continue;
      const payload: MessagePayload = { sessionId: session.id, personId: row.person_id, registrationId: row.id, changes };
      const invited = await this.invites.exists(db, session.id, row.person_id);
      if (invited && (row.status === 'enrolled' || row.status === 'attended' || topic === 'session.cancelled')) {
        const method = topic === 'session.cancelled' ? 'CANCEL' : 'REQUEST';
        payload.calendar = { method, sequence: await this.invites.nextSequence(db, session.id, row.person_id, now) };
      }
      await this.enqueue(db, topic, `${topic}:${session.id}:${session.updated_at}:${row.person_id}`, payload, now);
    }
  }

  /** The 48-hour reminder carries the invitation again (same UID and SEQUENCE); the 1-hour one the video link. */
  async reminder(db: Executor, row: { id: string; session_id: string; person_id: string }, kind: '48h' | '1h', startsAt: string) {
    const now = new Date().toISOString();
    const payload: MessagePayload = { sessionId: row.session_id, personId: row.person_id, registrationId: row.id };
    if (kind === '48h') {
      const sequence =
        (await this.invites.current(db, row.session_id, row.person_id)) ??
        (await this.invites.nextSequence(db, row.session_id, row.person_id, now));
      payload.calendar = { method: 'REQUEST', sequence };
    }
    await this.enqueue(db, `reminder.${kind}`, `reminder.${kind}:${row.id}:${startsAt}`, payload, now);
  }

  async lowTurnout(db: Executor, session: { id: string; starts_at: string }, hostIds: string[], turnout: { taken: number; seats: number }) {
    const now = new Date().toISOString();
    for (const personId of hostIds) {
      await this.enqueue(
        db,
        'host.low_turnout',
        `host.low_turnout:${session.id}:${session.starts_at}:${personId}`,
        { sessionId: session.id, personId, turnout },
        now,
      );
    }
  }

  async checklistReminder(
    db: Executor,
    hostId: string,
    sessionId: string,
    checklist: { workshopId: string; items: string[] },
    key: string,
  ) {
    const now = new Date().toISOString();
    await this.enqueue(db, 'host.checklist', `host.checklist:${hostId}:${key}`, { sessionId, personId: hostId, checklist }, now);
  }

  /** Once a day per host (the day is in the key). */
  async hostDigest(db: Executor, hostId: string, sessionId: string, day: string, digest: NonNullable<MessagePayload['digest']>) {
    const now = new Date().toISOString();
    await this.enqueue(db, 'host.digest', `host.digest:${hostId}:${day}`, { sessionId, personId: hostId, digest }, now);
  }

  async thanks(db: Executor, row: { id: string; session_id: string; person_id: string }) {
    const now = new Date().toISOString();
    await this.enqueue(
      db,
      'session.thanks',
      `session.thanks:${row.id}`,
      { sessionId: row.session_id, personId: row.person_id, registrationId: row.id },
      now,
    );
  }

  /** Each person asked about an ended session hears of it by the channel they chose. */
  async feedbackRequested(db: Executor, sessionId: string, personIds: string[], closesAt: string) {
    const now = new Date().toISOString();
    for (const personId of personIds) {
      const payload: MessagePayload = { sessionId, personId, feedback: { closesAt } };
      await this.enqueue(db, 'feedback.requested', `feedback.requested:${sessionId}:${personId}`, payload, now);
    }
  }

  /** The one reminder of an unanswered ask. */
  async feedbackReminder(db: Executor, sessionId: string, personId: string, closesAt: string) {
    const now = new Date().toISOString();
    const payload: MessagePayload = { sessionId, personId, feedback: { closesAt } };
    await this.enqueue(db, 'feedback.reminder', `feedback.reminder:${sessionId}:${personId}`, payload, now);
  }

  /** "Have you applied it?", some weeks later, to those who planned to. */
  async feedbackFollowUp(db: Executor, followUpId: string, sessionId: string, personId: string) {
    const now = new Date().toISOString();
    await this.enqueue(db, 'feedback.follow_up', `feedback.follow_up:${followUpId}`, { sessionId, personId }, now);
  }

  /** Once per host when a session's feedback window closes. */
  async feedbackSummary(db: Executor, sessionId: string, hostIds: string[], summary: FeedbackSummaryMail) {
    const now = new Date().toISOString();
    for (const personId of hostIds) {
      const payload: MessagePayload = { sessionId, personId, feedbackSummary: summary };
      await this.enqueue(db, 'host.feedback_summary', `host.feedback_summary:${sessionId}:${personId}`, payload, now);
    }
  }

  /** The weekly learning summary, once per ISO week per admin (the week is in the key), by the channel they chose. */
  async weeklySummary(db: Executor, personId: string, summary: WeeklySummaryMail) {
    const payload: PersonMessagePayload = { personId, weeklySummary: summary };
    await this.outbox.enqueueForPerson(db, {
      id: newId(),
      topic: 'analytics.weekly',
      dedupKey: `analytics.weekly:${summary.week}:${personId}`,
      payload: JSON.stringify(payload),
      personId,
      sessionId: null,
      kind: kindOf('analytics.weekly'),
      at: new Date().toISOString(),
    });
  }

  /**
   * A host left (deactivated) while their workshop still has sessions to come: its co-hosts, and
   * the admins when nobody else hosts it, hear of it. Once per leaving (its time is in the key).
   */
  async hostLeft(db: Executor, sessionId: string, personIds: string[], leaver: { id: string; name: string; alone: boolean; at: string }) {
    const now = new Date().toISOString();
    for (const personId of personIds) {
      const payload: MessagePayload = { sessionId, personId, leaver: { name: leaver.name, alone: leaver.alone } };
      await this.enqueue(db, 'host.left', `host.left:${leaver.id}:${leaver.at}:${sessionId}:${personId}`, payload, now);
    }
  }

  /** Once per suggestion, to the report, by the channel they chose for suggestions; it registers them for nothing. */
  async managerSuggested(db: Executor, suggestion: SuggestionMessagePayload['managerSuggestion'], personId: string) {
    const payload: SuggestionMessagePayload = { personId, managerSuggestion: suggestion };
    await this.outbox.enqueueForPerson(db, {
      id: newId(),
      topic: 'manager.suggested',
      dedupKey: `manager.suggested:${suggestion.id}`,
      payload: JSON.stringify(payload),
      personId,
      sessionId: null,
      kind: kindOf('manager.suggested'),
      at: new Date().toISOString(),
    });
  }

  /** For integrators: figures only, never who answered. */
  async feedbackSubmitted(db: Executor, key: string, feedback: Record<string, unknown> & { sessionId: string }) {
    await this.webhooks.emit(db, 'feedback.submitted', key, { feedback }, { sessionId: feedback.sessionId });
  }

  /** A host's message, to everyone holding a seat. */
  async hostMessage(
    db: Executor,
    sessionId: string,
    message: { id: string; subject: string; body: string; author: string },
    personIds: string[],
  ) {
    const now = new Date().toISOString();
    for (const personId of personIds) {
      const payload: MessagePayload = {
        sessionId,
        personId,
        message: { subject: message.subject, body: message.body, author: message.author },
      };
      await this.enqueue(db, 'session.message', `session.message:${message.id}:${personId}`, payload, now);
    }
  }

  /** "Notify me when it runs again": a new session of the workshop is open for registration. */
  async scheduled(db: Executor, session: { id: string; workshop_id: string }) {
    const now = new Date().toISOString();
    for (const personId of await this.lookups.takeInterest(db, session.workshop_id)) {
      await this.enqueue(db, 'session.scheduled', `session.scheduled:${session.id}:${personId}`, { sessionId: session.id, personId }, now);
    }
  }

  /** People waiting for a seat at the workshop's full sessions hear that another session exists. Once per person and session. */
  async anotherSession(db: Executor, session: { id: string }, personIds: string[]) {
    const now = new Date().toISOString();
    for (const personId of new Set(personIds)) {
      const payload: MessagePayload = { sessionId: session.id, personId, fromWaitlist: true };
      await this.enqueue(db, 'session.scheduled', `session.scheduled:${session.id}:${personId}`, payload, now);
    }
  }

  /**
   * A session's recording is there: for everyone who registered (came or not), who waited for a
   * seat, and who asked to hear when the workshop runs again. Once per person and session.
   */
  async recording(db: Executor, session: SessionRow, registrations: RegistrationRow[]) {
    const now = new Date().toISOString();
    const people = new Set([...registrations.map((r) => r.person_id), ...(await this.lookups.interestedIn(db, session.workshop_id))]);
    for (const personId of people) {
      await this.enqueue(db, 'session.recording', `session.recording:${session.id}:${personId}`, { sessionId: session.id, personId }, now);
    }
  }

  /** A new session is announced in the Slack channels of the workshop's Lyceum channels. */
  async announce(db: Executor, session: { id: string; workshop_id: string }) {
    const now = new Date().toISOString();
    const channels = await this.lookups.slackChannelsOf(db, session.workshop_id);
    await this.outbox.enqueue(
      db,
      channels.map((channelId) => ({
        id: newId(),
        channel: 'slack' as const,
        topic: 'session.announced',
        dedup_key: `session.announced:${session.id}:${channelId}`,
        payload: JSON.stringify({ sessionId: session.id, channelId }),
        session_id: session.id,
        created_at: now,
      })),
    );
  }

  /** One message to one person, by the channel they chose for its kind (email unless they chose Slack or nothing). */
  private async enqueue(db: Executor, topic: Topic, dedupKey: string, payload: MessagePayload, now: string): Promise<void> {
    await this.outbox.enqueueForPerson(db, personMessage(topic, dedupKey, payload, now));
  }
}

/** A message to the person a payload names, due `now`. */
function personMessage(topic: Topic, dedupKey: string, payload: MessagePayload, now: string): PersonMessage {
  return {
    id: newId(),
    topic,
    dedupKey,
    payload: JSON.stringify(payload),
    personId: payload.personId,
    sessionId: payload.sessionId,
    kind: kindOf(topic),
    at: now,
  };
}

/**
 * Which integrator event a registration message is: new, moved up, or cancelled (an accepted offer
 * is none). `isNew`: the registration was just created (never updated since).
 */
function webhookEventOf(topic: RegistrationTopic, isNew: boolean): IntegratorEvent | undefined {
  if (topic === 'registration.cancelled') return 'registration.cancelled';
  if (topic === 'registration.promoted' || topic === 'registration.offered') return 'registration.promoted';
  return isNew ? 'registration.created' : undefined;
}

const refsOf = (row: RegistrationRow) => ({ personId: row.person_id, sessionId: row.session_id });

function registrationData(row: RegistrationRow) {
  return {
    id: row.id,
    sessionId: row.session_id,
    personId: row.person_id,
    status: row.status,
    mode: row.mode,
    waitlistPosition: row.position,
    offerExpiresAt: row.offer_expires_at,
    checkedInAt: row.checked_in_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A session as integrators receive it. Without its video link: a receiver may be a broad sink (a
 * chat channel, a data lake) that people without a seat read, and the link is the way in.
 */
function sessionData(s: SessionRow) {
  return {
    id: s.id,
    workshopId: s.workshop_id,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    timeZone: s.time_zone,
    mode: s.mode,
    location: s.location,
    hasVideoLink: s.video_url !== null,
    status: s.status,
  };
}
