import type { Topic } from './notifier.js';

/** The kinds of message a person chooses a channel for, in the order the profile shows them. */
export const MESSAGE_KINDS = {
  registrations: {
    label: 'Your registrations',
    description: 'Confirmations with the calendar invitation, waitlist places, seats offered, cancellations.',
  },
  changes: { label: 'Changes to your sessions', description: 'A new time, place or link, or a cancelled session.' },
  reminders: { label: 'Reminders', description: 'Two days and one hour before a session you have a seat in.' },
  host_messages: { label: 'Messages from hosts', description: 'What hosts write to everyone registered.' },
  after: {
    label: 'After a session',
    description: 'A thank-you with the materials, the request for your feedback (one reminder), and a month later "Have you applied it?".',
  },
  runs_again: { label: 'Workshops you asked about', description: '"Notify me when it runs again": its next session is open.' },
  hosting: {
    label: 'For hosts',
    description:
      "A daily digest of roster changes, low registrations 72 hours before, checklist reminders you opted in to, the feedback summary when a session's feedback closes.",
  },
  education_summary: {
    label: 'Weekly learning summary (admins)',
    description: "Mondays: last week's sessions, learners, hours, rating and unmet demand against the week before.",
  },
  manager_suggestions: {
    label: 'Suggestions from your manager',
    description: 'A workshop your manager thinks is worth your time, with their note; you decide whether to register.',
  },
} as const;

export type MessageKind = keyof typeof MESSAGE_KINDS;
export type PreferredChannel = 'email' | 'slack' | 'none';

/**
 * Kinds nobody receives until they choose a channel (opt-in), and who may choose: every other kind
 * goes by email unless the person chose otherwise. The weekly summary is for admins who ask for it.
 */
const OPT_IN: Partial<Record<MessageKind, { for: 'admins' }>> = { education_summary: { for: 'admins' } };

/** The channel of a kind nobody chose for yet. */
export const defaultChannelOf = (kind: MessageKind): PreferredChannel => (OPT_IN[kind] ? 'none' : 'email');

/** Whether the kind is offered to this person at all (admins-only kinds are not offered to members). */
export const offeredTo = (kind: MessageKind, person: { role: 'member' | 'admin' }): boolean =>
  OPT_IN[kind]?.for !== 'admins' || person.role === 'admin';

const KIND_OF: Record<Topic, MessageKind> = {
  'registration.enrolled': 'registrations',
  'registration.waitlisted': 'registrations',
  'registration.promoted': 'registrations',
  'registration.offered': 'registrations',
  'registration.cancelled': 'registrations',
  'session.updated': 'changes',
  'session.cancelled': 'changes',
  'reminder.48h': 'reminders',
  'reminder.1h': 'reminders',
  'session.message': 'host_messages',
  'session.thanks': 'after',
  'session.scheduled': 'runs_again',
  'session.recording': 'after',
  'host.low_turnout': 'hosting',
  'host.checklist': 'hosting',
  'host.digest': 'hosting',
  'feedback.requested': 'after',
  'feedback.reminder': 'after',
  'feedback.follow_up': 'after',
  'host.feedback_summary': 'hosting',
  'host.left': 'hosting',
  'analytics.weekly': 'education_summary',
  'manager.suggested': 'manager_suggestions',
};

export const kindOf = (topic: Topic): MessageKind => KIND_OF[topic];
