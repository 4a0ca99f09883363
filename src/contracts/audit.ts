import { z } from 'zod';
import { isoDate } from './analytics.js';
import { listQuery } from './common.js';

/**
 * The audit log as admins read it: who did what, when, from where, with the request id that
 * ties an entry to the server's logs and to the error an API client was shown.
 */

/** A dotted action name (`api_token.created`), or its first part with the dot (`webhook.`) for every action under it. */
export const auditActionFilter = z
  .string()
  .trim()
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.?$/, 'Use an action such as webhook.created, or its start with a dot: webhook.');

/** Who, what and when an admin looks for; the period is in UTC days, both ends included. */
export const auditFilters = {
  /** A person's id: what they did. */
  actor: z.string().trim().min(1).max(64).optional(),
  action: auditActionFilter.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

function periodCheck(v: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (v.from !== undefined && v.to !== undefined && v.from > v.to)
    ctx.addIssue({ code: 'custom', path: ['from'], message: '`from` must be on or before `to`.' });
}

export const auditQuery = z
  .strictObject({ ...auditFilters, ...listQuery.shape, limit: z.coerce.number().int().min(1).max(200).default(50) })
  .superRefine(periodCheck);
export type AuditQuery = z.input<typeof auditQuery>;

export const auditCsvQuery = z.strictObject(auditFilters).superRefine(periodCheck);

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  /** `id` null: the directory (SCIM), the system, or someone who was not signed in (a failed sign-in: the email typed). */
  actor: z.object({ id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }).nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;
