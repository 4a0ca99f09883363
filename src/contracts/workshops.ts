import { z } from 'zod';
import { httpUrl, listQuery, personRef } from './common.js';
import { workshopFormats } from './vocabulary.js';

export { defaultDurationMinutes, formatLabels, workshopFormats } from './vocabulary.js';

export const workshopFormat = z.enum(workshopFormats);
export type WorkshopFormat = z.infer<typeof workshopFormat>;

export const material = z.strictObject({ title: z.string().trim().min(1).max(200), url: httpUrl });

const tag = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .transform((t) => t.toLowerCase().replace(/\s+/g, '-'))
  .refine((t) => /^[\p{L}\p{N}][\p{L}\p{N}+#.-]*$/u.test(t), { message: 'Tags use letters, digits, + # . and -.' });

const DESCRIPTION_MAX_BYTES = 50 * 1024;

const workshopFields = {
  title: z.string().trim().min(1, 'Give the workshop a title.').max(200, 'Keep the title under 200 characters.'),
  summary: z.string().trim().min(1, 'Add a one-line summary.').max(500),
  description: z
    .string()
    .max(DESCRIPTION_MAX_BYTES)
    .refine((d) => new TextEncoder().encode(d).length <= DESCRIPTION_MAX_BYTES, { message: 'The description is limited to 50 KB.' }),
  format: workshopFormat,
  durationMinutes: z
    .number()
    .int('Use whole minutes.')
    .min(5, 'A session lasts at least 5 minutes.')
    .max(24 * 60, 'A session lasts at most 24 hours (1440 minutes); for longer, schedule several sessions.'),
  tags: z
    .array(tag)
    .max(20)
    .transform((tags) => [...new Set(tags)]),
  audience: z.string().trim().max(1000).nullable(),
  objectives: z.array(z.string().trim().min(1).max(300)).max(20),
  prerequisites: z.string().trim().max(2000).nullable(),
  materials: z.array(material).max(50),
  isSeries: z.boolean().describe('The sessions belong together: people register for all parts at once.'),
  language: z
    .string()
    .trim()
    .regex(/^[a-z]{2}$/, 'Use a two-letter language code such as en or de.')
    .describe('The language it is taught in.'),
};

export const createWorkshopBody = z.strictObject({
  ...workshopFields,
  description: workshopFields.description.default(''),
  durationMinutes: workshopFields.durationMinutes.optional(),
  tags: workshopFields.tags.default([]),
  audience: workshopFields.audience.optional(),
  objectives: workshopFields.objectives.default([]),
  prerequisites: workshopFields.prerequisites.optional(),
  materials: workshopFields.materials.default([]),
  isSeries: workshopFields.isSeries.default(false),
  language: workshopFields.language.default('en'),
});
export type CreateWorkshopBody = z.input<typeof createWorkshopBody>;

export const updateWorkshopBody = z.strictObject(workshopFields).partial();
export type UpdateWorkshopBody = z.input<typeof updateWorkshopBody>;

export const workshopStatus = z.enum(['draft', 'published']);

export const workshopHost = personRef.extend({ role: z.enum(['owner', 'cohost']) });

export const workshop = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  description: z.string(),
  format: workshopFormat,
  durationMinutes: z.number(),
  tags: z.array(z.string()),
  audience: z.string().nullable(),
  objectives: z.array(z.string()),
  prerequisites: z.string().nullable(),
  materials: z.array(z.object({ title: z.string(), url: z.string() })),
  status: workshopStatus,
  isSeries: z.boolean(),
  language: z.string(),
  hosts: z.array(workshopHost),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** Whether the viewer may edit it (a host or an admin). */
  canEdit: z.boolean(),
  upcomingSessionCount: z.number(),
  /** The channels (topic hubs) it belongs to. */
  channels: z.array(z.object({ slug: z.string(), name: z.string() })),
  /** "Prepared with the … checklist": the template's name, when the hosts chose to show it. */
  preparedWith: z.string().nullable(),
  /** Checklist progress (answered share, 0–100) for those who may edit; null otherwise or without one. */
  checklistPercent: z.number().nullable(),
});
export type Workshop = z.infer<typeof workshop>;

export const workshopsQuery = listQuery.extend({
  q: z.string().trim().max(200).optional(),
  tag: z.string().trim().max(40).optional(),
  hostId: z.string().max(64).optional(),
  status: workshopStatus.optional(),
});

export const addHostBody = z.strictObject({ personId: z.string().min(1).max(64) });
