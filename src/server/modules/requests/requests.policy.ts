import { type Actor, isAdmin } from '../../platform/actor.js';

/** A request is answered by whoever claimed it (or an admin, on their behalf). */
export function canAnswer(actor: Actor, request: { claimedBy: string | null }): boolean {
  return request.claimedBy === actor.id || isAdmin(actor);
}
