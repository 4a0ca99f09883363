import { type Actor, mayMintCredentials } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

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
