import { z } from 'zod';
import { listQuery, personRef } from './common.js';

export const role = z.enum(['member', 'admin']);

export const person = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  location: z.string().nullable(),
  timeZone: z.string(),
  role,
  manager: personRef.nullable(),
  active: z.boolean().describe('False once the person left (deactivated): kept for history, cannot sign in.'),
});
export type Person = z.infer<typeof person>;

export const peopleQuery = listQuery.extend({ q: z.string().trim().max(200).optional() });

export const tokenScope = z
  .enum(['read', 'write'], { error: 'Choose "read" (may only look) or "write" (acts fully as you).' })
  .describe('`read`: may only look (GET); `write`: acts fully as you.');
export type TokenScope = z.infer<typeof tokenScope>;

/** The lifetimes one may choose for a token, in days; null means it never expires. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string().describe('The last characters of the token, to tell tokens apart.'),
  scope: tokenScope,
  createdAt: z.string(),
  expiresAt: z.string().nullable().describe('After this the token no longer works; null: never expires.'),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: tokenScope.default('write'),
  expiresInDays: z
    .literal(TOKEN_LIFETIMES_DAYS, { error: 'Choose 30, 90 or 365 days, or null for a token that never expires.' })
    .nullable()
    .default(90)
    .describe('How long the token works: 30, 90 or 365 days, or null for never expiring.'),
});
export type CreateTokenBody = z.input<typeof createTokenBody>;
export const createdToken = apiToken.extend({
  token: z.string().describe('Shown once: Lyceum keeps only a hash of it.'),
});
export type CreatedToken = z.infer<typeof createdToken>;

export const devSignInBody = z.strictObject({ email: z.string().trim().max(320) });
export const devAccount = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  role,
});
export type DevAccount = z.infer<typeof devAccount>;
