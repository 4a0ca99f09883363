/** Message types in words, for the outbox and mailbox pages. */
export const topicLabels: Record<string, string> = {
  'registration.enrolled': 'Enrolled',
  'registration.waitlisted': 'Waitlisted',
  'registration.promoted': 'Promoted from the waitlist',
  'registration.offered': 'Seat offered',
  'registration.cancelled': 'Registration cancelled',
  'session.updated': 'Session changed',
  'session.cancelled': 'Session cancelled',
};

export const topicLabel = (topic: string) => topicLabels[topic] ?? topic;
