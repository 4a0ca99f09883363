import { FEEDBACK_WINDOW_DAYS, type FeedbackRequestStatus } from '../../../contracts/index.js';

const DAY = 86_400_000;

/** A session's feedback closes this long after it ends. */
export const closesAt = (endsAt: string): string => new Date(Date.parse(endsAt) + FEEDBACK_WINDOW_DAYS * DAY).toISOString();

export type WindowState = 'not_yet' | 'open' | 'closed';

/** Feedback opens when the session ends and closes FEEDBACK_WINDOW_DAYS later. */
export function windowState(endsAt: string, now: string): WindowState {
  if (now < endsAt) return 'not_yet';
  return now < closesAt(endsAt) ? 'open' : 'closed';
}

/**
 * Held a seat at the end. The mark-no-shows job turns everyone enrolled into a no-show once a
 * session ends, whether or not the host took attendance: when nobody was checked in, a no-show
 * only means "enrolled at the end".
 */
const seatedAtTheEnd = (status: string | undefined) => status === 'enrolled' || status === 'no_show';

/**
 * Who is asked about a session: the people checked in; if the host checked nobody in, everyone
 * still enrolled at the end (they may answer "I didn't attend").
 */
export function whoIsAsked<R extends { status: string }>(registrations: R[]): R[] {
  const attended = registrations.filter((r) => r.status === 'attended');
  return attended.length > 0 ? attended : registrations.filter((r) => seatedAtTheEnd(r.status));
}

/** May this person answer, given their registration's status and whether anyone was checked in? */
export function mayAnswer(registrationStatus: string | undefined, anyoneCheckedIn: boolean): boolean {
  if (registrationStatus === 'attended') return true;
  return seatedAtTheEnd(registrationStatus) && !anyoneCheckedIn;
}

/** The status a learner sees: an open ask past its window is "closed". */
export function requestStatus(status: 'open' | 'answered' | 'declined', closes: string, now: string): FeedbackRequestStatus {
  return status === 'open' && closes <= now ? 'closed' : status;
}

/** When "Have you applied it?" is asked: `days` after the session ended. */
export const followUpDue = (endedAt: string, days: number): string => new Date(Date.parse(endedAt) + days * DAY).toISOString();

/** An ask's answer fields before it is answered, and after "I didn't attend". */
export const NO_ANSWER = {
  rating: null,
  usefulness: null,
  worked: null,
  improve: null,
  will_apply: null,
  apply_how: null,
  nps: null,
  answers: '{}',
  signed: 0,
} as const;
