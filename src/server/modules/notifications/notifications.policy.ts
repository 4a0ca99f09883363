import { type Actor, isAdmin } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

export type NotificationsAction = 'read-outbox';

/**
 * What Lyceum sends is the education team's to watch: the outbox (and the built-in mailbox, which
 * holds everyone's mail). Preferences are each person's own and need no check.
 */
export function can(actor: Actor, _action: NotificationsAction): boolean {
  return isAdmin(actor);
}

const refusals: Record<NotificationsAction, string> = {
  'read-outbox': 'Only the education team (admins) can see the outbox and the mailbox.',
};

export function assertCan(actor: Actor, action: NotificationsAction): void {
  if (!can(actor, action)) throw forbidden(refusals[action]);
}
