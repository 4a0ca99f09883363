import { z } from 'zod';
import { httpUrl, isoDateTime, listQuery, personRef, timeZone } from './common.js';
import { workshopFormat } from './workshops.js';

export const sessionMode = z.enum(['in_person', 'online', 'hybrid']);
export type SessionMode = z.infer<typeof sessionMode>;
export const modeLabels: Record<SessionMode, string> = { in_person: 'In person', online: 'Online', hybrid: 'Hybrid' };

const seats = z.number().int().min(1).max(100000).nullable();

const sessionFields = {
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  timeZone,
  mode: sessionMode,
  location: z.string().trim().max(300).nullable(),
  videoUrl: httpUrl.nullable(),
  seats,
};

export const createSessionBody = z.strictObject({
  ...sessionFields,
  location: sessionFields.location.optional(),
  videoUrl: sessionFields.videoUrl.optional(),
  seats: seats.optional(),
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

export const updateSessionBody = z.strictObject(sessionFields).partial();
export type UpdateSessionBody = z.input<typeof updateSessionBody>;

export const sessionStatus = z.enum(['scheduled', 'cancelled']);

export const session = z.object({
  id: z.string(),
  workshopId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  mode: sessionMode,
  location: z.string().nullable(),
  videoUrl: z.string().nullable(),
  seats: z.number().nullable(),
  status: sessionStatus,
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
