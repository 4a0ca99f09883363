/**
 * The query keys of this feature: other features refresh them through these, never by spelling
 * the key. Everything about registrations (My learning, a session's roster, its messages and
 * check-in code) lives under `all`, so one refresh after a seat change reaches all of it.
 */
export const registrationKeys = {
  all: ['registrations'] as const,
  /** My learning, upcoming and past. */
  mine: ['registrations', 'mine'] as const,
  mineWhen: (when: 'upcoming' | 'past') => ['registrations', 'mine', when] as const,
};
