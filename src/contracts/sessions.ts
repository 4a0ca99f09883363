import { z } from 'zod';
import { httpUrl, isoDateTime, listQuery, personRef, timeZone } from './common.js';
import type { role } from './people.js';
import { type RegistrationStatus, registration } from './registrations.js';
import { sessionModes, videoLinkStatuses } from './vocabulary.js';
import { workshopFormat } from './workshops.js';

export { modeLabels, videoLinkStatuses } from './vocabulary.js';

export const sessionMode = z.enum(sessionModes);
export type SessionMode = z.infer<typeof sessionMode>;

const seats = z.number().int().min(1).max(100000).nullable();

const sessionFields = {
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone,
  mode: sessionMode,
  location: z.string().trim().max(300).nullable(),
  videoUrl: httpUrl.nullable(),
  seats,
  onlineSeats: seats.describe('Hybrid sessions: the online seats (seats are then the in-person ones).'),
  registrationOpensAt: isoDateTime.nullable().describe('Default: when the workshop is published.'),
  registrationClosesAt: isoDateTime.nullable().describe('Default: at the start.'),
  promotion: z.enum(['auto', 'offer']).describe('auto: the next person is enrolled; offer: they confirm within offerHours.'),
  offerHours: z.number().int().min(1).max(168),
};

export const createSessionBody = z.strictObject({
  ...sessionFields,
  location: sessionFields.location.optional(),
  videoUrl: sessionFields.videoUrl.optional(),
  seats: seats.optional(),
  onlineSeats: seats.optional(),
  registrationOpensAt: sessionFields.registrationOpensAt.optional(),
  registrationClosesAt: sessionFields.registrationClosesAt.optional(),
  promotion: sessionFields.promotion.optional(),
  offerHours: sessionFields.offerHours.optional(),
});
export type CreateSessionBody = z.input<typeof createSessionBody>;

export const repeatRule = z.strictObject({
  frequency: z.enum(['daily', 'weekly']),
  interval: z.number().int().min(1).max(12).default(1),
  count: z.number().int().min(2).max(52),
});
export type RepeatRule = z.input<typeof repeatRule>;

export const createRecurringSessionsBody = createSessionBody.extend({ repeat: repeatRule });
export type CreateRecurringSessionsBody = z.input<typeof createRecurringSessionsBody>;

/** Slides, notes or code shared after a session: at most 20, each a title and an http(s) link. */
export const sessionMaterial = z.strictObject({ title: z.string().trim().min(1).max(200), url: httpUrl });
export type SessionMaterial = z.infer<typeof sessionMaterial>;

export const updateSessionBody = z
  .strictObject({
    ...sessionFields,
    recordingUrl: httpUrl.nullable().describe('Once the session has started: its recording (null removes it); 409 not_started before.'),
    materials: z.array(sessionMaterial).max(20, 'at most 20 materials').describe('Once the session has started: what was shared.'),
  })
  .partial();
export type UpdateSessionBody = z.input<typeof updateSessionBody>;

/** Which sessions a change reaches: this one, or this one and the workshop's later scheduled sessions. */
export const updateSessionQuery = z.object({
  scope: z
    .enum(['this', 'following'])
    .default('this')
    .describe(
      'following: the same change reaches the later scheduled sessions of the workshop too (a new start time or duration moves each by the same amount).',
    ),
});
export type UpdateScope = z.infer<typeof updateSessionQuery>['scope'];

export const sessionStatus = z.enum(['scheduled', 'cancelled']);

/** Who looks at a session: the person, whether they host its workshop, and their registration (not a cancelled one). */
export interface SessionViewer {
  actor: { id: string; role: z.infer<typeof role> };
  hostIds: readonly string[];
  registration: { status: RegistrationStatus } | null | undefined;
}

/**
 * The video link is the door to the session: it is for people with a confirmed seat, the
 * workshop's hosts and admins. Everyone else who can see the session (the whole company, for a
 * published workshop) would otherwise walk in without registering, past the seat limit. A
 * contract, not a module's policy, because the session API and the messages (notifications)
 * must decide alike.
 */
export function maySeeVideoLink(viewer: SessionViewer): boolean {
  if (viewer.actor.role === 'admin' || viewer.hostIds.includes(viewer.actor.id)) return true;
  return viewer.registration != null && videoLinkStatuses.includes(viewer.registration.status);
}

/** The session's video link as this viewer may see it: the link, or null. */
export const videoLinkFor = (videoUrl: string | null, viewer: SessionViewer): string | null => (maySeeVideoLink(viewer) ? videoUrl : null);

export const session = z.object({
  id: z.string(),
  workshopId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  mode: sessionMode,
  location: z.string().nullable(),
  videoUrl: z
    .string()
    .nullable()
    .describe(
      "Only for people holding a confirmed seat (enrolled or checked in), the workshop's hosts and admins; null for everyone else.",
    ),
  hasVideoLink: z
    .boolean()
    .describe('Whether the session has a video link, for everyone who sees it (videoUrl is null both without a link and without a seat).'),
  seats: z.number().nullable(),
  onlineSeats: z.number().nullable(),
  registrationOpensAt: z.string().nullable(),
  registrationClosesAt: z.string().nullable(),
  promotion: z.enum(['auto', 'offer']),
  offerHours: z.number(),
  /** People holding a seat (enrolled, offered or checked in), all modes together. */
  enrolledCount: z.number(),
  waitlistCount: z.number(),
  /** Hybrid sessions: the online part of the counts above. */
  onlineEnrolledCount: z.number(),
  onlineWaitlistCount: z.number(),
  /** The viewer's own active registration, if any. */
  myRegistration: registration.nullable(),
  status: sessionStatus,
  /** After the session: its recording and what was shared, for everyone who sees the session. */
  recordingUrl: z.string().nullable(),
  materials: z.array(z.object({ title: z.string(), url: z.string() })),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof session>;

/** A catalog entry: a session with what a person needs to decide about its workshop. */
export const catalogEntry = session.extend({
  workshop: z.object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    format: workshopFormat,
    tags: z.array(z.string()),
    hosts: z.array(personRef),
  }),
});
export type CatalogEntry = z.infer<typeof catalogEntry>;

export const catalogQuery = listQuery.extend({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

export const workshopSessionsQuery = listQuery.extend({
  when: z.enum(['upcoming', 'past', 'all']).default('all'),
});
