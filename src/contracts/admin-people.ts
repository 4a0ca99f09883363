import { z } from 'zod';
import { listQuery, personRef } from './common.js';
import { role } from './people.js';

/** A person as the People admin page sees them: the directory's fields and their lifecycle. */
export const adminPerson = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  team: z.string().nullable(),
  role,
  roleSource: z.enum(['manual', 'directory']).describe('`manual`: an admin set the role by hand; `directory`: group claims did.'),
  active: z.boolean().describe('False once deactivated: no sign-in, no sessions, tokens or calendar feed.'),
  deactivatedAt: z.string().nullable(),
  deactivatedBy: personRef.nullable().describe('Who deactivated them (null for SCIM or the system, or when active).'),
  erasedAt: z.string().nullable().describe('Set once name, email and profile were erased; irreversible.'),
  workshopsWithoutHost: z
    .array(z.object({ id: z.string(), title: z.string() }))
    .describe('For someone inactive: the workshops they hosted that have sessions to come and no active host left (empty otherwise).'),
});
export type AdminPerson = z.infer<typeof adminPerson>;

export const adminPeopleQuery = listQuery.extend({ q: z.string().trim().max(200).optional() });

export const changeRoleBody = z.strictObject({ role });

export const eraseBody = z.strictObject({
  confirm: z.string().trim().max(320).describe("The person's email address, typed again: erasure cannot be undone."),
});
