import { type Actor, isAdmin } from '../../../platform/actor.js';
import { forbidden } from '../../../platform/errors.js';

/** Webhooks carry registrations out of Lyceum: admins (the education team) manage them. */
export function canManageWebhooks(actor: Actor): boolean {
  return isAdmin(actor);
}

export function assertCanManageWebhooks(actor: Actor): void {
  if (!canManageWebhooks(actor)) throw forbidden('Only admins manage webhooks.');
}
