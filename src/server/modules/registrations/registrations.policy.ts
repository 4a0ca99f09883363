import { type Actor, isAdmin } from '../../platform/actor.js';

export type RegistrationAction = 'view' | 'respond' | 'manage';

/**
 * A person sees and answers (confirm, decline, cancel) their own registrations; a session's hosts
 * and admins manage every registration of it. Anyone else is told it does not exist (404).
 */
export function can(actor: Actor, action: RegistrationAction, registration: { personId: string; hostIds: readonly string[] }): boolean {
  const isHost = registration.hostIds.includes(actor.id) || isAdmin(actor);
  const isOwner = registration.personId === actor.id;
  switch (action) {
    case 'view':
      return isOwner || isHost;
    case 'respond':
      return isOwner;
    case 'manage':
      return isHost;
  }
}
