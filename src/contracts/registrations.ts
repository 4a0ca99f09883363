import { z } from 'zod';
import { listQuery } from './common.js';

export const registrationStatuses = ['enrolled', 'waitlisted', 'offered', 'cancelled', 'attended', 'no_show'] as const;
export const registrationStatus = z.enum(registrationStatuses);
export type RegistrationStatus = z.infer<typeof registrationStatus>;

/** Which seats a registration holds: the session's own mode, or the chosen one of a hybrid session. */
export const seatPool = z.enum(['in_person', 'online']);
export type SeatPool = z.infer<typeof seatPool>;

export const registerBody = z.strictObject({
  mode: seatPool.optional().describe('For hybrid sessions: in_person (default) or online.'),
  personId: z.string().min(1).max(64).optional().describe('Hosts only: register someone else.'),
});

export const registration = z.object({
  id: z.string(),
  sessionId: z.string(),
  personId: z.string(),
  status: registrationStatus,
  /** 1-based place on the waitlist; null unless waitlisted. */
  position: z.number().nullable(),
  mode: seatPool,
  offerExpiresAt: z.string().nullable(),
  lateCancellation: z.boolean(),
  walkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Registration = z.infer<typeof registration>;

export const rosterEntry = registration.extend({
  person: z.object({ id: z.string(), name: z.string(), email: z.string(), title: z.string().nullable(), team: z.string().nullable() }),
});
export type RosterEntry = z.infer<typeof rosterEntry>;

export const rosterQuery = listQuery.extend({ status: registrationStatus.optional() });

export const personBody = z.strictObject({ personId: z.string().min(1).max(64) });
export const moveBody = z.strictObject({ position: z.number().int().min(1) });
export const checkInBody = z.strictObject({ code: z.string().trim().min(1, 'Type the code the host shows, e.g. K7QX2M.').max(20) });
export const checkInCode = z.object({ code: z.string(), validFrom: z.string(), validUntil: z.string() });

export const messageBody = z.strictObject({
  subject: z.string().trim().min(1, 'Add a subject.').max(200),
  body: z.string().trim().min(1, 'Write a message.').max(10_000),
});
export type MessageBody = z.infer<typeof messageBody>;
export const sessionMessage = z.object({
  id: z.string(),
  sessionId: z.string(),
  author: z.object({ id: z.string(), name: z.string() }),
  subject: z.string(),
  body: z.string(),
  createdAt: z.string(),
  /** Delivery comes with notifications; until then messages are kept and shown to attendees. */
  delivered: z.boolean(),
});
export type SessionMessage = z.infer<typeof sessionMessage>;

export const myRegistrationsQuery = listQuery.extend({ when: z.enum(['upcoming', 'past']).default('upcoming') });
