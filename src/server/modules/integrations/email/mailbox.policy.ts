import { type Actor, isAdmin } from '../../../platform/actor.js';
import { forbidden } from '../../../platform/errors.js';

/** The built-in mailbox holds everyone's mail: the education team's (admins) to read. */
export function canReadMailbox(actor: Actor): boolean {
  return isAdmin(actor);
}

export function assertCanReadMailbox(actor: Actor): void {
  if (!canReadMailbox(actor)) throw forbidden('Only the education team (admins) can see the outbox and the mailbox.');
}
