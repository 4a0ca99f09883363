import { type Actor, isAdmin, mayMintCredentials } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

export type NotificationsAction = 'read-outbox' | 'manage-webhooks';

/**
 * What Lyceum sends is the education team's to watch: the outbox, the built-in mailbox (it holds
 * everyone's mail) and the webhooks that carry registrations out. Feeds and preferences are
 * each person's own and need no check.
 */
export function can(actor: Actor, _action: NotificationsAction): boolean {
  return isAdmin(actor);
}

const refusals: Record<NotificationsAction, string> = {
  'read-outbox': 'Only the education team (admins) can see the outbox and the mailbox.',
  'manage-webhooks': 'Only admins manage webhooks.',
};

export function assertCan(actor: Actor, action: NotificationsAction): void {
  if (!can(actor, action)) throw forbidden(refusals[action]);
}

/**
 * A feed address is a credential of its own (calendar apps fetch it without signing in), so, like
 * an API token, it is made only in a browser: one made with a leaked token would outlive revoking it.
 */
export function assertCanMakeFeed(actor: Actor): void {
  if (!mayMintCredentials(actor)) {
    throw forbidden(
      'An API token cannot make a calendar feed address: the address would keep working after the token is revoked. ' +
        'Sign in to Lyceum in a browser and make it on your profile page.',
    );
  }
}
