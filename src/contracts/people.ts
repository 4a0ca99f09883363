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
});
export type Person = z.infer<typeof person>;

export const peopleQuery = listQuery.extend({ q: z.string().trim().max(200).optional() });

export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  hint: z.string().describe('The last characters of the token, to tell tokens apart.'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;

export const createTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
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
