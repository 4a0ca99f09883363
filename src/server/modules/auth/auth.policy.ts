import { type Actor, mayMintCredentials } from '../../platform/actor.js';
import { forbidden } from '../../platform/errors.js';

/**
 * Tokens are made by a person signed in with a browser, or by an operator with the CLI. A leaked
 * token must not be able to mint more tokens (with a longer life or a wider scope) that would
 * outlive revoking it.
 */
export function assertCanCreateToken(actor: Actor): void {
  if (!mayMintCredentials(actor)) {
    throw forbidden('An API token cannot create tokens: sign in to Lyceum in a browser, or run `lyceum token create` on the server.');
  }
}
