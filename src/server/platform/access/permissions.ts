import { type Actor, isAdmin } from '../actor.js';
import type { RegistrationFacts, WorkshopFacts } from './access.repository.js';

/**
 * Lyceum's access vocabulary: every question a route asks before it acts. A permission names
 * its resource (`workshop.`, `session.`, `registration.`) and the id it is asked about is of that
 * resource; `admin` is asked about nobody.
 */
export const permissions = {
  /** See a workshop: published ones are everybody's, drafts their hosts' (and admins'). */
  'workshop.view': 'workshop',
  /** Change a workshop, schedule its sessions, manage its checklist and channels: hosts and admins. */
  'workshop.edit': 'workshop',
  /** Act as one of the workshop's hosts (answer its checklist): hosts only, not admins. */
  'workshop.host': 'workshop',
  /** See a session: whoever sees its workshop. */
  'session.view': 'session',
  /** Change or cancel a session: its workshop's hosts and admins. */
  'session.edit': 'session',
  /** See and manage a session's roster (registrations, attendance, messages): hosts and admins. */
  'session.roster': 'session',
  /** See a registration: the person registered, and the session's hosts and admins. */
  'registration.view': 'registration',
  /** Answer for a registration (confirm, decline, cancel): the person registered. */
  'registration.respond': 'registration',
  /** Manage a registration (mark attendance, remove): the session's hosts and admins. */
  'registration.manage': 'registration',
} as const;

export type Permission = keyof typeof permissions | 'admin';
export type WorkshopPermission = {
  [P in keyof typeof permissions]: (typeof permissions)[P] extends 'workshop' ? P : never;
}[keyof typeof permissions];
export type SessionPermission = {
  [P in keyof typeof permissions]: (typeof permissions)[P] extends 'session' ? P : never;
}[keyof typeof permissions];
export type RegistrationPermission = {
  [P in keyof typeof permissions]: (typeof permissions)[P] extends 'registration' ? P : never;
}[keyof typeof permissions];

const isHostOf = (actor: Actor, facts: WorkshopFacts) => facts.hostIds.includes(actor.id);

/** Published workshops and their sessions are everybody's to see: only a draft needs a look at its hosts. */
export const seenByEveryone = (workshop: { status: WorkshopFacts['status'] }): boolean => workshop.status === 'published';

/** The pure rules: whether `actor` may, given the facts. Whoever may not see a thing is told it does not exist. */
export function allows(actor: Actor, permission: Exclude<Permission, RegistrationPermission | 'admin'>, facts: WorkshopFacts): boolean;
export function allows(actor: Actor, permission: RegistrationPermission, facts: RegistrationFacts): boolean;
export function allows(actor: Actor, permission: 'admin'): boolean;
export function allows(actor: Actor, permission: Permission, facts?: WorkshopFacts | RegistrationFacts): boolean {
  if (permission === 'admin') return isAdmin(actor);
  if (!facts) return false;
  const hostOrAdmin = isHostOf(actor, facts) || isAdmin(actor);
  switch (permission) {
    case 'workshop.view':
    case 'session.view':
      return seenByEveryone(facts) || hostOrAdmin;
    case 'workshop.edit':
    case 'session.edit':
    case 'session.roster':
      return hostOrAdmin;
    case 'workshop.host':
      return isHostOf(actor, facts);
    case 'registration.view':
      return (facts as RegistrationFacts).personId === actor.id || hostOrAdmin;
    case 'registration.respond':
      return (facts as RegistrationFacts).personId === actor.id;
    case 'registration.manage':
      return hostOrAdmin;
  }
}
