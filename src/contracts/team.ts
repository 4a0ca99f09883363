import { z } from 'zod';
import { id, personRef } from './common.js';

/** How far back "recent learning" reaches on a manager's view. */
export const TEAM_RECENT_DAYS = 90;

const workshopRef = z.object({ id: z.string(), title: z.string() });

/** A report's registration for a session: the fields the upcoming and the recent ones share. */
const teamSession = z.object({
  registrationId: z.string(),
  sessionId: z.string(),
  workshop: workshopRef,
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});

/** A seat, a waitlist place or an offer of a report's, for a session still to come. */
export const teamUpcoming = teamSession.extend({ status: z.enum(['enrolled', 'waitlisted', 'offered']) });

/** What became of a report's registration for a session of the last 90 days (never their feedback). */
export const teamRecent = teamSession.extend({ outcome: z.enum(['attended', 'no_show', 'cancelled_late']) });

/** A workshop suggested to someone by their manager. */
export const managerSuggestion = z.object({
  id: z.string(),
  manager: personRef,
  person: personRef,
  workshop: workshopRef,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ManagerSuggestion = z.infer<typeof managerSuggestion>;

export const teamMember = z.object({
  person: personRef,
  upcoming: z.array(teamUpcoming),
  recent: z.array(teamRecent),
  /** What this manager suggested to them, newest first. */
  suggestions: z.array(managerSuggestion),
});
export type TeamMember = z.infer<typeof teamMember>;

export const teamLearning = z.object({
  /** Whose learning is shown: the people who report to you directly (not their reports in turn). */
  scope: z.literal('direct_reports'),
  recentDays: z.number().int(),
  items: z.array(teamMember),
});
export type TeamLearning = z.infer<typeof teamLearning>;

export const suggestWorkshopBody = z.strictObject({
  personId: id,
  workshopId: id,
  note: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
});
export type SuggestWorkshopBody = z.infer<typeof suggestWorkshopBody>;

export const receivedSuggestions = z.object({ items: z.array(managerSuggestion) });
